package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, acceptance 1: one test per kind of bad input. Each builds a three-chapter book through the command line
 * with the bad input in the middle chapter and checks the rule id, the position (file, line and column of the bad
 * construct), the exit status, and that the rest of the book still reaches the PDF.
 */
class BadInputTest {
  @TempDir Path dir;

  static final String FIRST = "# First\n\nFIRSTMARKER text before the problem.\n";
  static final String LAST = "# Last\n\nLASTMARKER text after the problem.\n";

  /** Builds the book whose middle chapter is {@code middle} (named {@code name}); extra files as given. */
  private TestBooks.Run build(String name, String middle, Map<String, String> extra, String... args) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("book.yml", TestBooks.bookYml(null, "one.md", name, "three.md"));
    files.put("one.md", FIRST);
    files.put(name, middle);
    files.put("three.md", LAST);
    files.putAll(extra);
    TestBooks.write(dir, files);
    String[] all = new String[args.length + 2];
    all[0] = "build";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return TestBooks.cli(all);
  }

  /** The first diagnostic line with this rule; fails when there is none. */
  private static Matcher line(TestBooks.Run r, String rule) {
    Matcher m = Pattern.compile("(?m)^(\\S+):(\\d+):(\\d+): (warning|error): (.*) \\[" + Pattern.quote(rule) + "\\]$").matcher(r.stderr());
    assertTrue(m.find(), "no [" + rule + "] line in:\n" + r.stderr());
    return m;
  }

  private static void at(TestBooks.Run r, String rule, String file, int line, int col, String severity) {
    Matcher m = line(r, rule);
    assertEquals(file + ":" + line + ":" + col + ": " + severity, m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(4),
        "position of [" + rule + "] in:\n" + r.stderr());
  }

  private void restOfBookPrinted(TestBooks.Run r, String... more) throws IOException {
    assertFalse(r.stderr().contains("\tat "), "stack trace printed:\n" + r.stderr());
    Path pdf = dir.resolve("out/test-book.pdf");
    assertTrue(Files.exists(pdf), "the PDF is written:\n" + r.stderr());
    StringBuilder text = new StringBuilder();
    try (PdfInspector in = PdfInspector.open(pdf)) {
      for (int p = 0; p < in.pageCount(); p++) text.append(in.text(p)).append('\n');
    }
    String all = text.toString();
    assertTrue(all.contains("FIRSTMARKER"), "chapter before the problem is in the PDF");
    assertTrue(all.contains("LASTMARKER"), "chapter after the problem is in the PDF");
    for (String s : more) assertTrue(all.contains(s), "'" + s + "' is in the PDF");
  }

  @Test
  void malformedYaml() throws IOException {
    TestBooks.write(dir, Map.of("book.yml", "title: Broken\ntoc:\n  - file: a.md\n  - file: [b.md\n", "a.md", "# A\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(2, r.status(), r.stderr());
    Matcher m = line(r, "config-yaml");
    assertEquals("book.yml", m.group(1));
    assertTrue(Integer.parseInt(m.group(2)) >= 4, "points at the unclosed list, not the top: " + m.group());
    assertFalse(Files.exists(dir.resolve("out/broken.pdf")));
  }

  @Test
  void unknownConfigKey() throws IOException {
    TestBooks.write(dir, Map.of("two.md", "# Two\n\nMIDDLE\n"));
    Files.writeString(dir.resolve("book.yml"), TestBooks.bookYml(null, "one.md", "two.md", "three.md") + "colours: blue\n");   // (colour: is a key now: the interior colour)
    TestBooks.write(dir, Map.of("one.md", FIRST, "three.md", LAST));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(0, r.status(), r.stderr());
    at(r, "config-unknown-key", "book.yml", 9, 1, "warning");
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void missingChapter() throws IOException {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "gone.md", "three.md"), "one.md", FIRST, "three.md", LAST));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(1, r.status(), r.stderr());
    at(r, "chapter-missing", "book.yml", 7, 5, "error");
    restOfBookPrinted(r);
  }

  @Test
  void missingImage() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\nBefore.\n\n![a plot](figs/none.png)\n\nMIDDLE after.\n", Map.of());
    assertEquals(1, r.status(), r.stderr());
    at(r, "image-missing", "two.md", 5, 1, "error");
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void imageOutsideTheProject() throws IOException {
    Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName() + ".png"), "not really");
    TestBooks.Run r = build("two.md", "# Two\n\nSee ![x](../outside-" + dir.getFileName() + ".png) here. MIDDLE\n\n![y](/etc/passwd)\n", Map.of());
    assertEquals(1, r.status(), r.stderr());
    at(r, "path-outside-project", "two.md", 3, 5, "error");
    restOfBookPrinted(r, "MIDDLE");
    assertFalse(r.stderr().contains("root:x:0"), "nothing of /etc/passwd leaks");
  }

  @Test
  void remoteImageUrl() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\nText ![logo](https://example.com/logo.png) MIDDLE.\n", Map.of());
    assertEquals(0, r.status(), r.stderr());
    at(r, "image-remote", "two.md", 3, 6, "warning");
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void badFormula() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\nGood $x^2$ then bad $\\left( x$ and MIDDLE.\n", Map.of());
    at(r, "math-parse", "two.md", 3, 21, "error");
    assertEquals(1, r.status(), r.stderr());
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void unknownDirectiveWithAHint() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\n:::{admoniton} Careful\nInside MIDDLE.\n:::\n", Map.of());
    assertEquals(0, r.status(), r.stderr());
    at(r, "directive-unknown", "two.md", 3, 1, "warning");
    assertTrue(r.stderr().contains("    | :::{admoniton} Careful\n    | ^\n"), "source line and caret:\n" + r.stderr());
    assertTrue(r.stderr().contains("hint: did you mean {admonition}?"), r.stderr());
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void unknownRole() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\nSee {nmuref}`fig-x` and MIDDLE.\n", Map.of());
    assertEquals(0, r.status(), r.stderr());
    at(r, "role-unknown", "two.md", 3, 5, "warning");
    assertTrue(r.stderr().contains("numref"), "hint names the closest role:\n" + r.stderr());
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void unresolvedReference() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\n(sec-real)=\n## Real\n\nSee {ref}`sec-rael` and MIDDLE.\n", Map.of());
    Matcher m = line(r, "ref-unresolved");
    assertEquals("two.md:6:5", m.group(1) + ":" + m.group(2) + ":" + m.group(3), r.stderr());
    assertTrue(r.stderr().contains("hint: did you mean 'sec-real'?"), r.stderr());
    assertEquals(m.group(4).equals("error") ? 1 : 0, r.status(), r.stderr());
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void duplicateLabel() throws IOException {
    TestBooks.Run r = build("two.md", "# Two\n\n(dup)=\n## One\n\nText.\n\n(dup)=\n## Again\n\nMIDDLE.\n", Map.of());
    Matcher m = line(r, "label-duplicate");
    assertEquals("two.md", m.group(1));
    assertEquals(9, Integer.parseInt(m.group(2)), "the second labelled heading is the one reported: " + m.group());
    assertEquals(m.group(4).equals("error") ? 1 : 0, r.status(), r.stderr());
    restOfBookPrinted(r, "MIDDLE", "Again");
  }

  @Test
  void invalidNotebookJson() throws IOException {
    String nb = "{\"cells\": [\n  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Notebook\"]},\n  {\"cell_type\": \"code\" \"source\": []}\n]}\n";
    TestBooks.Run r = build("two.ipynb", nb, Map.of());
    Matcher m = line(r, "notebook-json");
    assertEquals("two.ipynb", m.group(1));
    assertEquals(3, Integer.parseInt(m.group(2)), "the line of the JSON error: " + m.group());
    assertEquals(m.group(4).equals("error") ? 1 : 0, r.status(), r.stderr());
    restOfBookPrinted(r);
  }

  @Test
  void brokenBibtexEntry() throws IOException {
    String bib = "@book{good1,\n  title = {Good One}, author = {A. Author}, year = 2001\n}\n\n@article{broken,\n  title = {Unclosed,\n  year = 2002\n\n@book{good2,\n  title = {Good Two}, author = {B. Author}, year = 2003\n}\n";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("refs.bib", bib);
    TestBooks.write(dir, files);
    Files.writeString(dir.resolve("book.yml"), TestBooks.bookYml(null, "one.md", "two.md", "three.md") + "bibliography: [refs.bib]\n");
    TestBooks.write(dir, Map.of("one.md", FIRST, "two.md", "# Two\n\nAs {cite}`good1` shows, MIDDLE.\n", "three.md", LAST));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    Matcher m = line(r, "bib-parse");
    assertEquals("refs.bib", m.group(1));
    assertEquals(5, Integer.parseInt(m.group(2)), "the broken entry's line: " + m.group());
    assertEquals(m.group(4).equals("error") ? 1 : 0, r.status(), r.stderr());
    restOfBookPrinted(r, "MIDDLE", "Good One");
  }

  @Test
  void svgWithAnExternalEntityIsNotRead() throws IOException {
    Path secret = dir.getParent().resolve("secret-" + dir.getFileName() + ".txt");
    Files.writeString(secret, "TOPSECRETVALUE");
    String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"40\"><text x=\"5\" y=\"20\">&xxe;</text></svg>\n";
    TestBooks.Run r = build("two.md", "# Two\n\nBefore.\n\n![evil](evil.svg)\n\nMIDDLE.\n", Map.of("evil.svg", svg));
    assertEquals(1, r.status(), r.stderr());
    at(r, "svg-unsafe", "two.md", 5, 1, "error");
    restOfBookPrinted(r, "MIDDLE");
    try (PdfInspector in = PdfInspector.open(dir.resolve("out/test-book.pdf"))) {
      for (int p = 0; p < in.pageCount(); p++) assertFalse(in.text(p).contains("TOPSECRETVALUE"), "the entity was expanded");
    }
    assertFalse(Files.readString(dir.resolve("out/test-book.fo")).contains("TOPSECRETVALUE"));
  }

  @Test
  void oversizedImageIsRefusedUndecoded() throws IOException {
    Files.createDirectories(dir.resolve("figs"));
    Files.write(dir.resolve("figs/huge.png"), pngHeader(50_000, 50_000));
    TestBooks.Run r = build("two.md", "# Two\n\nA photo:\n\n![huge](figs/huge.png)\n\nMIDDLE.\n", Map.of());
    assertEquals(1, r.status(), r.stderr());
    at(r, "image-too-large", "two.md", 5, 1, "error");
    assertTrue(r.stderr().contains("50000 × 50000"), r.stderr());
    restOfBookPrinted(r, "MIDDLE");
  }

  @Test
  void strictFailsOnWarningsAndQuietPrintsOnlyErrors() throws IOException {
    TestBooks.Run strict = build("two.md", "# Two\n\nText ![logo](https://example.com/logo.png) MIDDLE.\n", Map.of(), "--strict");
    assertEquals(1, strict.status(), strict.stderr());
    at(strict, "image-remote", "two.md", 3, 6, "error");
    assertTrue(strict.stderr().contains("book: no PDF written (1 error, 0 warnings)"), strict.stderr());
    TestBooks.Run quiet = TestBooks.cli("build", dir.toString(), "--quiet");
    assertEquals(0, quiet.status());
    assertEquals("", quiet.stderr(), "only errors are printed, and there are none");
  }

  /** A PNG whose header claims the given size, with no pixel data behind it: a decoder would need gigabytes. */
  static byte[] pngHeader(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(w);
    d.writeInt(h);
    d.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
