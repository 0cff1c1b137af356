package org.bookbuild.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.bookbuild.model.Metadata;

/**
 * Finishes the PDF that FOP wrote: the viewer shows the book's title rather than the file name, the catalog names
 * the book's language, the document information lists every author (FOP copies only the first from the XMP), and
 * the random document /ID FOP writes is replaced by one derived from the content, so that the same sources give the
 * same bytes.
 *
 * <p>FOP also stamps the XMP {@code xmp:MetadataDate} with the time of the run; it is set to the creation date.
 *
 * <p>All of this is done on the bytes: the date and the id are overwritten in place (same length), the catalog and
 * information changes are appended as an incremental update ({@link IncrementalUpdate}). Measured with
 * {@code FinisherBench} on a 150-page FOP book (2 shared cores under load): first call after FOP 41 ms, mostly the
 * SHA-256 provider's start-up (the id has since become a {@code Fingerprint}), then 2–4 ms; loading and saving with
 * PDFBox instead cost 540 ms on first use (what every command-line build pays) and 8–40 ms warm. PDFBox remains the
 * fallback for files in another layout.
 */
public final class Finisher {

  private Finisher() {}

  /** Returns the finished PDF; {@code pdf} is not modified. Same input, same output. */
  public static byte[] finish(byte[] pdf, Metadata meta) throws IOException {
    return finish(pdf, meta, new org.bookbuild.diag.Timings());
  }

  /** As {@link #finish(byte[], Metadata)}, timing its parts into {@code timings}. */
  public static byte[] finish(byte[] pdf, Metadata meta, org.bookbuild.diag.Timings timings) throws IOException {
    return finishInPlace(pdf.clone(), meta, timings);
  }

  /**
   * As {@link #finish(byte[], Metadata, org.bookbuild.diag.Timings)}, but {@code pdf} is the caller's no more: it is
   * changed and may be returned. A long book's PDF is tens of megabytes, and the pipeline, which has no use for FOP's
   * output once it is finished, saves a copy of it this way.
   */
  public static byte[] finishInPlace(byte[] pdf, Metadata meta, org.bookbuild.diag.Timings timings)
      throws IOException {
    return finishInPlace(pdf, meta, timings, false);
  }

  /**
   * As {@link #finishInPlace(byte[], Metadata, org.bookbuild.diag.Timings)}; {@code repaired} says the PDF's structure
   * and math repairs ({@code TagFixes}, {@code MathText}) were made where it was written (the render stage's join), so
   * that no whole-document PDFBox pass is needed for them: in a 1,246-page book that pass held about 180 MB.
   */
  public static byte[] finishInPlace(byte[] pdf, Metadata meta, org.bookbuild.diag.Timings timings, boolean repaired)
      throws IOException {
    pdf = DocumentStep.runAll(pdf, repaired ? DocumentStep.UNREPAIRED : DocumentStep.ALL, timings, false);
    long t0 = System.nanoTime();
    // the steps' result is an array of its own: the date is pinned in it, and a file that is not laid out as FOP
    // writes it is rewritten from it (rewriting pins the date as well)
    if (MetadataDate.pin(pdf)) {
      byte[] updated = IncrementalUpdate.apply(pdf, changes(meta));
      if (updated != null && DocumentId.replace(updated)) {
        timings.lap("patch", t0);
        return updated;
      }
    }
    byte[] out = rewrite(pdf, meta);
    if (!DocumentId.replace(out)) throw new IOException("PDF has no document id to replace after rewriting");
    return out;
  }

  /**
   * As {@link #finish(byte[], Metadata)}, after the whole-document {@code steps} (a press's padding pages, marks,
   * grayscale), which run in order on one load of the PDF.
   */
  public static byte[] finish(byte[] pdf, Metadata meta, java.util.List<FinishStep> steps) throws IOException {
    if (steps.isEmpty()) return finish(pdf, meta);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (FinishStep s : steps) s.apply(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return finish(out.toByteArray(), meta);
    }
  }

  /** What the catalog and the document information should say beyond what FOP wrote. */
  static IncrementalUpdate.Changes changes(Metadata meta) {
    if (meta == null) return new IncrementalUpdate.Changes(null, null);
    // FOP copies only the first dc:creator into /Author.
    return new IncrementalUpdate.Changes(present(meta.language()) ? meta.language().strip() : null,
        meta.authors().size() > 1 ? meta.authorNames() : null);
  }

  /**
   * The fallback for files not laid out as FOP writes them: loads, adds viewer preferences, language, authors and a
   * placeholder id where missing, pins the metadata date, and saves once.
   */
  static byte[] rewrite(byte[] pdf, Metadata meta) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentCatalog cat = doc.getDocumentCatalog();
      PDViewerPreferences prefs = cat.getViewerPreferences();
      if (prefs == null) {
        prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        cat.setViewerPreferences(prefs);
      }
      prefs.setDisplayDocTitle(true);
      if (meta != null && present(meta.language())
          && (cat.getLanguage() == null || cat.getLanguage().equals("x-unknown"))) {
        cat.setLanguage(meta.language());
      }
      PDMetadata xmp = cat.getMetadata();
      if (xmp != null) {
        String packet = new String(xmp.toByteArray(), StandardCharsets.UTF_8);
        String pinned = MetadataDate.pin(packet);
        if (!pinned.equals(packet)) xmp.importXMPMetadata(pinned.getBytes(StandardCharsets.UTF_8));
      }
      if (meta != null && !meta.authors().isEmpty()) doc.getDocumentInformation().setAuthor(meta.authorNames());
      if (meta != null && present(meta.title()) && doc.getDocumentInformation().getTitle() == null) {
        doc.getDocumentInformation().setTitle(meta.title());
      }
      if (doc.getDocument().getDocumentID() == null || doc.getDocument().getDocumentID().size() < 2) {
        // PDFBox would invent a time-based id; give it a fixed one that the patch step then replaces.
        COSArray id = new COSArray();
        id.add(new COSString(new byte[16], true));
        id.add(new COSString(new byte[16], true));
        doc.getDocument().setDocumentID(id);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 256);
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
