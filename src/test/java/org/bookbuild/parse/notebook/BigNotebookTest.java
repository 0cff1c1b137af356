package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Book;
import org.bookbuild.parse.BookReader;
import org.bookbuild.project.ProjectLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4 of issue 6: a 10 MB executed notebook (embedded plotly.js, large plotly data) builds fast in a 512 MB
 * heap. The build runs in a forked JVM with -Xmx512m; the limits asserted are loose (the machine is shared), the
 * measured numbers are printed.
 */
class BigNotebookTest {
  @TempDir Path dir;

  static String bigNotebook() throws Exception {
    Nb nb = new Nb();
    nb.markdown("# A big executed notebook\n\nPlotly figures with the library embedded, as `fig.show()` stores them.\n");
    Random r = new Random(7);
    for (int k = 0; k < 3; k++) {
      ObjectNode cell = nb.code("fig = px.scatter(df, x='x', y='y')\nfig.show()");
      ObjectNode data = Nb.display(cell);
      ObjectNode plot = data.putObject("application/vnd.plotly.v1+json");
      ObjectNode tr = plot.putArray("data").addObject();
      tr.put("type", "scatter").put("mode", "markers").put("name", "sample " + k);
      ArrayNode xs = tr.putArray("x"), ys = tr.putArray("y");
      for (int i = 0; i < 5000; i++) {
        double x = r.nextGaussian();
        xs.add(x);
        ys.add(2 * x + r.nextGaussian());
      }
      ObjectNode hm = ((ArrayNode) plot.get("data")).addObject();
      hm.put("type", "heatmap");
      ArrayNode z = hm.putArray("z");
      for (int i = 0; i < 60; i++) {
        ArrayNode row = z.addArray();
        for (int j = 0; j < 60; j++) row.add(Math.sin(i / 9.0) * Math.cos(j / 7.0));
      }
      plot.putObject("layout").putObject("xaxis").put("title", "feature");
      // plotly.js inlined into the notebook (about 3 MB per figure in real files)
      StringBuilder js = new StringBuilder("<div><script type=\"text/javascript\">/* plotly.js */");
      while (js.length() < 3_100_000) js.append("var a").append(js.length()).append("=function(t){return t*2+1};");
      js.append("</script></div>");
      data.put("text/html", js.toString());
    }
    return nb.json();
  }

  @Test
  void tenMegabyteNotebookBuildsInA512MbHeap() throws Exception {
    String json = bigNotebook();
    Files.writeString(dir.resolve("big.ipynb"), json);
    Files.writeString(dir.resolve("book.yml"), "title: Big\nauthors: [Ada]\nlicense: CC-BY-4.0\ntoc:\n  - file: big.ipynb\n");
    long size = Files.size(dir.resolve("big.ipynb"));
    assertTrue(size >= 10_000_000, "notebook is " + size + " bytes");

    // parse stage alone, in this JVM: time and peak heap
    var world = DiskWorld.of(dir);
    Diagnostics d = new Diagnostics();
    var project = ProjectLoader.load(world, d);
    System.gc();
    long before = heapUsed();
    resetPeaks();
    long t0 = System.nanoTime();
    Book book = BookReader.read(world, project, d);
    long parseMs = (System.nanoTime() - t0) / 1_000_000;
    long peak = heapPeak() - before;
    assertEquals(1, book.chapters().size());

    // the whole build in a fresh JVM limited to 512 MB
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        "org.bookbuild.cli.Main", "build", dir.toString()));
    long t1 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "build finished");
    long buildMs = (System.nanoTime() - t1) / 1_000_000;
    String log = Files.readString(dir.resolve("build.log"));
    System.out.printf("10 MB notebook: %.1f MB; parse stage %d ms, peak heap during parse about %d MB; "
        + "whole build in a fresh JVM (-Xmx512m, cold start included) %d ms%n", size / 1e6, parseMs, peak >> 20, buildMs);
    assertEquals(0, p.exitValue(), log);
    assertFalse(log.contains("OutOfMemoryError"), log);
    // memory is asserted, time only printed: speed targets live in bench/, never in timed unit tests (a loaded CI
    // machine failed the old 60 s bound with nothing wrong)
    assertTrue(peak < 400L << 20, "parse peak heap " + (peak >> 20) + " MB");
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) b.resetPeakUsage();
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
    return sum;
  }
}
