package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** _config.yml details: preamble macros, unknown keys at their line, jb-article. */
class JupyterBookConfigTest {
  @TempDir Path dir;

  @Test
  void preambleMacrosUnknownKeysAndArticle() throws Exception {
    Files.writeString(dir.resolve("_toc.yml"), "format: jb-article\nroot: main\nsections:\n  - file: part-a\n");
    Files.writeString(dir.resolve("_config.yml"), """
        title: Article
        latex:
          latex_elements:
            preamble: |
              \\newcommand{\\R}{\\mathbb{R}}
              \\renewcommand{\\vec}[1]{\\mathbf{#1}}
        wibble: 1
        """);
    Files.writeString(dir.resolve("main.md"), "# Main\n");
    Files.writeString(dir.resolve("part-a.ipynb"), "{}");
    Diagnostics d = new Diagnostics();
    Project p = ProjectLoader.load(DiskWorld.of(dir), d);
    assertEquals("\\mathbb{R}", p.mathMacros().get("\\R"));
    assertEquals("\\mathbf{#1}", p.mathMacros().get("\\vec"));
    var warnings = d.all().stream().filter(x -> x.severity() == Severity.WARNING).toList();
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(7, warnings.get(0).pos().line());
    assertEquals(1, p.toc().size(), "an article is one chapter");
    // in an untitled group (no part of its own), so that deeper sections never make the root open a part
    var article = p.toc().get(0);
    assertEquals("", article.file());
    assertEquals("", article.title());
    assertEquals("main.md", article.children().get(0).file());
    assertEquals("part-a.ipynb", article.children().get(0).children().get(0).file(), "extension-less name found as a notebook");
  }
}
