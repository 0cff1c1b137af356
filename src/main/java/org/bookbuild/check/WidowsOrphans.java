package org.bookbuild.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * Typographic check on a finished tagged PDF: no paragraph leaves a single line at the foot of a page (an orphan) or
 * at the head of the next (a widow). A paragraph is a {@code P} element of the structure tree; its lines on a page
 * are the distinct baselines of its text there (its own marked content and that of its inline children — links,
 * spans, formulas — not of blocks inside it such as a footnote's body). Running heads and folios are artifacts
 * (fo.RunningHeads), in no structure element: what is read here is the pages' own text only.
 */
public final class WidowsOrphans {
  private WidowsOrphans() {}

  /** A paragraph broken across pages with one line on one side (page: 0-based, where the single line stands). */
  public record Single(int page, boolean widow, String text) {}

  /** Paragraphs read, those broken across pages, and the single lines; {@code tagged} false: nothing could be read. */
  public record Report(boolean tagged, int paragraphs, int broken, List<Single> singles) {
    public long widows() {
      return singles.stream().filter(Single::widow).count();
    }

    public long orphans() {
      return singles.size() - widows();
    }
  }

  /** Structure types whose content is a block of its own, not part of the paragraph around it. */
  private static final Set<String> BLOCKS = Set.of("P", "Note", "Div", "Sect", "Part", "Art", "BlockQuote", "Caption",
      "TOC", "TOCI", "Index", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Figure",
      "H", "H1", "H2", "H3", "H4", "H5", "H6", "Document", "NonStruct", "Private");

  public static Report check(PdfInspector pdf) throws IOException {
    PDDocument doc = pdf.document();
    PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
    if (root == null) return new Report(false, 0, 0, List.of());
    Map<String, Object> roles = root.getRoleMap();
    Map<PDPage, Integer> pageIndex = new HashMap<>();
    for (int i = 0; i < doc.getNumberOfPages(); i++) pageIndex.put(doc.getPage(i), i);
    Map<Integer, Map<Integer, List<TextPosition>>> glyphs = new HashMap<>();
    Walker w = new Walker(roles, pageIndex, glyphs, doc);
    for (Object k : root.getKids()) if (k instanceof PDStructureElement e) w.element(e);
    return new Report(true, w.paragraphs, w.broken, w.singles);
  }

  private static final class Walker {
    final Map<String, Object> roles;
    final Map<PDPage, Integer> pageIndex;
    final Map<Integer, Map<Integer, List<TextPosition>>> glyphs;
    final PDDocument doc;
    int paragraphs;
    int broken;
    final List<Single> singles = new ArrayList<>();

    Walker(Map<String, Object> roles, Map<PDPage, Integer> pageIndex, Map<Integer, Map<Integer, List<TextPosition>>> glyphs,
        PDDocument doc) {
      this.roles = roles;
      this.pageIndex = pageIndex;
      this.glyphs = glyphs;
      this.doc = doc;
    }

    String type(PDStructureElement e) {
      String t = e.getStructureType();
      for (int i = 0; i < 10 && t != null && roles.get(t) instanceof String s && !s.equals(t); i++) t = s;
      return t == null ? "" : t;
    }

    void element(PDStructureElement e) throws IOException {
      if (type(e).equals("P")) paragraph(e);
      for (Object k : e.getKids()) if (k instanceof PDStructureElement c) element(c);
    }

    void paragraph(PDStructureElement p) throws IOException {
      TreeMap<Integer, List<TextPosition>> byPage = new TreeMap<>();
      collect(p, byPage);
      TreeMap<Integer, Integer> lines = new TreeMap<>();
      for (var e : byPage.entrySet()) {
        int n = lines(e.getValue());
        if (n > 0) lines.put(e.getKey(), n);
      }
      if (lines.isEmpty()) return;
      paragraphs++;
      if (lines.size() < 2) return;
      broken++;
      String text = text(byPage.get(lines.firstKey()));
      if (lines.firstEntry().getValue() == 1) singles.add(new Single(lines.firstKey(), false, text));
      if (lines.lastEntry().getValue() == 1) singles.add(new Single(lines.lastKey(), true, text));
    }

    /** The glyphs of the paragraph's own marked content and its inline children's, by page. */
    void collect(PDStructureElement e, Map<Integer, List<TextPosition>> out) throws IOException {
      PDPage page = e.getPage();
      for (Object k : e.getKids()) {
        if (k instanceof Integer mcid) {
          add(page, mcid, out);
        } else if (k instanceof PDMarkedContentReference r) {
          add(r.getPage() != null ? r.getPage() : page, r.getMCID(), out);
        } else if (k instanceof PDStructureElement c && !BLOCKS.contains(type(c))) {
          collect(c, out);
        }
      }
    }

    void add(PDPage page, int mcid, Map<Integer, List<TextPosition>> out) throws IOException {
      Integer i = page == null ? null : pageIndex.get(page);
      if (i == null) return;
      List<TextPosition> g = marked(i).get(mcid);
      if (g != null) out.computeIfAbsent(i, x -> new ArrayList<>()).addAll(g);
    }

    /** Every marked-content sequence of a page with an MCID: its glyphs (those of sequences nested in it too). */
    Map<Integer, List<TextPosition>> marked(int page) throws IOException {
      Map<Integer, List<TextPosition>> m = glyphs.get(page);
      if (m != null) return m;
      PDFMarkedContentExtractor x = new PDFMarkedContentExtractor();
      x.processPage(doc.getPage(page));
      m = new HashMap<>();
      for (PDMarkedContent c : x.getMarkedContents()) gather(c, -1, m);
      glyphs.put(page, m);
      return m;
    }

    static void gather(PDMarkedContent c, int outer, Map<Integer, List<TextPosition>> m) {
      int id = c.getMCID() >= 0 ? c.getMCID() : outer;
      for (Object o : c.getContents()) {
        if (o instanceof TextPosition t && id >= 0 && !t.getUnicode().isBlank()) m.computeIfAbsent(id, x -> new ArrayList<>()).add(t);
        else if (o instanceof PDMarkedContent inner) gather(inner, id, m);
      }
    }
  }

  /**
   * Lines of text: the distinct baselines of the text glyphs at the paragraph's main size (sub- and superscripts and a
   * footnote mark are not lines of their own), and of the formula glyphs that stand far from every such baseline (a
   * line of nothing but formulas). jlatexmath's glyphs carry a nominal size of their own, so they take no part in
   * finding the main size; their scripts and fraction parts stay within 0.7 em of their line's baseline.
   */
  static int lines(List<TextPosition> gs) {
    if (gs.isEmpty()) return 0;
    Map<Integer, Integer> sizes = new HashMap<>();
    for (TextPosition t : gs) if (!math(t)) sizes.merge(Math.round(t.getFontSizeInPt() * 2), 1, Integer::sum);
    float main = sizes.isEmpty() ? 10f
        : sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey() / 2f;
    List<Float> text = new ArrayList<>();
    List<Float> formulas = new ArrayList<>();
    for (TextPosition t : gs) {
      if (math(t)) formulas.add(t.getYDirAdj());
      else if (t.getFontSizeInPt() >= 0.8f * main) text.add(t.getYDirAdj());
    }
    List<Float> baselines = cluster(text, 0.5f * main);
    List<Float> apart = new ArrayList<>();
    for (float y : formulas) if (baselines.stream().allMatch(b -> Math.abs(b - y) > 0.7f * main)) apart.add(y);
    return baselines.size() + cluster(apart, 0.7f * main).size();
  }

  private static boolean math(TextPosition t) {
    return t.getFont() != null && t.getFont().getName() != null && t.getFont().getName().contains("jlm_");
  }

  /** One value for each run of sorted values no more than {@code gap} apart. */
  private static List<Float> cluster(List<Float> ys, float gap) {
    List<Float> sorted = new ArrayList<>(ys);
    sorted.sort(null);
    List<Float> out = new ArrayList<>();
    for (float y : sorted) if (out.isEmpty() || y - out.get(out.size() - 1) > gap) out.add(y);
    return out;
  }

  private static String text(List<TextPosition> gs) {
    StringBuilder sb = new StringBuilder();
    for (TextPosition t : gs) {
      if (sb.length() >= 60) break;
      sb.append(t.getUnicode());
    }
    return sb.toString();
  }

  /**
   * For the real-projects gate: {@code WidowsOrphans FILE.pdf …} prints
   * {@code paragraphs=N broken=B widows=W orphans=O} and each single line (pages 1-based) per file.
   */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      try (PdfInspector pdf = PdfInspector.open(java.nio.file.Path.of(a))) {
        Report r = check(pdf);
        if (!r.tagged()) {
          System.out.println(a + ": untagged, no paragraphs to read");
          continue;
        }
        System.out.println(a + ": paragraphs=" + r.paragraphs() + " broken=" + r.broken() + " widows=" + r.widows()
            + " orphans=" + r.orphans());
        r.singles().stream().limit(20).forEach(s -> System.out.println("  page " + (s.page() + 1) + ": "
            + (s.widow() ? "widow" : "orphan") + " of \"" + s.text() + "\""));
      }
    }
  }
}
