package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What teaching notebooks write in HTML and GitHub Markdown for boxes and lists: Bootstrap alert divs print as the
 * admonition of their colour without a title line, GitHub's {@code > [!WARNING]} quotes as that admonition, and an
 * {@code <ol type="a">} keeps its letters. They printed as plain paragraphs, a quotation starting "[!WARNING]", and
 * 1, 2, 3.
 */
class NotebookHtmlBoxesTest {
  @TempDir Path dir;

  @Test
  void alertDivsGitHubAlertsAndLetteredLists() throws Exception {
    Nb nb = new Nb().markdown("# Boxes\n\n<div class=\"alert alert-block alert-warning\">\n<b>Careful:</b> Hotplate.\n</div>\n")
        .markdown("> [!WARNING]\n> Sharpknife ahead.\n")
        .markdown("<ol type=\"a\" start=\"2\">\n<li>Letterone</li>\n<li>Lettertwo</li>\n</ol>\n")
        .markdown("> An ordinary quotation.\n");
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "nb.ipynb"),
        "nb.ipynb", nb.json()));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> bad = built.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertEquals(List.of(), bad);
    String fo = built.fo();
    // the alert is a warning box (its band colour) with no title block; the GitHub alert has the title "Warning"
    int alert = fo.indexOf("Hotplate");
    int knife = fo.indexOf("Sharpknife");
    assertTrue(alert > 0 && knife > alert, fo);
    String alertBox = fo.substring(fo.lastIndexOf("<fo:block", fo.lastIndexOf("Careful", alert) - 40), alert);
    assertFalse(alertBox.contains(">Warning<"), "no title line in the alert box: " + alertBox);
    String between = fo.substring(alert, knife);
    assertTrue(between.contains(">Warning<"), "the GitHub alert is titled: " + between);
    StringBuilder text = new StringBuilder();
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      for (int p = 0; p < pdf.pageCount(); p++) text.append(pdf.text(p)).append('\n');
    }
    String all = text.toString().replaceAll("\\s+", " ");
    assertTrue(all.contains("b. Letterone") && all.contains("c. Lettertwo"), all);
    assertFalse(all.contains("[!WARNING]"), all);
    assertTrue(all.contains("An ordinary quotation."), all);
  }
}
