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

  /**
   * Runs {@code steps} on {@code pdf} (after blanking the font descriptors' CIDSets in place, see {@link CidSets});
   * returns the same array when no step is wanted.
   */
  static byte[] runAll(byte[] pdf, List<DocumentStep> steps) throws IOException {
    return runAll(pdf, steps, new org.bookbuild.diag.Timings());
  }

  /** As {@link #runAll(byte[], List)}, timing the scan, the load, each step and the save into {@code timings}. */
  static byte[] runAll(byte[] pdf, List<DocumentStep> steps, org.bookbuild.diag.Timings timings) throws IOException {
    long t0 = System.nanoTime();
    pdf = pdf.clone();
    CidSets.blank(pdf);
    String text = PdfText.latin1(pdf, 0, pdf.length);
    boolean none = steps.stream().noneMatch(s -> s.wanted(text));
    t0 = timings.lap("scan", t0);
    if (none) return pdf;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      t0 = timings.lap("load", t0);
      boolean changed = false;
      for (DocumentStep s : steps) {
        changed |= s.apply(doc);
        t0 = timings.lap(s.getClass().getSimpleName(), t0);
      }
      if (!changed) return pdf;
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + (pdf.length >> 3));
      doc.save(out, CompressParameters.NO_COMPRESSION);
      timings.lap("save", t0);
      return out.toByteArray();
    }
  }
}
