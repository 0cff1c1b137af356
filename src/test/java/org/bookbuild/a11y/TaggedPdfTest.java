package org.bookbuild.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.testing.PipelineBooks;
import org.bookbuild.testing.Vera;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 1: a book with headings, math, a table, a figure, a footnote and links, built with
 * {@code archive: true}, is tagged with the structure a screen reader needs and passes veraPDF's PDF/A-2a and PDF/UA-1
 * profiles with no failed rule.
 */
class TaggedPdfTest {
  static final String CHAPTER = """
      # Vectors

      A vector $v \\in \\mathbb{R}^n$ has length $\\lVert v \\rVert$.[^1] See [the web](https://example.org) and
      {numref}`fig-arrow`.

      [^1]: Measured with the Euclidean norm.

      ## Sums

      $$
      \\sum_{i=1}^n x_i^2 = \\lVert x \\rVert^2
      $$ (eq-sum)

      | name | symbol |
      |------|--------|
      | alpha | $\\alpha$ |
      | beta | $\\beta$ |

      ```{figure} arrow.svg
      :name: fig-arrow

      An arrow from the origin.
      ```

      ### Deeper

      Text under a third-level heading.

      ##### Skipped a level

      The source skips from ### to #####; the tagged PDF's levels do not skip (H3 then H4).
      """;

  /** Text in families the book has no face of (found in mines-nancy-optimization): set in embedded DejaVu Sans. */
  static final String SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='40'>"
      + "<line x1='0' y1='20' x2='90' y2='20' stroke='black'/>"
      + "<text x='2' y='12' style='font-family:Arial, Helvetica, sans-serif; font-size:9px'>origin</text>"
      + "<text x='60' y='36' style='font-family:Asana-Math, Asana; font-size:9px'>v</text></svg>";

  @Test
  void archiveEditionIsPdfA2aAndPdfUa1(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("language: en\narchive: true\n", "v.md"),
        "v.md", CHAPTER, "arrow.svg", SVG));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    byte[] pdf = Files.readAllBytes(b.pdf());
    assertEquals(Map.of(), Vera.failures(pdf, "2a"), "veraPDF: failed PDF/A-2a rules");
    assertEquals(Map.of(), Vera.failures(pdf, "ua1"), "veraPDF: failed PDF/UA-1 rules");

    try (PDDocument d = Loader.loadPDF(pdf)) {
      COSDictionary root = d.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
      List<COSDictionary> elems = new ArrayList<>();
      collect(root.getDictionaryObject(COSName.K), elems, new IdentityHashMap<>());
      List<String> types = elems.stream().map(e -> e.getNameAsString(COSName.S)).toList();
      assertTrue(!types.contains("H5") && types.contains("H4"), "heading levels do not skip: " + types);
      for (String t : List.of("H1", "H2", "H3", "P", "Formula", "Table", "TH", "TD", "Figure", "Link", "Note")) {
        assertTrue(types.contains(t), "structure type " + t + " in " + new java.util.TreeSet<>(types));
      }
      List<String> formulaAlts = elems.stream().filter(e -> "Formula".equals(e.getNameAsString(COSName.S)))
          .map(e -> e.getString(COSName.getPDFName("Alt"))).toList();
      assertTrue(formulaAlts.contains("v \\in \\mathbb{R}^n"), "a formula's /Alt is its TeX: " + formulaAlts);
      String figureAlt = elems.stream().filter(e -> "Figure".equals(e.getNameAsString(COSName.S)))
          .map(e -> e.getString(COSName.getPDFName("Alt"))).filter(a -> a != null && a.contains("arrow")).findFirst()
          .orElse(null);
      assertEquals("An arrow from the origin.", figureAlt, "an image without :alt: is described by its caption");
      assertTrue(d.getDocumentCatalog().getViewerPreferences().displayDocTitle());
      assertEquals("en", d.getDocumentCatalog().getLanguage());
    }
    // the SVG's text in families the book has no face of is set in embedded DejaVu Sans (never a base-14 stand-in)
    try (org.bookbuild.check.PdfInspector in = org.bookbuild.check.PdfInspector.open(pdf)) {
      List<String> figureFonts = new ArrayList<>();
      for (int p = 0; p < in.pageCount(); p++) {
        for (var f : in.fonts(p)) assertTrue(f.embedded(), "every font is embedded: " + f);
        for (var r : in.runs(p)) if (r.text().strip().equals("origin")) figureFonts.add(r.font());
      }
      assertTrue(!figureFonts.isEmpty() && figureFonts.stream().allMatch(f -> f.contains("DejaVuSans")),
          "the figure's text is set in DejaVu Sans: " + figureFonts);
    }
  }

  /** {@code archive: true} on one edition: that edition is PDF/A-2a (veraPDF), the book itself is not. */
  @Test
  void anEditionCanBeTheArchiveOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("book.yml"), PipelineBooks.bookYml("language: en\neditions:\n  library:\n"
        + "    archive: true\n", "v.md"));
    Files.writeString(dir.resolve("v.md"), "# Sets\n\nThe reals $\\mathbb{R}$ and the integers $\\mathbb{Z}$.\n");
    var world = new org.bookbuild.io.DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600"));
    org.bookbuild.diag.Diagnostics diags = new org.bookbuild.diag.Diagnostics();
    var lib = org.bookbuild.pipeline.Pipeline.build(world, new org.bookbuild.pipeline.Pipeline.Request(
        dir.resolve("out/library.pdf"), false, org.bookbuild.pipeline.Progress.NONE,
        new org.bookbuild.pipeline.Pipeline.Edition("library", null, false, false)), diags);
    assertEquals(0, lib.status(), diags.all().toString());
    var base = org.bookbuild.pipeline.Pipeline.build(world, new org.bookbuild.pipeline.Pipeline.Request(
        dir.resolve("out/base.pdf"), false), diags);
    assertEquals(0, base.status(), diags.all().toString());
    byte[] archive = Files.readAllBytes(lib.pdf());
    assertEquals(Map.of(), Vera.failures(archive, "2a"), "veraPDF: failed PDF/A-2a rules of the library edition");
    assertEquals(Map.of(), Vera.failures(archive, "ua1"), "veraPDF: failed PDF/UA-1 rules of the library edition");
    try (org.bookbuild.check.PdfInspector a = org.bookbuild.check.PdfInspector.open(archive);
        org.bookbuild.check.PdfInspector b = org.bookbuild.check.PdfInspector.open(base.pdf())) {
      String aid = "http://www.aiim.org/pdfa/ns/id/";
      assertEquals("2", a.xmpOne(aid, "part"));
      assertEquals("A", a.xmpOne(aid, "conformance"));
      assertEquals(null, b.xmpOne(aid, "part"), "the book itself is not PDF/A");
    }
    assertEquals(Map.of(), Vera.failures(Files.readAllBytes(base.pdf()), "ua1"), "the book itself is PDF/UA-1");
  }

  static void collect(COSBase k, List<COSDictionary> out, IdentityHashMap<COSBase, Boolean> seen) {
    COSBase b = k instanceof COSObject o ? o.getObject() : k;
    if (b == null || seen.put(b, true) != null) return;
    if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) collect(a.get(i), out, seen);
    } else if (b instanceof COSDictionary d && d.containsKey(COSName.S)) {
      out.add(d);
      collect(d.getItem(COSName.K), out, seen);
    }
  }
}
