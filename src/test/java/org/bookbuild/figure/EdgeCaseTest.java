package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Degenerate but legal specs draw something sensible, and never reach the "could not be drawn" safety net. */
class EdgeCaseTest {
  @TempDir Path dir;

  static final List<String> SPECS = List.of(
      "plots: []\n",
      "plots:\n  - function: 3\n",
      "plots:\n  - function: sqrt(-1 - x^2)\n",
      "plots:\n  - function: tan(x)\n    domain: [-3, 3]\n",
      "plots:\n  - scatter: [[1, 1]]\n",
      "plots:\n  - histogram: [2, 2, 2]\n",
      "plots:\n  - bars: {a: -2, b: 3}\n",
      "x: {range: [-1, 1]}\ny: {range: [-1, 1]}\nplots:\n  - contour: 1\n",
      "x: {range: [-1, 1]}\ny: {range: [-1, 1]}\nplots:\n  - heatmap: log(x)\n",
      "x: {range: [-1, 1]}\ny: {range: [-1, 1]}\nplots:\n  - inequality: x^2 + y^2 < -1\n",
      "plots:\n  - vector: [0, 0]\n    label: zero\n",
      "x: {range: [-1, 1]}\ny: {range: [-1, 1]}\nz: {}\nplots:\n  - surface: sqrt(x)\n",
      "z: {range: [0, 1]}\nplots:\n  - point: [0, 0, 0]\n    label: O\n  - line: [[0, 0, 0], [1, 1, 1]]\n",
      "x: {range: [0, 1], ticks: [0, 0.25, 1]}\nplots:\n  - function: x\n",
      "width: 60\nheight: 40\ntitle: tiny\nplots:\n  - function: x\n    label: a very long legend entry that cannot fit\n");

  @Test
  void degenerateSpecsDraw() throws Exception {
    DiskWorld world = TestBooks.copy("figure-book", dir);
    FigureEngine engine = new FigureEngine(world);
    for (int i = 0; i < SPECS.size(); i++) {
      Files.writeString(dir.resolve("figures/e" + i + ".yml"), SPECS.get(i));
      Diagnostics d = new Diagnostics();
      FigureEngine.Rendered r = engine.renderFile("figures/e" + i + ".yml", SourcePos.NONE, d);
      final int k = i;
      assertEquals(List.of(), d.all(), () -> SPECS.get(k));
      assertTrue(r.ok(), SPECS.get(i));
    }
  }
}
