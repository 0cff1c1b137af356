package org.bookbuild.parse.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vladsch.flexmark.util.ast.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.parse.MarkdownParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, acceptance 3: every CommonMark 0.31.2 example ({@code ../shared/corpus/commonmark/spec.json}) goes through
 * parse, transforms and the FO writer without an exception (a sample of them through FOP as well), and the MyST
 * extensions leave flexmark's tree unchanged for every example that does not use MyST syntax.
 */
class CommonMarkCorpusTest {
  static final Path SPEC = CorpusAccess.path("commonmark/spec.json");

  /**
   * What MyST (and TeX math) give a meaning plain CommonMark does not: dollars, \( \[ delimiters, {role}`…`, fences
   * that open directives, % comments, +++ breaks, (label)= targets, bare \begin{…} math environments.
   */
  static final Pattern MYST_SYNTAX = Pattern.compile("(?s).*(\\$|\\\\\\(|\\\\\\[|\\{[A-Za-z0-9_:+.-]+\\}`"
      + "|(?m:^\\s*(`{3,}|~{3,}|:{3,})\\{)|(?m:^\\s{0,3}%)|(?m:^\\s{0,3}\\+\\+\\+)|(?m:^\\s{0,3}\\([^()\\s]+\\)=\\s*$)"
      + "|\\\\begin\\{).*");

  @TempDir Path tmp;

  static List<JsonNode> examples() throws Exception {
    Assumptions.assumeTrue(Files.exists(SPEC), "corpus not present: " + SPEC);
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(SPEC.toFile()).forEach(out::add);
    return out;
  }

  @Test
  void everyExampleBuildsWithoutException() throws Exception {
    List<JsonNode> ex = examples();
    List<CorpusBook.Case> cases = new ArrayList<>();
    for (JsonNode e : ex) {
      cases.add(new CorpusBook.Case(e.get("section").asText(), "example " + e.get("example").asInt(),
          e.get("markdown").asText()));
    }
    List<CorpusBook.Outcome> outs = CorpusBook.build(tmp.resolve("all"), cases, false);
    List<String> bad = new ArrayList<>();
    for (CorpusBook.Outcome o : outs) {
      if (o.failure() != null) bad.add(o.input().name() + ": " + o.failure());
    }
    assertEquals(List.of(), bad, "examples that threw");
    assertTrue(outs.size() >= 650, "all examples ran: " + outs.size());

    List<CorpusBook.Case> sample = new ArrayList<>();
    for (int i = 0; i < cases.size(); i += 7) sample.add(cases.get(i));
    List<CorpusBook.Outcome> rendered = CorpusBook.build(tmp.resolve("sample"), sample, true);
    int withText = 0;
    for (CorpusBook.Outcome o : rendered) {
      assertEquals(null, o.failure(), o.input().name());
      if (!o.pdfText().isBlank()) withText++;
    }
    List<Diagnostic> errors = CorpusBook.unattributed.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors, "errors from FOP");
    System.out.println("commonmark examples: " + outs.size() + " through FO, " + rendered.size()
        + " through FOP (" + withText + " with text on the page)");
    assertTrue(withText > rendered.size() * 3 / 4, "the sample's text reached the PDF: " + withText);
  }

  @Test
  void mystExtensionsDoNotChangePlainCommonMark() throws Exception {
    MarkdownParser myst = new MarkdownParser(true);
    MarkdownParser plain = new MarkdownParser(false);
    int same = 0;
    int mystSyntax = 0;
    List<String> changed = new ArrayList<>();
    for (JsonNode e : examples()) {
      String md = e.get("markdown").asText();
      String a = tree(myst.flexmark(md));
      String b = tree(plain.flexmark(md));
      if (a.equals(b)) same++;
      else if (MYST_SYNTAX.matcher(md).matches()) mystSyntax++;
      else changed.add("example " + e.get("example").asInt() + ":\n" + md + "\nwith MyST:\n" + a + "plain:\n" + b);
    }
    System.out.println("commonmark examples: " + same + " parse identically with and without MyST, " + mystSyntax
        + " differ and use MyST or TeX syntax, " + changed.size() + " differ otherwise");
    assertEquals(List.of(), changed, "plain CommonMark examples whose tree the MyST extensions change");
  }

  /** flexmark's tree as text: node types with their source spans. */
  static String tree(Node n) {
    StringBuilder sb = new StringBuilder();
    tree(n, 0, sb);
    return sb.toString();
  }

  private static void tree(Node n, int depth, StringBuilder sb) {
    sb.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append('[').append(n.getStartOffset())
        .append(',').append(n.getEndOffset()).append("]\n");
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) tree(c, depth + 1, sb);
  }
}
