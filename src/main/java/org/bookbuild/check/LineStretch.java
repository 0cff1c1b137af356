package org.bookbuild.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * How far justification stretched the spaces of each text line, read from a finished PDF. FOP sets a justified line by
 * adding the same displacement after every space glyph of the line (a number after the space in a {@code TJ} array);
 * with {@code word-spacing: normal} a space may grow by half its width at an adjustment ratio of 1, as in TeX (a
 * Computer Modern space stretches by half its width too). So the ratio of a line is its added space over half a space:
 * above 1 the line is stretched beyond what the style allows (FOP's second breaking pass accepts that rather than
 * overfill a line), above {@value #TEX_UNDERFULL} TeX would report it as an underfull box (badness 100·r³ over 1000).
 *
 * <p>FOP has no event for an underfull line (its only line event is {@code lineOverflows}, an overfull one, which the
 * build reports as {@code layout-overflow}); this check gives the count. {@code java -cp bookbuild.jar
 * org.bookbuild.check.LineStretch FILE.pdf [--show N]} prints one {@code key=value} line and the worst lines.
 */
public final class LineStretch {
  /** The adjustment ratio above which TeX reports an underfull box: badness 100·r³ > 1000. */
  public static final double TEX_UNDERFULL = 2.154;

  /** One stretched text line: page (1-based), its ratio and its text. */
  public record Line(int page, double ratio, String text) {}

  /**
   * @param lines text lines that hold at least one space between words
   * @param stretched lines whose spaces grew beyond the style's maximum (ratio above 1)
   * @param underfull lines TeX would call underfull (ratio above {@link #TEX_UNDERFULL})
   * @param worst the stretched lines, worst first
   */
  public record Report(int lines, int stretched, int underfull, List<Line> worst) {
    public String line() {
      return "lines=" + lines + " stretched=" + stretched + " underfull=" + underfull;
    }
  }

  private LineStretch() {}

  public static Report check(Path pdf) throws IOException {
    return check(Files.readAllBytes(pdf));
  }

  public static Report check(byte[] pdf) throws IOException {
    List<Line> all = new ArrayList<>();
    int lines = 0;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        Engine e = new Engine();
        e.processPage(doc.getPage(i));
        for (Map.Entry<Long, double[]> l : e.ratios.entrySet()) {
          lines++;
          all.add(new Line(i + 1, l.getValue()[0], e.texts.get(l.getKey()).toString().strip()));
        }
      }
    }
    List<Line> stretched = all.stream().filter(l -> l.ratio() > 1.0 + 1e-3)
        .sorted(Comparator.comparingDouble(Line::ratio).reversed()).toList();
    int underfull = (int) stretched.stream().filter(l -> l.ratio() > TEX_UNDERFULL).count();
    return new Report(lines, stretched.size(), underfull, stretched);
  }

  /** Runs the text operators of one page, noting for each baseline the largest space ratio and the text. */
  private static final class Engine extends PDFStreamEngine {
    final Map<Long, double[]> ratios = new LinkedHashMap<>();
    final Map<Long, StringBuilder> texts = new LinkedHashMap<>();

    Engine() {
      addOperator(new BeginText(this));
      addOperator(new EndText(this));
      addOperator(new SetFontAndSize(this));
      addOperator(new SetMatrix(this));
      addOperator(new MoveText(this));
      addOperator(new MoveTextSetLeading(this));
      addOperator(new NextLine(this));
      addOperator(new SetTextLeading(this));
      addOperator(new SetTextHorizontalScaling(this));
      addOperator(new ShowText(this));
      addOperator(new ShowTextAdjusted(this));
      addOperator(new Save(this));
      addOperator(new Restore(this));
      addOperator(new Concatenate(this));
      addOperator(new DrawObject(this));
    }

    @Override
    public void showTextStrings(COSArray array) throws IOException {
      PDFont font = getGraphicsState().getTextState().getFont();
      float size = getGraphicsState().getTextState().getFontSize();
      if (font != null) {
        Matrix m = getTextMatrix().multiply(getGraphicsState().getCurrentTransformationMatrix());
        long key = Math.round(m.getTranslateY() * 4);   // a baseline, to a quarter point
        StringBuilder text = texts.computeIfAbsent(key, k -> new StringBuilder());
        double hscale = getGraphicsState().getTextState().getHorizontalScaling() / 100.0;
        boolean afterSpace = false;
        double spaceWidth = 0;
        for (COSBase b : array) {
          if (b instanceof COSString s) {
            byte[] bytes = s.getBytes();
            if (bytes.length == 0) continue;   // FOP writes <> between two adjustments: the space before still counts
            afterSpace = false;
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            while (in.available() > 0) {
              int code = font.readCode(in);
              String u = font.toUnicode(code);
              text.append(u == null ? "?" : u);
              afterSpace = " ".equals(u) || "\u00a0".equals(u);
              if (afterSpace) spaceWidth = font.getWidth(code) / 1000.0 * size;
            }
          } else if (b instanceof COSNumber n && afterSpace && spaceWidth > 0) {
            double added = -n.floatValue() / 1000.0 * size * hscale;
            double ratio = added / (spaceWidth / 2);
            ratios.computeIfAbsent(key, k -> new double[] {Double.NEGATIVE_INFINITY});
            double[] r = ratios.get(key);
            r[0] = Math.max(r[0], ratio);
            afterSpace = false;
          }
        }
      }
      super.showTextStrings(array);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: LineStretch FILE.pdf [--show N]");
      System.exit(2);
    }
    int show = args.length >= 3 && args[1].equals("--show") ? Integer.parseInt(args[2]) : 10;
    Report r = check(Path.of(args[0]));
    System.out.println(r.line());
    for (Line l : r.worst().subList(0, Math.min(show, r.worst().size()))) {
      String t = l.text().length() > 90 ? l.text().substring(0, 90) + "…" : l.text();
      System.out.println(String.format(Locale.ROOT, "  page %d: ratio %.2f: %s", l.page(), l.ratio(), t));
    }
  }
}
