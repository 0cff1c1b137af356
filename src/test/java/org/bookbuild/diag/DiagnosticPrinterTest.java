package org.bookbuild.diag;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {
  private static final Map<String, String> FILES = Map.of(
      "chapters/a.md", "# Title\n\n:::{admoniton} Careful\ntext\n:::\n",
      "chapters/tab.md", "\tx = $\\frac{1}{$\n",
      "chapters/long.md", "word ".repeat(5000) + "BAD" + " tail".repeat(100) + "\n");

  private static String print(Diagnostic d, boolean strict) {
    StringWriter sw = new StringWriter();
    SourceLines lines = new SourceLines(f -> FILES.containsKey(f) ? FILES.get(f).getBytes(StandardCharsets.UTF_8) : null);
    new DiagnosticPrinter(new PrintWriter(sw), lines, strict).print(d);
    return sw.toString();
  }

  @Test
  void printsTheLineTheSourceLineACaretAndTheHint() {
    Diagnostic d = Diagnostic.warning("directive-unknown", SourcePos.of("chapters/a.md", 3, 5), "unknown directive `admoniton`")
        .withHint(Hints.closestHint("admoniton", List.of("note", "admonition", "figure")));
    String[] out = print(d, false).split("\n");
    assertEquals("chapters/a.md:3:5: warning: unknown directive `admoniton` [directive-unknown]", out[0]);
    assertEquals("    | :::{admoniton} Careful", out[1]);
    assertEquals("    |     ^", out[2], "caret under column 5");
    assertEquals("    = hint: closest: `admonition`", out[3]);
  }

  @Test
  void caretFollowsTabsAndStrictPrintsWarningsAsErrors() {
    Diagnostic d = Diagnostic.warning("math-parse", SourcePos.of("chapters/tab.md", 1, 6), "bad formula");
    String[] out = print(d, true).split("\n");
    assertTrue(out[0].startsWith("chapters/tab.md:1:6: error: bad formula"), out[0]);
    assertEquals("    | \tx = $\\frac{1}{$", out[1]);
    assertEquals("    | \t    ^", out[2]);
  }

  @Test
  void longLinesAreCutAroundTheColumn() {
    int col = "word ".repeat(5000).length() + 1;
    String[] out = print(Diagnostic.error("x-y", SourcePos.of("chapters/long.md", 1, col), "here"), false).split("\n");
    assertTrue(out[1].length() < DiagnosticPrinter.WINDOW + 20, "cut to a window: " + out[1].length());
    assertTrue(out[1].contains("BAD"), out[1]);
    assertEquals(out[1].indexOf("BAD"), out[2].indexOf('^'), "caret still under the column");
  }

  @Test
  void unknownFilesAndLinesGiveJustTheLine() {
    assertEquals(1, print(Diagnostic.error("x-y", SourcePos.of("nope.md", 3, 1), "m"), false).split("\n").length);
    assertEquals(1, print(Diagnostic.error("x-y", SourcePos.of("chapters/a.md", 99, 1), "m"), false).split("\n").length);
    assertEquals("book: error: m [x-y]\n", print(Diagnostic.error("x-y", SourcePos.NONE, "m"), false));
  }

  @Test
  void messagesStayOnOneLine() {
    String line = Diagnostic.error("x-y", SourcePos.NONE, "two\nlines\u0007 and\r\na tab\tend").format();
    assertEquals("book: error: two lines and  a tab end [x-y]", line);
    assertTrue(Diagnostic.oneLine("x".repeat(10_000)).length() <= 401);
  }

  @Test
  void hintsFindPlausibleTyposOnly() {
    List<String> known = List.of("admonition", "note", "warning", "figure", "numref", "ref", "eq");
    assertEquals("admonition", Hints.closest("admoniton", known).orElseThrow());
    assertEquals("numref", Hints.closest("nmuref", known).orElseThrow(), "a swap counts as one edit");
    assertEquals("warning", Hints.closest("Warnign", known).orElseThrow(), "case-insensitive");
    assertTrue(Hints.closest("completely-different", known).isEmpty());
    assertTrue(Hints.closest("xy", known).isEmpty(), "two letters: only one edit allowed");
    assertEquals("", Hints.closestHint("zzzzzz", known));
    assertTrue(Hints.closest("a".repeat(1_000_000), known).isEmpty(), "huge names are cheap to reject");
  }
}
