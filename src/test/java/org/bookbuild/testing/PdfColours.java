package org.bookbuild.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.*;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads the text of a PDF with the fill colour and font of each character, grouped into runs of one colour. */
public final class PdfColours {
  /** A run of consecutive characters printed in one colour ({@code #rrggbb}) and font. */
  public record Run(int page, String text, String colour, String font) {}

  private PdfColours() {}

  public static List<Run> runs(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      Stripper s = new Stripper();
      s.getText(doc);
      s.flush();
      return s.runs;
    }
  }

  private static final class Stripper extends PDFTextStripper {
    final List<Run> runs = new ArrayList<>();
    private final StringBuilder cur = new StringBuilder();
    private String colour;
    private String font;
    private int page;

    Stripper() {
      addOperator(new SetNonStrokingColor(this));
      addOperator(new SetNonStrokingColorN(this));
      addOperator(new SetNonStrokingColorSpace(this));
      addOperator(new SetNonStrokingDeviceRGBColor(this));
      addOperator(new SetNonStrokingDeviceGrayColor(this));
      addOperator(new SetNonStrokingDeviceCMYKColor(this));
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      String c;
      try {
        int rgb = getGraphicsState().getNonStrokingColor().toRGB();
        c = String.format("#%06x", rgb & 0xffffff);
      } catch (IOException e) {
        c = "?";
      }
      String f = text.getFont() == null ? "" : text.getFont().getName();
      int p = getCurrentPageNo();
      if (!c.equals(colour) || !f.equals(font) || p != page || text.getUnicode().isBlank()) flush();
      colour = c;
      font = f;
      page = p;
      if (!text.getUnicode().isBlank()) cur.append(text.getUnicode());
      super.processTextPosition(text);
    }

    void flush() {
      if (cur.length() > 0) runs.add(new Run(page, cur.toString(), colour, font));
      cur.setLength(0);
    }
  }
}
