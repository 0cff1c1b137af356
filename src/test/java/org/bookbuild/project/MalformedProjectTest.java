package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 5 of issue 6 (project side): a toc naming a missing file, a toc cycle, each one clear diagnostic. */
class MalformedProjectTest {
  @TempDir Path dir;

  private static List<Diagnostic> problems(PipelineBooks.Built b) {
    return b.diags().all().stream().filter(d -> d.severity() != Severity.INFO).toList();
  }

  @Test
  void tocNamingAMissingFile() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "myst.yml", "version: 1\nproject:\n  title: T\n  license: CC-BY-4.0\n  toc:\n    - file: a.md\n    - file: gone\n",
        "a.md", "# A\n\nText.\n"));
    List<Diagnostic> p = problems(built);
    assertEquals(1, p.size(), p.toString());
    assertEquals("chapter-missing", p.get(0).ruleId());
    assertEquals("myst.yml", p.get(0).pos().file());
    assertEquals(7, p.get(0).pos().line());
    assertTrue(p.get(0).message().contains("gone.md"), "names what was tried: " + p.get(0).message());
    assertTrue(built.fo().contains("is missing"), "a visible placeholder");
  }

  @Test
  void tocCycleThroughChildren() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_toc.yml", "format: jb-book\nroot: intro\nchapters:\n  - file: a\n    sections:\n      - file: b\n        sections:\n          - file: a\n",
        "intro.md", "# Intro\n", "a.md", "# A\n\nText.\n", "b.md", "# B\n\nText.\n"));
    List<Diagnostic> p = problems(built);
    assertEquals(1, p.size(), p.toString());
    assertEquals("toc-cycle", p.get(0).ruleId());
    assertEquals(8, p.get(0).pos().line());
    assertTrue(p.get(0).message().contains("a.md \u2192 b.md \u2192 a.md"), p.get(0).message());
    assertNotNull(built.pdf(), "the build goes on");
  }

  @Test
  void yamlAliasCycle() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "myst.yml", "version: 1\nproject:\n  title: T\n  toc: &t\n    - file: a.md\n      children: *t\n",
        "a.md", "# A\n"));
    List<Diagnostic> p = problems(built);
    assertEquals(1, p.size(), p.toString());
    assertEquals("config-cycle", p.get(0).ruleId());
    assertEquals(2, built.result().status());
  }

  @Test
  void noConfigurationNamesAllThree() throws Exception {
    Files.writeString(dir.resolve("a.md"), "# A\n");
    var built = PipelineBooks.build(dir, Map.of());
    assertEquals("config-missing", built.diags().all().get(0).ruleId());
    assertTrue(built.diags().all().get(0).message().contains("myst.yml"));
  }
}
