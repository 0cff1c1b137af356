package org.bookbuild.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 2: math copies and searches as Unicode. One book with every formula of
 * {@code a11y/math-text.tsv} (more than fifty), each in its own numbered paragraph, built by the real pipeline; the
 * text PDFBox extracts (as pdftotext would) between the markers is compared with the table.
 */
class MathTextTest {
  record Row(String tex, String mode, String expected) {}

  static List<Row> rows() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = MathTextTest.class.getResourceAsStream("/a11y/math-text.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        rows.add(new Row(f[0], f[1], f[2]));
      }
    }
    return rows;
  }

  @Test
  void formulasExtractAsUnicode(@TempDir Path dir) throws Exception {
    List<Row> rows = rows();
    assertTrue(rows.size() >= 50, "at least 50 formulas: " + rows.size());
    StringBuilder md = new StringBuilder("# Formulas\n\n");
    for (int i = 0; i < rows.size(); i++) md.append("Q").append(i).append("Q $").append(rows.get(i).tex()).append("$ QEND\n\n");
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "f.md"), "f.md", md.toString()));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    String text;
    try (PDDocument d = Loader.loadPDF(b.pdf().toFile())) {
      text = new PDFTextStripper().getText(d);
    }
    check(rows, text, "PDFBox", false);
    // the issue's own tool: poppler's pdftotext (CI installs poppler-utils; skipped only where it is not installed)
    String popplerText = pdftotext(b.pdf());
    org.junit.jupiter.api.Assumptions.assumeTrue(popplerText != null, "pdftotext is not installed");
    check(rows, popplerText, "pdftotext", true);
  }

  static String pdftotext(Path pdf) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(false).start();
    } catch (java.io.IOException e) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? out : null;
  }

  /** @param lines whether the tool may put a glyph on a line above the formula's (pdftotext's layout) */
  static void check(List<Row> rows, String text, String tool, boolean lines) {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      // pdftotext sets a big operator (∑, ∫, √ from jlatexmath's cmex font, whose glyphs hang from a raised origin) on a
      // line of its own above the formula, as it does in TeX's PDFs: for such rows the line just above counts too
      Matcher m = Pattern.compile("(?:([^\\nQ]*)\\n)?Q" + i + "Q(.*?)QEND", Pattern.DOTALL).matcher(text);
      if (!m.find()) {
        wrong.put(r.tex(), "(marker not found)");
        continue;
      }
      String above = lines && r.mode().equals("~") && m.group(1) != null ? m.group(1) : "";
      String got = (above + m.group(2)).replaceAll("\\s+", "");
      boolean ok = r.mode().equals("=") ? got.equals(r.expected().replace(" ", ""))
          : java.util.Arrays.stream(r.expected().split(" ")).allMatch(got::contains);
      if (!ok) wrong.put(r.tex(), got + "   (expected " + r.mode() + " " + r.expected() + ")");
    }
    StringBuilder report = new StringBuilder();
    wrong.forEach((k, v) -> report.append("\n  ").append(k).append(" → ").append(v));
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + rows.size() + " formulas extract wrongly (" + tool + "):" + report);
  }
}
