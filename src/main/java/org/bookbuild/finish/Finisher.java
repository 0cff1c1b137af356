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
 * <p>FOP writes {@code /DisplayDocTitle} itself in PDF/UA mode, and {@code /Lang} from {@code xml:lang}; for such a
 * file with a single author the date and the id are patched in place (same length, no parsing, about 0.3 ms for 150
 * pages). Otherwise PDFBox adds what is missing and saves the file once (about 5–10 ms warm, 120 ms on first use in a
 * JVM) before the id is patched.
 */
public final class Finisher {
  private static final byte[] DISPLAY_DOC_TITLE = "/DisplayDocTitle true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LANG = "/Lang".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LANG_UNKNOWN = "/Lang (x-unknown)".getBytes(StandardCharsets.US_ASCII);

  private Finisher() {}

  /** Returns the finished PDF; {@code pdf} is not modified. Same input, same output. */
  public static byte[] finish(byte[] pdf, Metadata meta) throws IOException {
    byte[] out = pdf.clone();
    if (!MetadataDate.pin(out) || needsRewrite(out, meta) || DocumentId.find(out) == null) out = rewrite(out, meta);
    if (!DocumentId.replace(out)) throw new IOException("PDF has no document id to replace after rewriting");
    return out;
  }

  /**
   * Whether the file lacks something only a rewrite can add. A byte search is enough here: FOP writes the catalog
   * and the trailer uncompressed, and compresses content streams, so these keys cannot turn up by accident.
   */
  static boolean needsRewrite(byte[] pdf, Metadata meta) {
    if (DocumentId.indexOf(pdf, DISPLAY_DOC_TITLE) < 0) return true;
    if (meta == null) return false;
    // FOP copies only the first dc:creator into /Author, and writes /Lang (x-unknown) without xml:lang.
    if (meta.authors().size() > 1) return true;
    return present(meta.language())
        && (DocumentId.indexOf(pdf, LANG) < 0 || DocumentId.indexOf(pdf, LANG_UNKNOWN) >= 0);
  }

  /** Loads, adds viewer preferences, language and a placeholder id where missing, and saves once. */
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
