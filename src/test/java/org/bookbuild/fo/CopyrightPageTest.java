package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.License;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.testing.TestFop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copyright page and XMP packet for every licence, rendered by FOP and read back with PDFBox. */
class CopyrightPageTest {
  static final List<String> ALL = List.of(
      "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0");
  static Style style;

  @BeforeAll
  static void loadStyle(@TempDir Path dir) throws Exception {
    style = StyleLoader.load(DiskWorld.of(dir), "default", "en");
  }

  static Metadata meta(String license) {
    return new Metadata("Linear Algebra for Engineers", "Course notes for a first semester",
        List.of(new Metadata.Author("Ada Lovelace", "Analytical Engines Ltd", null),
            new Metadata.Author("Alan Turing", null, null)),
        "2026-01-15", license, null, "2", "en", List.of("linear algebra", "matrices"),
        "An introduction to vectors and matrices.");
  }

  static byte[] render(Metadata m) throws Exception {
    Xml decl = new Xml();
    Xmp.write(decl, m, style);
    Xml page = new Xml();
    CopyrightPage.write(page, m, style);
    return TestFop.render(TestFop.document(decl.toString(), TestFop.sequence(null, page.toString())));
  }

  @Test
  void licenceTableHasEveryCc40LicenceAndCc0() {
    assertEquals(ALL.size(), style.licenseIds().size(), "licence ids: " + style.licenseIds());
    for (String id : ALL) {
      License l = License.lookup(style, id);
      assertTrue(l.url().startsWith("https://creativecommons.org/"), id);
      assertTrue(l.name().contains(id.equals("CC0-1.0") ? "CC0 1.0" : "4.0 International"), l.name());
      assertTrue(l.summary().length() > 150, id + " summary is too short to say anything");
      assertFalse(l.badge().isEmpty(), id);
    }
    assertEquals(List.of("by", "nc", "sa"), License.lookup(style, "cc-by-nc-sa-4.0").badge());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
      "CC-BY-NC-ND-4.0", "CC0-1.0"})
  void pageAndMetadataNameTheLicence(String id) throws Exception {
    License lic = License.lookup(style, id);
    byte[] pdf = render(meta(id));
    TestFop.keep("copyright-" + id + ".pdf", pdf);
    try (PdfInspector in = PdfInspector.open(pdf)) {
      assertEquals(1, in.pageCount());
      // Compare without white space: line breaks inside the URL and after hyphens show up as spaces in extraction.
      String text = squash(in.text(0));
      for (String s : List.of(lic.name(), lic.url(), lic.shortName(), "Edition 2", "Published 2026-01-15",
          lic.summary(), "Linear Algebra for Engineers")) {
        assertTrue(text.contains(squash(s)), "page lacks '" + s + "': " + in.text(0));
      }
      // CC0 waives copyright, so no composed copyright line contradicts it.
      assertEquals(!lic.dedication(), text.contains(squash("Copyright © 2026 Ada Lovelace, Alan Turing")), in.text(0));

      List<PdfInspector.Link> links = in.links();
      // FOP makes one annotation per line when the URL wraps.
      assertFalse(links.isEmpty());
      for (PdfInspector.Link l : links) assertEquals(lic.url(), l.uri());
      assertTrue(in.images(0).isEmpty(), "badge must be vector, found raster " + in.images(0));
      in.fonts(0).forEach(f -> assertTrue(f.embedded(), f + " not embedded"));

      assertEquals(List.of(lic.url()), in.xmp(PdfInspector.CC, "license"));
      assertEquals(lic.url(), in.xmpOne(PdfInspector.XMP_RIGHTS, "WebStatement"));
      assertEquals(lic.dedication() ? "False" : "True", in.xmpOne(PdfInspector.XMP_RIGHTS, "Marked"));
      String rights = in.xmpOne(PdfInspector.DC, "rights");
      assertTrue(rights.contains(lic.name()) && rights.contains(lic.url()), rights);
      assertEquals(List.of("Ada Lovelace", "Alan Turing"), in.xmp(PdfInspector.DC, "creator"));
      assertEquals("Linear Algebra for Engineers", in.xmpOne(PdfInspector.DC, "title"));
      assertEquals(List.of("linear algebra", "matrices"), in.xmp(PdfInspector.DC, "subject"));
      assertEquals("Linear Algebra for Engineers", in.info().get("Title"));
    }
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void bookWithoutKnownLicenceReservesRightsAndClaimsNoLicence() throws Exception {
    Metadata m = new Metadata("Notes", "", List.of(new Metadata.Author("Ada Lovelace", "", "")), "2026-01-15", "",
        "© 2026 Ada Lovelace. Printed by the department.", "", "en", List.of(), "");
    try (PdfInspector in = PdfInspector.open(render(m))) {
      String text = squash(in.text(0));
      assertTrue(text.contains(squash("© 2026 Ada Lovelace. Printed by the department.")), in.text(0));
      assertTrue(text.contains(squash("All rights reserved.")), in.text(0));
      assertFalse(text.contains("CreativeCommons"), in.text(0));
      assertTrue(in.links().isEmpty());
      assertEquals(List.of(), in.xmp(PdfInspector.CC, "license"));
      assertEquals(List.of(), in.xmp(PdfInspector.XMP_RIGHTS, "Marked"));
      assertEquals("© 2026 Ada Lovelace. Printed by the department.", in.xmpOne(PdfInspector.DC, "rights"));
    }
  }
}
