package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MyST substitutions as Jupyter Book projects write them: {@code {{ key }}} from {@code parse: myst_substitutions:}
 * in _config.yml and from a page's front matter, inline Markdown values, a block value on a line of its own, and an
 * unknown key printed as written with a warning at its column. They printed as raw {@code {{ course }}} before.
 */
class SubstitutionsTest {
  @TempDir Path dir;

  /** The whole book's text, lines joined with spaces (justified lines end anywhere). */
  private static String text(Path pdf) throws Exception {
    PdfInspector in = PdfInspector.open(pdf);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.pageCount(); i++) sb.append(in.text(i)).append('\n');
    return sb.toString().replaceAll("\\s+", " ");
  }

  @Test
  void projectAndPageSubstitutionsPrint() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "_config.yml", """
            title: Substituted
            author: A. Teacher
            parse:
              myst_enable_extensions: [substitution, dollarmath]
              myst_substitutions:
                course: "MATH 101"
                term: "**Spring** term"
                year: 2026
                warning_box: |
                  ```{note}
                  Bring a calculator to every lab.
                  ```
            """,
        "_toc.yml", """
            format: jb-book
            root: intro
            chapters:
            - file: second
            """,
        "intro.md", """
            # Intro

            Welcome to {{ course }} in the {{term}} of {{ year }}.

            {{ warning_box }}

            Code keeps it: `{{ course }}`, and so does a block:

            ```
            {{ course }}
            ```

            An unknown one: {{ cours }}.
            """,
        "second.md", """
            ---
            substitutions:
              course: "MATH 202"
              room: "Hall $B$"
            ---
            # Second

            This page is {{ course }} in {{ room }}.
            """));
    String text = text(built.pdf());
    assertTrue(text.contains("Welcome to MATH 101 in the Spring term of 2026."), text);
    assertTrue(text.contains("Bring a calculator to every lab."), text);
    assertTrue(text.contains("This page is MATH 202 in Hall"), "a page's front matter wins on its page: " + text);
    assertTrue(text.contains("`{{ course }}`") || text.contains("{{ course }}"), "code keeps the reference as written");
    assertTrue(text.contains("An unknown one: {{ cours }}."), text);
    assertTrue(built.fo().contains("font-weight=\"bold\">Spring"), "the value is Markdown: **Spring** is bold");
    var unknown = built.rule("substitution-unknown");
    assertEquals(1, unknown.size(), built.diags().all().toString());
    Diagnostic d = unknown.get(0);
    assertEquals("intro.md", d.pos().file());
    assertEquals(13, d.pos().line());
    assertEquals(17, d.pos().col());
    assertTrue(d.hint().contains("course"), d.hint());
    assertTrue(built.rule("content-dropped").isEmpty());
    assertTrue(built.diags().all().stream().noneMatch(x -> x.message().contains("myst_substitutions")),
        "the setting is read, not noted as unused: " + built.diags().all());
  }

  @Test
  void aValueUsingItselfIsReportedNotExpandedForever() throws Exception {
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("substitutions:\n  loop: \"again {{ loop }}\"\n", "a.md"),
        "a.md", "# A\n\nThe loop: {{ loop }}.\n"));
    assertEquals(1, built.rule("substitution-cycle").size(), built.diags().all().toString());
    assertTrue(text(built.pdf()).contains("The loop: again {{ loop }}."));
  }
}
