package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.StyleLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defence in depth behind the FO writer's image gate: FO handed straight to FOP (as a bug or another stage might
 * write it) still cannot read files outside the project, fetch URLs, or expand an SVG's external entity.
 */
class ResourcesSandboxTest {
  @TempDir Path dir;

  @Test
  void fopReadsNothingOutsideTheProjectAndNothingRemote() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRETVALUE");
    Files.writeString(dir.resolve("outside.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50\" height=\"20\"><text y=\"15\">OUTSIDESVG</text></svg>");
    Files.writeString(project.resolve("evil.svg"), "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"20\"><text y=\"15\">&xxe;</text></svg>\n");
    Files.writeString(project.resolve("plain.svg"), "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
        + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"20\">"
        + "<text y=\"15\" font-family=\"CMU Serif\">PLAINSVG</text></svg>\n");
    String fo = "<?xml version=\"1.0\"?><fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
        + "<fo:simple-page-master master-name=\"p\" page-width=\"200mm\" page-height=\"100mm\"><fo:region-body/></fo:simple-page-master>"
        + "</fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
        + "<fo:block font-family=\"CMU Serif\">Text stays.</fo:block>"
        + img("file://" + dir.resolve("outside.svg")) + img("file:///etc/passwd") + img("https://example.com/x.png")
        + img("project:evil.svg") + img("project:../secret.txt") + img("project:plain.svg")
        + "</fo:flow></fo:page-sequence></fo:root>";
    DiskWorld w = DiskWorld.of(project);
    Diagnostics diags = new Diagnostics();
    Metadata meta = new Metadata("T", "", List.of(), "2026-01-01", "", "", "", "en", List.of(), "");
    byte[] pdf = Renderer.render(fo, StyleLoader.load(w, "default", "en"), w, meta, new Date(0), diags);
    StringBuilder text = new StringBuilder();
    try (PdfInspector in = PdfInspector.open(pdf)) {
      for (int p = 0; p < in.pageCount(); p++) text.append(in.text(p));
    }
    assertTrue(text.toString().contains("Text stays."), text.toString());
    assertFalse(text.toString().contains("TOPSECRETVALUE"), "an external entity was expanded");
    assertFalse(text.toString().contains("OUTSIDESVG"), "a file outside the project was read");
    assertTrue(text.toString().contains("PLAINSVG"), "an SVG whose DOCTYPE only names the DTD still prints: " + text);
    assertTrue(diags.all().size() >= 5, "each refused image is reported: " + diags.all());
    assertFalse(diags.all().toString().contains("TOPSECRETVALUE"));
  }

  private static String img(String uri) {
    return "<fo:block><fo:external-graphic src=\"url(" + uri + ")\"/></fo:block>";
  }
}
