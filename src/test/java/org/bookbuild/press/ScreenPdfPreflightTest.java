package org.bookbuild.press;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, acceptance 1 (last part): a screen PDF checked for KDP fails, naming the rules it breaks. */
class ScreenPdfPreflightTest {
  @Test
  void screenPdfFailsForKdpNamingTheRules(@TempDir Path dir) throws IOException {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "ch.md"),
        "ch.md", "# One\n\nSee [the site](https://example.org) and {ref}`sec-two`.\n\n(sec-two)=\n## Two\n\nText.\n"));
    assertNotNull(b.pdf(), () -> b.diags().all().toString());
    TestBooks.Run r = TestBooks.cli("check", b.pdf().toString(), "--press", "kdp");
    assertEquals(1, r.status(), r.stdout() + r.stderr());
    for (String rule : new String[] {"press-boxes", "press-annotations", "press-pdfx", "press-page-count"}) {
      assertTrue(r.stdout().contains("FAIL " + rule), rule + " named in\n" + r.stdout());
    }
    assertTrue(r.stdout().contains("page 1 (top edge): error: recto page bleeds 0.000 in at the top"), r.stdout());
    assertTrue(r.stdout().contains("pass press-fonts"), r.stdout());
    // the same file passes the checks every PDF should pass
    assertEquals(0, TestBooks.cli("check", b.pdf().toString()).status());
  }

  @Test
  void unknownPressIsNamedWithTheClosest(@TempDir Path dir) {
    TestBooks.Run r = TestBooks.cli("check", dir.resolve("x.pdf").toString(), "--press", "kpd");
    assertEquals(2, r.status());
    assertTrue(r.stderr().contains("did you mean 'kdp'"), r.stderr());
  }
}
