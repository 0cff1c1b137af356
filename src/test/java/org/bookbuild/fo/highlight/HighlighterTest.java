package org.bookbuild.fo.highlight;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HighlighterTest {
  /** One small program per language; each must yield the roles listed for it, and the text must survive intact. */
  private static final Map<String, String> SAMPLES = Map.of(
      "python", "def area(r):\n    # circle\n    return 3.14 * r ** 2, \"m2\"\n",
      "java", "public class A {\n  // x\n  int n = 42; String s = \"hi\";\n}\n",
      "javascript", "function f(x) {\n  // y\n  return x + 1 + 'a';\n}\n",
      "r", "fit <- lm(y ~ x, data = df)  # model\nif (TRUE) print(\"ok\", 2.5)\n",
      "sql", "SELECT name, 3 FROM t -- c\nWHERE x = 'y';\n",
      "bash", "for f in *.md; do\n  echo \"$f\" 42 # loop\ndone\n",
      "json", "{\"a\": [1, true, null, \"s\"]}\n",
      "yaml", "title: 'Book'  # c\ncount: 3\n",
      "latex", "\\begin{equation} x^2 % note\n\\end{equation}\n");

  private static Set<String> roles(String lang) {
    return Highlighter.lines(lang, SAMPLES.get(lang)).stream().flatMap(List::stream)
        .map(Token::role).filter(r -> r != null).collect(Collectors.toSet());
  }

  @ParameterizedTest
  @CsvSource({
    "python, code.keyword code.comment code.number code.string",
    "java, code.keyword code.comment code.number code.string",
    "javascript, code.keyword code.comment code.number code.string",
    "r, code.keyword code.comment code.number code.string code.function code.constant",
    "sql, code.keyword code.comment code.string",
    "bash, code.keyword code.comment code.string",
    "json, code.number code.string code.constant",
    "yaml, code.variable code.comment code.string",
    "latex, code.keyword code.comment",
  })
  void eachLanguageGetsItsRoles(String lang, String expected) {
    Set<String> got = roles(lang);
    for (String r : expected.split(" ")) assertTrue(got.contains(r), lang + " lacks " + r + ": " + got);
    String joined = Highlighter.lines(lang, SAMPLES.get(lang)).stream()
        .map(l -> l.stream().map(Token::text).collect(Collectors.joining())).collect(Collectors.joining("\n"));
    assertEquals(SAMPLES.get(lang), joined, "text must come back unchanged");
  }

  @Test
  void aliasesAndUnknownLanguages() {
    assertEquals("python", Highlighter.language("ipython3").orElseThrow());
    assertEquals("bash", Highlighter.language("sh").orElseThrow());
    assertEquals("r", Highlighter.language("R").orElseThrow());
    assertTrue(Highlighter.language("klingon").isEmpty());
    List<List<Token>> plain = Highlighter.lines("klingon", "a b\n\nc");
    assertEquals(3, plain.size());
    assertNull(plain.get(0).get(0).role());
    assertTrue(plain.get(1).isEmpty());
  }

  @Test
  void stateCarriesAcrossLines() {
    List<List<Token>> py = Highlighter.lines("python", "s = \"\"\"first\nsecond\"\"\"\nx = 1");
    assertEquals("code.string", py.get(1).get(0).role(), "second line is still inside the string");
    assertEquals("code.number", py.get(2).get(py.get(2).size() - 1).role());
    List<List<Token>> r = Highlighter.lines("r", "s <- \"one\ntwo\" # c");
    assertEquals("code.string", r.get(1).get(0).role());
    assertEquals("code.comment", r.get(1).get(r.get(1).size() - 1).role());
  }
}
