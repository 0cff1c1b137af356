package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole book with one figure of each kind, built through the pipeline and read back with the PDF inspector. */
class FigureBookTest {
  @TempDir Path dir;

  private Path book() throws Exception {
    TestBooks.copy("figure-book", dir);
    StringBuilder md = new StringBuilder("# Figures\n\nEvery kind of generated figure.\n\n");
    for (String spec : FigureEngineTest.EXPECTED.keySet()) md.append("![A figure](").append(spec).append(")\n\nText after it.\n\n");
    org.bookbuild.TestBooks.write(dir, Map.of("book.yml", org.bookbuild.TestBooks.bookYml(null, "figures.md"), "figures.md", md.toString()));
    return dir;
  }

  private static Pipeline.Result build(Path dir, Diagnostics d) throws Exception {
    return Pipeline.build(new DiskWorld(dir, Map.of()), new Pipeline.Request(null, false), d);
  }

  @Test
  void everyFigureKindBuildsWithoutWarningsAsTextAndVectors() throws Exception {
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = build(book(), d);
    assertEquals(List.of(), d.all().stream().filter(x -> x.severity() != org.bookbuild.diag.Severity.INFO).map(Diagnostic::format).toList());
    assertEquals(0, r.status());
    try (PdfInspector pdf = PdfInspector.open(r.pdf())) {
      StringBuilder all = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) {
        all.append(pdf.text(p));
        assertEquals(List.of(), pdf.images(p), "no raster image on page " + p);
        for (PdfInspector.FontUse f : pdf.fonts(p)) assertTrue(f.embedded(), f.name() + " embedded");
      }
      String text = all.toString().replaceAll("\\s+", "");
      for (List<String> words : FigureEngineTest.EXPECTED.values()) {
        for (String w : words) assertTrue(text.contains(w.replaceAll("\\s+", "")), "'" + w + "' printed as text");
      }
    }
  }

  @Test
  void aSecondBuildReusesEveryFigureAndWritesTheSameBytes() throws Exception {
    Path b = book();
    Pipeline.Result first = build(b, new Diagnostics());
    byte[] pdf1 = Files.readAllBytes(first.pdf());
    Path cache = b.resolve(FigureEngine.CACHE_DIR);
    Map<Path, FileTime> times = new HashMap<>();
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(1000));
        times.put(p, Files.getLastModifiedTime(p));
      }
    }
    assertEquals(FigureEngineTest.EXPECTED.size(), times.size(), "one cached SVG per figure");
    Pipeline.Result second = build(b, new Diagnostics());
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) assertEquals(times.get(p), Files.getLastModifiedTime(p), p + " not redrawn");
    }
    assertArrayEquals(pdf1, Files.readAllBytes(second.pdf()), "identical PDF");
  }

  @Test
  void aLowResolutionPhotoIsNamedInAWarningAndASharpOneIsNot() throws Exception {
    ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("small.png").toFile());
    ImageIO.write(new BufferedImage(1800, 600, BufferedImage.TYPE_INT_RGB), "jpeg", dir.resolve("large.jpg").toFile());
    org.bookbuild.TestBooks.write(dir, Map.of("book.yml", org.bookbuild.TestBooks.bookYml(null, "c.md"),
        "c.md", "# Photos\n\n![small](small.png)\n\n![large](large.jpg){width=50%}\n"));
    Diagnostics d = new Diagnostics();
    build(dir, d);
    List<Diagnostic> low = d.byRule("image-resolution");
    assertEquals(1, low.size(), () -> d.all().toString());
    assertTrue(low.get(0).message().startsWith("small.png is 200 pixels wide"), low.get(0).message());
    assertEquals("c.md", low.get(0).pos().file());
  }

  @Test
  void aPlotDirectiveDrawsItsBodyAndReportsMistakesAtChapterLines() throws Exception {
    TestBooks.copy("figure-book", dir);
    String md = String.join("\n",
        "# Plots",                             // 1
        "",                                    // 2
        ":::{figure}",                         // 3
        ":label: fig-parabola",                // 4
        "```{plot}",                           // 5
        ":width: 80%",                         // 6
        "x: {range: [0, 2], label: \"$x$\"}",  // 7
        "plots:",                              // 8
        "  - function: x^2",                   // 9
        "    label: \"a parabola $x^2$\"",     // 10
        "```",                                 // 11
        "",                                    // 12
        "The parabola.",                       // 13
        ":::",                                 // 14
        "",                                    // 15
        "```{plot}",                           // 16
        "plots:",                              // 17
        "  - scatter: data/study.csv",         // 18
        "    x: hours",                        // 19
        "    y: grades",                       // 20
        "```",                                 // 21
        "");
    org.bookbuild.TestBooks.write(dir, Map.of("book.yml", org.bookbuild.TestBooks.bookYml(null, "plots.md"), "plots.md", md));
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = build(dir, d);
    List<Diagnostic> bad = d.all().stream().filter(x -> x.severity() != org.bookbuild.diag.Severity.INFO).toList();
    assertEquals(1, bad.size(), () -> bad.toString());
    assertEquals("figure-data", bad.get(0).ruleId());
    assertEquals(org.bookbuild.diag.SourcePos.of("plots.md", 20, 8), bad.get(0).pos(), bad.get(0).format());
    try (PdfInspector pdf = PdfInspector.open(r.pdf())) {
      StringBuilder all = new StringBuilder();
      for (int p = 0; p < pdf.pageCount(); p++) all.append(pdf.text(p));
      String text = all.toString();
      assertTrue(text.contains("a parabola"), "the plot's legend is text");
      assertTrue(text.contains("Figure 1.1"), "numbered as a figure");
      assertTrue(text.contains("Figure not drawn"), "the broken plot shows its placeholder");
    }
  }

  @Test
  void figureTextFollowsTheStyleFont() throws Exception {
    TestBooks.copy("figure-book", dir);
    org.bookbuild.TestBooks.write(dir, Map.of("book.yml", org.bookbuild.TestBooks.bookYml(null, "c.md"),
        "style.yml", "roles:\n  figure.plot: {font-family: \"DejaVu Serif\", font-size: 8pt}\n",
        "c.md", "# One\n\n![f](figures/function.yml)\n"));
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = build(dir, d);
    assertEquals(List.of(), d.all().stream().filter(x -> x.severity() != org.bookbuild.diag.Severity.INFO).map(Diagnostic::format).toList());
    String svg = Files.readString(Files.list(dir.resolve(FigureEngine.CACHE_DIR)).findFirst().orElseThrow());
    assertTrue(svg.contains("font-family:'DejaVu Serif'"), "SVG names the style's face");
    try (PdfInspector pdf = PdfInspector.open(r.pdf())) {
      boolean found = false;
      for (int p = 0; p < pdf.pageCount(); p++) {
        for (PdfInspector.GlyphRun g : pdf.runs(p)) if (g.text().contains("hinge")) found |= g.font().contains("DejaVuSerif");
      }
      assertTrue(found, "the legend is set in DejaVu Serif");
    }
  }
}
