package org.bookbuild.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs of a tagged PDF's page with how they are marked (PDFBox's {@link PDFMarkedContentExtractor}): in
 * {@code /Artifact} marked content — page furniture a screen reader passes over — or in marked content with an MCID,
 * which a structure element owns; and the page's lines, top to bottom.
 */
public final class MarkedGlyphs {
  private MarkedGlyphs() {}

  public enum Kind { ARTIFACT, TAGGED }

  /** One glyph: its text, baseline (from the top), left edge, advance, size, and how it is marked. */
  public record Glyph(String text, float y, float x, float width, float size, Kind kind) {}

  /** Every visible glyph in marked content on page {@code p}; artifact when any enclosing sequence is an /Artifact. */
  public static List<Glyph> of(PDDocument d, int p) throws IOException {
    PDFMarkedContentExtractor x = new PDFMarkedContentExtractor();
    x.processPage(d.getPage(p));
    List<Glyph> out = new ArrayList<>();
    for (PDMarkedContent c : x.getMarkedContents()) gather(c, false, false, out);
    return out;
  }

  private static void gather(PDMarkedContent c, boolean artifact, boolean tagged, List<Glyph> out) {
    boolean a = artifact || "Artifact".equals(c.getTag());
    boolean t = tagged || c.getMCID() >= 0;
    for (Object o : c.getContents()) {
      if (o instanceof TextPosition g && !g.getUnicode().isBlank()) {
        if (a || t) {
          out.add(new Glyph(g.getUnicode(), g.getYDirAdj(), g.getXDirAdj(), g.getWidthDirAdj(), g.getFontSizeInPt(),
              a ? Kind.ARTIFACT : Kind.TAGGED));
        }
      } else if (o instanceof PDMarkedContent inner) {
        gather(inner, a, t, out);
      }
    }
  }

  /** The lines of {@code gs}, top to bottom: glyphs within 2 pt of one baseline, left to right. */
  public static List<List<Glyph>> lines(List<Glyph> gs) {
    TreeMap<Float, List<Glyph>> by = new TreeMap<>();
    for (Glyph g : gs) {
      Float key = by.floorKey(g.y() + 2f);
      if (key == null || g.y() - key > 2f) key = g.y();
      by.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
    }
    List<List<Glyph>> out = new ArrayList<>();
    for (List<Glyph> l : by.values()) {
      l.sort((u, v) -> Float.compare(u.x(), v.x()));
      out.add(l);
    }
    return out;
  }

  /** A line's text, a space where glyphs stand apart by more than a fifth of their size. */
  public static String text(List<Glyph> line) {
    StringBuilder sb = new StringBuilder();
    Glyph prev = null;
    for (Glyph g : line) {
      if (prev != null && g.x() - (prev.x() + prev.width()) > 0.2f * g.size()) sb.append(' ');
      sb.append(g.text());
      prev = g;
    }
    return sb.toString();
  }
}
