package org.bookbuild.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Reads a finished PDF back the way a viewer would and says what would stop or spoil it: a content stream (of a page
 * or of a form it draws) that does not parse, an operator no PDF reader knows (such as {@code NaN} written where a
 * number belongs), a number that is not finite, and text set past the page's trim box. Used by the real-projects gate
 * in CI ({@code scripts/projects-gate.py}); {@code java -cp bookbuild.jar org.bookbuild.check.PdfHealth FILE.pdf}
 * prints one {@code key=value} line.
 */
public final class PdfHealth {
  /** Every operator of ISO 32000-1 (Annex A); anything else in a content stream is a fault. */
  static final Set<String> OPERATORS = Set.of(
      "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI",
      "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n",
      "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj",
      "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\"");

  /** Tolerance for text against the trim box, in points (glyph boxes from font metrics are not exact). */
  static final float TRIM_TOLERANCE = 1f;

  /**
   * @param streamFaults "page N: …" for each stream that does not parse or holds an unknown operator or a non-finite
   *     number
   * @param pastTrim "page N: text" for each glyph run that lies outside the trim box
   */
  public record Report(int pages, int streams, List<String> streamFaults, List<String> pastTrim) {
    public String line() {
      return "pages=" + pages + " streams=" + streams + " stream-faults=" + streamFaults.size() + " past-trim=" + pastTrim.size();
    }
  }

  private PdfHealth() {}

  public static Report check(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      List<String> faults = new ArrayList<>();
      Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      int[] streams = {0};
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDPage page = doc.getPage(i);
        stream(page, "page " + (i + 1), faults, streams);
        forms(page.getResources(), "page " + (i + 1), faults, streams, seen, 0);
      }
      List<String> past = new ArrayList<>();
      try (PdfInspector in = PdfInspector.open(pdf)) {
        for (int i = 0; i < in.pageCount(); i++) {
          PdfInspector.Box trim = in.trimBox(i);
          for (PdfInspector.GlyphRun r : in.runs(i)) {
            if (r.x() < trim.x() - TRIM_TOLERANCE || r.right() > trim.right() + TRIM_TOLERANCE
                || r.top() < trim.y() - TRIM_TOLERANCE || r.y() > trim.bottom() + TRIM_TOLERANCE) {
              past.add("page " + (i + 1) + ": " + r.text());
            }
          }
        }
      }
      return new Report(doc.getNumberOfPages(), streams[0], faults, past);
    }
  }

  private static void forms(PDResources res, String where, List<String> faults, int[] streams, Set<Object> seen, int depth)
      throws IOException {
    if (res == null || depth > 16) return;
    for (COSName n : res.getXObjectNames()) {
      PDXObject x = res.getXObject(n);
      if (x instanceof PDFormXObject f && seen.add(f.getCOSObject())) {
        stream(f, where + " form " + n.getName(), faults, streams);
        forms(f.getResources(), where, faults, streams, seen, depth + 1);
      }
    }
  }

  private static void stream(PDContentStream s, String where, List<String> faults, int[] streams) {
    streams[0]++;
    try {
      List<Object> tokens = new PDFStreamParser(s).parse();
      for (Object t : tokens) {
        if (t instanceof Operator op && !OPERATORS.contains(op.getName())) {
          faults.add(where + ": unknown operator '" + op.getName() + "'");
          return;
        }
        if (t instanceof COSFloat f && !Float.isFinite(f.floatValue())) {
          faults.add(where + ": number " + f + " is not finite");
          return;
        }
        if (t instanceof COSBase) continue;
      }
    } catch (IOException | RuntimeException e) {
      faults.add(where + ": content stream does not parse: " + e.getMessage());
    }
  }

  /** Prints the report of each PDF named; details follow on lines starting with two spaces. */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      Report r = check(Path.of(a));
      System.out.println(r.line());
      r.streamFaults().stream().limit(10).forEach(f -> System.out.println("  stream-fault " + f));
      r.pastTrim().stream().limit(10).forEach(f -> System.out.println("  past-trim " + f));
    }
  }
}
