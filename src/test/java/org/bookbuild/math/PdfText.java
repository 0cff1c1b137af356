package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Glyph positions of a PDF (PDFBox text stripper), for baseline and margin checks. */
final class PdfText {
  /** One glyph: page (1-based), text, font name, x, baseline y (from the top), width, font size. */
  record Glyph(int page, String text, String font, float x, float y, float w, float size) {}

  static List<Glyph> glyphs(byte[] pdf) throws Exception {
    List<Glyph> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          for (TextPosition p : positions) {
            out.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getFont().getName(), p.getXDirAdj(),
                p.getYDirAdj(), p.getWidthDirAdj(), p.getXScale()));
          }
        }
      };
      s.setSortByPosition(false);
      s.getText(doc);
    }
    return out;
  }
}
