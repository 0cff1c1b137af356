package org.bookbuild.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A finishing step that needs the PDF's object graph (fonts, the structure tree), not just its catalog. All such steps
 * share one PDFBox load and one save ({@link #runAll}); the save keeps a classic cross-reference table so that the
 * in-place steps of {@link Finisher} still apply to the result.
 */
interface DocumentStep {
  /** Changes the document; returns whether anything changed. */
  boolean apply(PDDocument doc) throws IOException;

  /** Whether the file (its bytes as Latin-1) may need this step, so that a file that needs none is not parsed. */
  boolean wanted(String pdf);

  /** The steps every build runs, in order. */
  List<DocumentStep> ALL = List.of(new MathText(), new TagFixes(), new XmpExtension());

  /** The steps left when the PDF's writer made the structure and math repairs itself. */
  List<DocumentStep> UNREPAIRED = List.of(new XmpExtension());

  /**
   * Runs {@code steps} on {@code pdf} (after blanking the font descriptors' CIDSets in place, see {@link CidSets});
   * returns the same array when no step is wanted.
   */
  static byte[] runAll(byte[] pdf, List<DocumentStep> steps) throws IOException {
    return runAll(pdf, steps, new org.bookbuild.diag.Timings());
  }

  /** As {@link #runAll(byte[], List)}, timing the scan, the load, each step and the save into {@code timings}. */
  static byte[] runAll(byte[] pdf, List<DocumentStep> steps, org.bookbuild.diag.Timings timings) throws IOException {
    return runAll(pdf, steps, timings, true);
  }

  /**
   * As {@link #runAll(byte[], List, org.bookbuild.diag.Timings)}; with {@code copy} false, {@code pdf} itself is
   * changed (and returned when no step is wanted). The whole file is never held twice beyond what the save needs: the
   * loaded document reads its objects from {@code pdf}, and the saved file is written into an array of its own.
   */
  static byte[] runAll(byte[] pdf, List<DocumentStep> steps, org.bookbuild.diag.Timings timings, boolean copy)
      throws IOException {
    long t0 = System.nanoTime();
    if (copy) pdf = pdf.clone();
    CidSets.blank(pdf);
    boolean none = !wantedAny(pdf, steps);
    t0 = timings.lap("scan", t0);
    if (none) return pdf;
    Saved out;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      t0 = timings.lap("load", t0);
      boolean changed = false;
      for (DocumentStep s : steps) {
        changed |= s.apply(doc);
        t0 = timings.lap(s.getClass().getSimpleName(), t0);
      }
      if (!changed) return pdf;
      out = new Saved(pdf.length + (pdf.length >> 3));
      doc.save(out, CompressParameters.NO_COMPRESSION);
    }
    // the document is closed (its objects can go) before the saved bytes are taken out of the stream's buffer
    byte[] saved = out.bytes();
    timings.lap("save", t0);
    return saved;
  }

  /** Whether any step may be wanted; the file's text is made for the look and let go before the load. */
  private static boolean wantedAny(byte[] pdf, List<DocumentStep> steps) {
    String text = PdfText.latin1(pdf, 0, pdf.length);
    return steps.stream().anyMatch(s -> s.wanted(text));
  }

  /** A byte stream whose bytes are handed over without a copy when they fill its buffer exactly. */
  final class Saved extends ByteArrayOutputStream {
    Saved(int size) {
      super(size);
    }

    byte[] bytes() {
      return count == buf.length ? buf : toByteArray();
    }
  }
}
