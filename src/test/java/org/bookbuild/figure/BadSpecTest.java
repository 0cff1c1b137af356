package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake in a spec gives one diagnostic at the right line and a placeholder of the figure's size. */
class BadSpecTest {
  @TempDir Path dir;
  DiskWorld world;

  @BeforeEach
  void copyBook() throws IOException {
    world = TestBooks.copy("figure-book", dir);
  }

  /** Writes the spec, renders it, checks the single diagnostic and the placeholder; returns the diagnostic. */
  private Diagnostic fails(String spec, String rule, int line, double w, double h) throws IOException {
    Files.writeString(dir.resolve("figures/bad.yml"), spec);
    Diagnostics d = new Diagnostics();
    FigureEngine.Rendered r = new FigureEngine(world).renderFile("figures/bad.yml", SourcePos.of("chapters/a.md", 3, 1), d);
    assertEquals(1, d.all().size(), () -> "one diagnostic: " + d.all());
    Diagnostic diag = d.all().get(0);
    assertEquals(rule, diag.ruleId(), diag.format());
    assertEquals(Severity.ERROR, diag.severity());
    assertEquals("figures/bad.yml", diag.pos().file(), diag.format());
    assertEquals(line, diag.pos().line(), diag.format());
    assertFalse(r.ok());
    assertEquals(w, r.widthPt());
    assertEquals(h, r.heightPt());
    String svg = Files.readString(r.svg());
    assertTrue(svg.contains("width=\"" + Canvas.num(w) + "pt\""), svg);
    assertTrue(svg.contains("<rect"), "framed");
    assertTrue(svg.contains("Figure not drawn"), "says why");
    return diag;
  }

  @Test
  void unknownKeyAtTheTop() throws IOException {
    Diagnostic d = fails("width: 200\nheight: 100\ncolour: red\nplots:\n  - function: x\n", "figure-spec", 3, 200, 100);
    assertTrue(d.message().contains("unknown key 'colour'"), d.message());
    assertEquals(1, d.pos().col());
  }

  @Test
  void unknownKeyInAPlotEntry() throws IOException {
    Diagnostic d = fails("plots:\n  - function: x\n    domian: [0, 1]\n", "figure-spec", 3, 330, 210);
    assertTrue(d.message().contains("domian") && d.message().contains("domain"), d.message());
  }

  @Test
  void badExpression() throws IOException {
    Diagnostic d = fails("width: 250\nplots:\n  - function: sin(x +\n", "figure-expr", 3, 250, 250 * 210 / 330.0);
    assertTrue(d.message().contains("sin(x +"), d.message());
  }

  @Test
  void unknownFunctionName() throws IOException {
    fails("plots:\n  - function: sinus(x)\n", "figure-expr", 2, 330, 210);
  }

  @Test
  void missingCsvColumn() throws IOException {
    Diagnostic d = fails("plots:\n  - scatter: data/study.csv\n    x: hours\n    y: grade\n", "figure-data", 4, 330, 210);
    assertTrue(d.message().contains("'grade'") && d.message().contains("hours, score, group"), d.message());
  }

  @Test
  void missingCsvFile() throws IOException {
    fails("plots:\n  - line: data/nothing.csv\n    x: a\n    y: b\n", "figure-data", 2, 330, 210);
  }

  @Test
  void nonNumericCellNamesTheCsvLine() throws IOException {
    Files.writeString(dir.resolve("figures/data/bad.csv"), "a,b\n1,2\n3,x\n");
    Files.writeString(dir.resolve("figures/bad.yml"), "plots:\n  - line: data/bad.csv\n    x: a\n    y: b\n");
    Diagnostics d = new Diagnostics();
    FigureEngine.Rendered r = new FigureEngine(world).renderFile("figures/bad.yml", SourcePos.NONE, d);
    assertFalse(r.ok());
    assertEquals(SourcePos.of("figures/data/bad.csv", 3, 1), d.all().get(0).pos());
  }

  @Test
  void divisionByZeroInARange() throws IOException {
    Diagnostic d = fails("x: {range: [0, 1/0]}\nplots:\n  - function: x\n", "figure-expr", 1, 330, 210);
    assertTrue(d.message().contains("division by zero"), d.message());
  }

  @Test
  void divisionByZeroInsideACurveLeavesAGapInstead() throws IOException {
    Files.writeString(dir.resolve("figures/pole.yml"), "y: {range: [-5, 5]}\nplots:\n  - function: 1/x\n    domain: [-2, 2]\n    samples: 5\n");
    Diagnostics d = new Diagnostics();
    FigureEngine.Rendered r = new FigureEngine(world).renderFile("figures/pole.yml", SourcePos.NONE, d);
    assertEquals(0, d.all().size(), () -> d.all().toString());
    assertTrue(r.ok());
  }

  @Test
  void brokenYamlNamesTheLine() throws IOException {
    fails("title: a\nplots:\n  - function: x\n   label: [unclosed\n", "figure-spec", 4, 330, 210);
  }

  @Test
  void badTexInALabel() throws IOException {
    Diagnostic d = fails("plots:\n  - function: x\n    label: \"$\\\\nosuchcommand x$\"\n", "figure-label", 3, 330, 210);
    assertTrue(d.message().contains("cannot typeset"), d.message());
  }

  @Test
  void missingSpecFileIsReportedWhereTheBookAsksForIt() {
    Diagnostics d = new Diagnostics();
    FigureEngine.Rendered r = new FigureEngine(world).renderFile("figures/none.yml", SourcePos.of("chapters/a.md", 7, 3), d);
    assertFalse(r.ok());
    assertEquals(SourcePos.of("chapters/a.md", 7, 3), d.all().get(0).pos());
    assertTrue(Files.exists(r.svg()));
  }

  @Test
  void inlineSpecReportsChapterLines() {
    Diagnostics d = new Diagnostics();
    String body = "x: {range: [0, 1]}\nplots:\n  - function: x^^2\n";
    FigureEngine.Rendered r = new FigureEngine(world).renderInline(body, SourcePos.of("chapters/a.md", 20, 1), d);
    assertFalse(r.ok());
    assertEquals(SourcePos.of("chapters/a.md", 22, 15), d.all().get(0).pos());
  }

  @Test
  void inlineSpecFindsDataUnderFigures() {
    Diagnostics d = new Diagnostics();
    String body = "plots:\n  - scatter: data/study.csv\n    x: hours\n    y: score\n";
    FigureEngine.Rendered r = new FigureEngine(world).renderInline(body, SourcePos.of("chapters/a.md", 20, 1), d);
    assertEquals(0, d.all().size(), () -> d.all().toString());
    assertTrue(r.ok());
  }

  @Test
  void jsonSpecsWorkAndTheirMistakesHaveLinesToo() throws IOException {
    Files.writeString(dir.resolve("figures/ok.json"), "{\"width\": 200,\n \"plots\": [{\"function\": \"x^2\", \"label\": \"$x^2$\"}]}\n");
    Diagnostics d = new Diagnostics();
    FigureEngine.Rendered r = new FigureEngine(world).renderFile("figures/ok.json", SourcePos.NONE, d);
    assertEquals(0, d.all().size(), () -> d.all().toString());
    assertTrue(r.ok());
    assertEquals(200, r.widthPt());
    fails("{\"plots\": [\n  {\"function\": \"x\",\n   \"colour\": \"red\"}]}\n", "figure-spec", 3, 330, 210);
  }
}
