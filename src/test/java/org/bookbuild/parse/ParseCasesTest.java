package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Dump;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parser cases in the manner of commonmark's spec examples: each file under {@code src/test/resources/parse/} holds
 * cases of the form
 *
 * <pre>
 * === name
 * Markdown
 * --- dump
 * the expected model dump
 * --- diagnostics
 * the expected diagnostics, one per line: severity rule line:col
 * </pre>
 *
 * Files are parsed as {@code chapter.md} of a project rooted at the resources folder (so include cases can read
 * files beside them); cases in a {@code *.rst.cases} file are reStructuredText, parsed as {@code chapter.rst} by
 * {@code parse.rst.RstReader}. Run with {@code -Dupdate=true} to rewrite the expected parts from what the parser gives now;
 * review the diff before committing.
 */
class ParseCasesTest {
  static final Path DIR = Path.of("src/test/resources/parse");
  static final boolean UPDATE = Boolean.getBoolean("update");
  static final MarkdownParser PARSER = new MarkdownParser();

  record Case(String name, String markdown, String dump, String diagnostics) {}

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) {
        List<Case> cases = read(Files.readString(f, StandardCharsets.UTF_8));
        assertFalse(cases.isEmpty(), "no cases in " + f);
        List<Case> actual = new ArrayList<>();
        boolean rst = f.getFileName().toString().endsWith(".rst.cases");
        for (Case c : cases) actual.add(run(c, rst));
        if (UPDATE) Files.writeString(f, write(actual), StandardCharsets.UTF_8);
        for (int i = 0; i < cases.size(); i++) {
          Case want = cases.get(i);
          Case got = actual.get(i);
          tests.add(DynamicTest.dynamicTest(f.getFileName() + ": " + want.name(), () -> {
            assertEquals(want.dump(), got.dump(), "dump of " + want.name());
            assertEquals(want.diagnostics(), got.diagnostics(), "diagnostics of " + want.name());
          }));
        }
      }
    }
    return tests.stream();
  }

  static Case run(Case c, boolean rst) throws IOException {
    Diagnostics diags = new Diagnostics();
    DiskWorld world = new DiskWorld(DIR, java.util.Map.of());
    String dump = Dump.blocks(rst
        ? org.bookbuild.parse.rst.RstReader.parse(world, "chapter.rst", c.markdown(), diags, ParseScope.DEFAULT)
        : PARSER.parse(world, new LineIndex("chapter.md", c.markdown()), c.markdown(), diags));
    StringBuilder ds = new StringBuilder();
    for (Diagnostic d : diags.all()) {
      ds.append(d.severity().label()).append(' ').append(d.ruleId()).append(' ').append(d.pos().line()).append(':')
          .append(d.pos().col()).append('\n');
    }
    return new Case(c.name(), c.markdown(), dump, ds.toString());
  }

  static List<Case> read(String text) {
    List<Case> out = new ArrayList<>();
    String[] parts = text.split("(?m)^=== ");
    for (String p : parts) {
      if (p.isBlank()) continue;
      int nl = p.indexOf('\n');
      String name = p.substring(0, nl).trim();
      String rest = p.substring(nl + 1);
      int dump = rest.indexOf("--- dump\n");
      int diag = rest.indexOf("--- diagnostics\n");
      String md = dump < 0 ? rest : rest.substring(0, dump);
      String d = dump < 0 ? "" : rest.substring(dump + 9, diag < 0 ? rest.length() : diag);
      String g = diag < 0 ? "" : rest.substring(diag + 16);
      out.add(new Case(name, md, d.stripTrailing().isEmpty() ? "" : d.stripTrailing() + "\n",
          g.stripTrailing().isEmpty() ? "" : g.stripTrailing() + "\n"));
    }
    return out;
  }

  static String write(List<Case> cases) {
    StringBuilder sb = new StringBuilder();
    for (Case c : cases) {
      sb.append("=== ").append(c.name()).append('\n').append(c.markdown());
      sb.append("--- dump\n").append(c.dump());
      if (!c.diagnostics().isEmpty()) sb.append("--- diagnostics\n").append(c.diagnostics());
      sb.append('\n');
    }
    return sb.toString();
  }
}
