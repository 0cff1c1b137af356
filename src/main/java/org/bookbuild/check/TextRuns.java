package org.bookbuild.check;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One pass of PDFBox's text extraction over the whole document, keeping both the plain text of each page and the
 * glyph runs with their positions (a run: consecutive non-blank glyphs of one word with the same font, size and
 * baseline; spaces end a run and belong to none).
 */
final class TextRuns extends PDFTextStripper {
  private static final String PAGE_END = "\f";
  private final List<List<PdfInspector.GlyphRun>> runs = new ArrayList<>();
  private final List<String> text = new ArrayList<>();

  private TextRuns() {
    setPageStart("");
    setPageEnd(PAGE_END);
    setSortByPosition(false);
  }

  static TextRuns of(PDDocument doc) throws IOException {
    TextRuns t = new TextRuns();
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) t.runs.add(new ArrayList<>());
    StringWriter w = new StringWriter();
    t.writeText(doc, w);
    String all = w.toString();
    int from = 0;
    for (int i = 0; i < n; i++) {
      int end = all.indexOf(PAGE_END, from);
      if (end < 0) end = all.length();
      t.text.add(all.substring(from, end));
      from = Math.min(all.length(), end + PAGE_END.length());
    }
    return t;
  }

  List<PdfInspector.GlyphRun> runs(int page) {
    return runs.get(page);
  }

  String text(int page) {
    return text.get(page);
  }

  @Override
  protected void writeString(String s, List<TextPosition> positions) throws IOException {
    super.writeString(s, positions);
    int page = getCurrentPageNo() - 1;
    List<TextPosition> current = new ArrayList<>();
    for (TextPosition p : positions) {
      if (p.getUnicode().isBlank()) {
        if (!current.isEmpty()) runs.get(page).add(run(page, current));
        current = new ArrayList<>();
        continue;
      }
      if (!current.isEmpty() && !sameRun(current.get(current.size() - 1), p)) {
        runs.get(page).add(run(page, current));
        current = new ArrayList<>();
      }
      current.add(p);
    }
    if (!current.isEmpty()) runs.get(page).add(run(page, current));
  }

  private static boolean sameRun(TextPosition a, TextPosition b) {
    return a.getFont() == b.getFont()
        && a.getDir() == b.getDir()
        && Math.abs(a.getFontSizeInPt() - b.getFontSizeInPt()) < 0.01f
        && Math.abs(a.getYDirAdj() - b.getYDirAdj()) < 0.01f;
  }

  private static PdfInspector.GlyphRun run(int page, List<TextPosition> ps) {
    if (ps.get(0).getDir() != 0) return turned(page, ps);
    StringBuilder sb = new StringBuilder();
    float left = Float.MAX_VALUE, right = -Float.MAX_VALUE, height = 0;
    for (TextPosition p : ps) {
      sb.append(p.getUnicode());
      left = Math.min(left, p.getXDirAdj());
      right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
      height = Math.max(height, p.getHeightDir());
    }
    TextPosition first = ps.get(0);
    PDFont font = first.getFont();
    return new PdfInspector.GlyphRun(page, sb.toString(), left, first.getYDirAdj(), right - left, height,
        font == null ? "" : font.getName(), first.getFontSizeInPt());
  }

  /**
   * A run set at 90, 180 or 270 degrees (an axis label in a figure, say). The "DirAdj" coordinates of such glyphs are
   * measured in the turned frame, so they say nothing about where the run sits on the page; its box is taken instead
   * from the glyph origins in page space ({@code getX}/{@code getY}, top-left origin), widened by the glyph extents
   * in both directions so that whatever way the run is turned, the box covers it.
   */
  private static PdfInspector.GlyphRun turned(int page, List<TextPosition> ps) {
    StringBuilder sb = new StringBuilder();
    float left = Float.MAX_VALUE, right = -Float.MAX_VALUE, top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE;
    for (TextPosition p : ps) {
      sb.append(p.getUnicode());
      float ext = Math.max(p.getWidthDirAdj(), p.getHeightDir());
      boolean vertical = p.getDir() == 90 || p.getDir() == 270;
      float dx = vertical ? p.getHeightDir() : ext, dy = vertical ? ext : p.getHeightDir();
      left = Math.min(left, p.getX() - dx);
      right = Math.max(right, p.getX() + dx);
      top = Math.min(top, p.getY() - dy);
      bottom = Math.max(bottom, p.getY() + dy);
    }
    TextPosition first = ps.get(0);
    PDFont font = first.getFont();
    return new PdfInspector.GlyphRun(page, sb.toString(), left, bottom, right - left, bottom - top,
        font == null ? "" : font.getName(), first.getFontSizeInPt());
  }
}
