package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One figure of each kind through the engine and FOP into a PDF, read back with PDFBox. */
class FigureEngineTest {
  /** Words each test figure must show as text (titles, axis labels, legend entries, categories). */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("figures/bars.yml", List.of("Mean grade by section", "Mon", "Wed", "2025", "Histogram of scores", "students"));
    EXPECTED.put("figures/contour.yml", List.of("Contours of", "gradient descent", "descent path", "Heat map of"));
    EXPECTED.put("figures/function.yml", List.of("Logistic loss", "margin", "hinge", "zero–one", "loss"));
    EXPECTED.put("figures/parametric.yml", List.of("Unit circle and a Lissajous curve", "Lissajous"));
    EXPECTED.put("figures/regions.yml", List.of("feasible", "area under"));
    EXPECTED.put("figures/scatter.yml", List.of("Hours studied and exam score", "hours studied", "score", "students", "a guess", "fit:"));
    EXPECTED.put("figures/surface.yml", List.of("Vectors in"));
    EXPECTED.put("figures/vectors.yml", List.of("Projection of", "onto"));
  }

  @TempDir Path dir;
  DiskWorld world;

  @BeforeEach
  void copyBook() throws IOException {
    world = TestBooks.copy("figure-book", dir);
  }

  @Test
  void everyKindIsDrawnAsVectorsWithItsLabelsAsEmbeddedText() throws Exception {
    FigureEngine engine = new FigureEngine(world);
    List<Path> svgs = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (String spec : EXPECTED.keySet()) {
      Diagnostics d = new Diagnostics();
      FigureEngine.Rendered r = engine.renderFile(spec, SourcePos.of("chapters/x.md", 1, 1), d);
      assertEquals(List.of(), d.all(), spec);
      assertTrue(r.ok(), spec);
      String svg = Files.readString(r.svg());
      assertTrue(svg.contains("<text"), spec + " has SVG text");
      assertFalse(svg.contains("<image"), spec + " embeds no raster");
      svgs.add(r.svg());
      captions.add("Caption " + spec);
    }
    FigurePdf pdf = new FigurePdf();
    byte[] bytes = pdf.render(svgs, captions, dir);
    List<String> problems = pdf.events.stream().filter(e -> !e.startsWith("endPage")).toList();
    assertEquals(List.of(), problems, "FOP reported no font substitution or missing glyph");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertEquals(EXPECTED.size(), doc.getNumberOfPages());
      int page = 1;
      for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
        PDFTextStripper strip = new PDFTextStripper();
        strip.setStartPage(page);
        strip.setEndPage(page);
        // rotated labels (the y axis) come out one glyph run per line, so compare without white space
        String text = strip.getText(doc).replaceAll("\\s+", "");
        for (String word : e.getValue()) assertTrue(text.contains(word.replaceAll("\\s+", "")), e.getKey() + " shows '" + word + "' as text; got: " + text);
        Set<String> fonts = new TreeSet<>();
        List<String> images = new ArrayList<>();
        scan(doc.getPage(page - 1).getResources(), fonts, images, 0);
        assertEquals(List.of(), images, e.getKey() + " contains no raster images");
        assertTrue(fonts.stream().anyMatch(f -> f.contains("CMUSerif")), e.getKey() + " uses the book font: " + fonts);
        page++;
      }
      // every font, including jlatexmath's for the $...$ parts, is embedded
      Set<String> all = new TreeSet<>();
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDResources res = doc.getPage(i).getResources();
        for (COSName n : res.getFontNames()) {
          PDFont f = res.getFont(n);
          assertTrue(f.isEmbedded(), f.getName() + " is embedded");
          all.add(f.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
      assertTrue(all.containsAll(List.of("jlm_cmmi10", "jlm_cmr10", "CMUSerif-Roman")), "text and math fonts present: " + all);
    }
  }

  private static void scan(PDResources res, Set<String> fonts, List<String> images, int depth) throws IOException {
    if (res == null || depth > 8) return;
    for (COSName n : res.getFontNames()) fonts.add(res.getFont(n).getName());
    for (COSName n : res.getXObjectNames()) {
      PDXObject x = res.getXObject(n);
      if (x instanceof PDImageXObject) images.add(n.getName());
      if (x instanceof PDFormXObject form) scan(form.getResources(), fonts, images, depth + 1);
    }
  }

  @Test
  void anUnchangedFigureComesFromTheCacheAndARedrawGivesTheSameBytes() throws Exception {
    Map<String, byte[]> first = new LinkedHashMap<>();
    FigureEngine engine = new FigureEngine(world);
    for (String spec : EXPECTED.keySet()) {
      FigureEngine.Rendered r = engine.renderFile(spec, SourcePos.NONE, new Diagnostics());
      assertFalse(r.fromCache(), spec);
      first.put(spec, Files.readAllBytes(r.svg()));
    }
    for (String spec : EXPECTED.keySet()) {
      FigureEngine.Rendered r = new FigureEngine(world).renderFile(spec, SourcePos.NONE, new Diagnostics());
      assertTrue(r.fromCache(), spec + " reused");
      assertArrayEquals(first.get(spec), Files.readAllBytes(r.svg()), spec);
    }
    TestBooks.delete(dir.resolve("out"));
    for (String spec : EXPECTED.keySet()) {
      FigureEngine.Rendered r = new FigureEngine(world).renderFile(spec, SourcePos.NONE, new Diagnostics());
      assertFalse(r.fromCache(), spec + " redrawn");
      assertArrayEquals(first.get(spec), Files.readAllBytes(r.svg()), spec + " redrawn identically");
    }
  }

  @Test
  void changedDataMeansANewDrawing() throws Exception {
    FigureEngine engine = new FigureEngine(world);
    FigureEngine.Rendered a = engine.renderFile("figures/scatter.yml", SourcePos.NONE, new Diagnostics());
    // found drawn, and kept as found for the next build of a resident process: it must still see the data change
    assertTrue(engine.renderFile("figures/scatter.yml", SourcePos.NONE, new Diagnostics()).fromCache());
    Files.writeString(dir.resolve("figures/data/study.csv"), "\n9,95,a\n", java.nio.file.StandardOpenOption.APPEND);
    FigureEngine.Rendered b = engine.renderFile("figures/scatter.yml", SourcePos.NONE, new Diagnostics());
    assertFalse(b.fromCache());
    assertNotEquals(a.svg(), b.svg());
  }
}
