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
    assertTrue(b.diags().all().stream().noneMatch(x -> x.ruleId().equals("render-conformance")), b.diags().all().toString());
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
      int figureFonts = 0;
      for (var page : d.getPages()) {
        for (var form : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(form) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f
              && f.getResources() != null) {
            for (var fn : f.getResources().getFontNames()) {
              var font = f.getResources().getFont(fn);
              assertTrue(font.isEmbedded(), "the figure's font is embedded: " + font.getName());
              assertTrue(font.getName().contains("DejaVuSans"), "the figure's text is set in DejaVu Sans: " + font.getName());
              figureFonts++;
            }
          }
        }
      }
      assertTrue(figureFonts > 0, "the figure's text is text in a font");
    }
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
