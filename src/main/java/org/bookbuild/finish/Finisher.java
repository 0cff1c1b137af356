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
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.bookbuild.model.Metadata;

/**
 * Finishes the PDF that FOP wrote: the viewer shows the book's title rather than the file name, the catalog names
 * the book's language, and the random document /ID FOP writes is replaced by one derived from the content, so that
 * the same sources give the same bytes.
 *
 * <p>FOP writes {@code /DisplayDocTitle} and {@code /Lang} itself when the FO asks for a tagged PDF and sets
 * {@code xml:lang}; then only the id changes, patched in place without parsing the file. Otherwise PDFBox adds what is
 * missing and saves the file once before the id is patched.
 */
public final class Finisher {
  private static final byte[] DISPLAY_DOC_TITLE = "/DisplayDocTitle true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LANG = "/Lang".getBytes(StandardCharsets.US_ASCII);

  private Finisher() {}

  /** Returns the finished PDF; {@code pdf} is not modified. Same input, same output. */
  public static byte[] finish(byte[] pdf, Metadata meta) throws IOException {
    byte[] out = needsRewrite(pdf, meta) ? rewrite(pdf, meta) : pdf.clone();
    if (!DocumentId.replace(out)) {
      out = rewrite(out, meta);
      if (!DocumentId.replace(out)) throw new IOException("PDF has no document id to replace after rewriting");
    }
    return out;
  }

  /**
   * Whether the file lacks something only a rewrite can add. A byte search is enough here: FOP writes the catalog
   * and the trailer uncompressed, and compresses content streams, so these keys cannot turn up by accident.
   */
  static boolean needsRewrite(byte[] pdf, Metadata meta) {
    if (DocumentId.indexOf(pdf, DISPLAY_DOC_TITLE) < 0) return true;
    return meta != null && present(meta.language()) && DocumentId.indexOf(pdf, LANG) < 0;
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
      if (meta != null && present(meta.language()) && cat.getLanguage() == null) cat.setLanguage(meta.language());
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
