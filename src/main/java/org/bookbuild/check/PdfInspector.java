package org.bookbuild.check;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Reads a finished PDF the way a reader and a print shop will meet it, for tests at every level: pages and their
 * labels, the outline, links, text with glyph positions, fonts, raster images and metadata (document info and XMP).
 *
 * <p>Page indices are 0-based. Positions are in PDF points with the origin at the top-left corner of the page's crop
 * box (which is the media box unless the PDF sets one) and y growing downwards, as PDFBox's text extraction reports
 * them; a {@link GlyphRun}'s {@code y} is its baseline. Open with {@link #open(byte[])}, close when done.
 */
public final class PdfInspector implements Closeable {
  /** XMP namespaces for {@link #xmp(String, String)}. */
  public static final String DC = "http://purl.org/dc/elements/1.1/",
      XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/",
      CC = "http://creativecommons.org/ns#",
      PDF = "http://ns.adobe.com/pdf/1.3/",
      XMP = "http://ns.adobe.com/xap/1.0/";

  /** A rectangle in the top-left, y-down coordinates described above. */
  public record Box(float x, float y, float width, float height) {
    public float right() {
      return x + width;
    }

    public float bottom() {
      return y + height;
    }

    /** This box grown by {@code d} points on every side. */
    public Box grow(float d) {
      return new Box(x - d, y - d, width + 2 * d, height + 2 * d);
    }
  }

  /**
   * Glyphs of one word sharing font, size and baseline. {@code y} is the baseline, {@code height} PDFBox's glyph
   * height estimate (the run occupies roughly {@code y - height} to {@code y}); {@code font} is the PDF font name
   * including any subset prefix ({@code ABCDEF+CMUSerif-Roman}).
   */
  public record GlyphRun(int page, String text, float x, float y, float width, float height, String font, float size) {
    public float right() {
      return x + width;
    }

    public float top() {
      return y - height;
    }
  }

  /** An outline (bookmark) entry; {@code page} is -1 when its destination does not resolve to a page. */
  public record OutlineEntry(String title, int page, int depth, List<OutlineEntry> children) {}

  /**
   * A link annotation on {@code page}: either internal ({@code uri} null, {@code target} the destination page index
   * or -1 when it does not resolve) or external ({@code uri} set, {@code target} -1).
   */
  public record Link(int page, Box rect, String uri, int target) {
    public boolean internal() {
      return uri == null;
    }
  }

  /** A font used on a page; {@code name} with subset prefix, {@code type} the PDF font subtype. */
  public record FontUse(String name, String type, boolean embedded) {}

  /** A raster image painted on a page: {@code kind} is {@code xobject} or {@code inline}; size in pixels. */
  public record Image(String kind, int width, int height, int bitsPerComponent) {}

  private final PDDocument doc;
  private TextRuns text;

  private PdfInspector(PDDocument doc) {
    this.doc = doc;
  }

  public static PdfInspector open(byte[] pdf) throws IOException {
    return new PdfInspector(Loader.loadPDF(pdf));
  }

  public static PdfInspector open(Path pdf) throws IOException {
    return open(Files.readAllBytes(pdf));
  }

  /** The document itself, for the checks of this package that read its structure tree. */
  PDDocument document() {
    return doc;
  }

  public int pageCount() {
    return doc.getNumberOfPages();
  }

  /** The label of every page ("i", "ii", "1" …); plain 1-based numbers when the PDF defines no labels. */
  public List<String> pageLabels() throws IOException {
    PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
    List<String> out = new ArrayList<>();
    if (labels == null) {
      for (int i = 1; i <= pageCount(); i++) out.add(Integer.toString(i));
      return out;
    }
    String[] byIndex = labels.getLabelsByPageIndices();
    for (int i = 0; i < pageCount(); i++) out.add(i < byIndex.length ? byIndex[i] : null);
    return out;
  }

  /** The page's media box (whole sheet including bleed). */
  public Box mediaBox(int page) {
    return box(doc.getPage(page), doc.getPage(page).getMediaBox());
  }

  /** The page's trim box: the finished page after cutting (the media box when no trim box is set). */
  public Box trimBox(int page) {
    return box(doc.getPage(page), doc.getPage(page).getTrimBox());
  }

  private static Box box(PDPage p, PDRectangle r) {
    PDRectangle crop = p.getCropBox();
    return new Box(r.getLowerLeftX() - crop.getLowerLeftX(), crop.getUpperRightY() - r.getUpperRightY(), r.getWidth(),
        r.getHeight());
  }

  /** The outline tree, top-level entries first. */
  public List<OutlineEntry> outline() throws IOException {
    var root = doc.getDocumentCatalog().getDocumentOutline();
    return root == null ? List.of() : outline(root, 0);
  }

  private List<OutlineEntry> outline(PDOutlineNode node, int depth) throws IOException {
    List<OutlineEntry> out = new ArrayList<>();
    for (PDOutlineItem item : node.children()) {
      PDPage p = item.findDestinationPage(doc);
      out.add(new OutlineEntry(item.getTitle(), p == null ? -1 : doc.getPages().indexOf(p), depth, outline(item, depth + 1)));
    }
    return out;
  }

  /** The outline flattened in reading order (each entry before its children). */
  public List<OutlineEntry> outlineFlat() throws IOException {
    List<OutlineEntry> out = new ArrayList<>();
    flatten(outline(), out);
    return out;
  }

  private static void flatten(List<OutlineEntry> in, List<OutlineEntry> out) {
    for (OutlineEntry e : in) {
      out.add(e);
      flatten(e.children(), out);
    }
  }

  /** Every link annotation in the document, page by page. */
  public List<Link> links() throws IOException {
    List<Link> out = new ArrayList<>();
    for (int i = 0; i < pageCount(); i++) {
      PDPage page = doc.getPage(i);
      for (PDAnnotation a : page.getAnnotations()) {
        if (!(a instanceof PDAnnotationLink link)) continue;
        Box rect = box(page, link.getRectangle());
        PDAction action = link.getAction();
        if (action instanceof PDActionURI uri) {
          out.add(new Link(i, rect, uri.getURI(), -1));
        } else {
          PDDestination dest = action instanceof PDActionGoTo g ? g.getDestination() : link.getDestination();
          out.add(new Link(i, rect, null, destinationPage(dest)));
        }
      }
    }
    return out;
  }

  private int destinationPage(PDDestination dest) throws IOException {
    PDPageDestination pd = null;
    if (dest instanceof PDNamedDestination named) pd = doc.getDocumentCatalog().findNamedDestinationPage(named);
    else if (dest instanceof PDPageDestination p) pd = p;
    if (pd == null) return -1;
    if (pd.getPage() != null) return doc.getPages().indexOf(pd.getPage());
    int n = pd.getPageNumber();
    return n >= 0 && n < pageCount() ? n : -1;
  }

  /** The extracted text of a page. */
  public String text(int page) throws IOException {
    return text().text(page);
  }

  /** Whether a page shows no text at all (a blank verso, for instance). */
  public boolean isTextEmpty(int page) throws IOException {
    return text(page).isBlank();
  }

  /** The glyph runs on a page with their positions, in content-stream order. */
  public List<GlyphRun> runs(int page) throws IOException {
    return text().runs(page);
  }

  private TextRuns text() throws IOException {
    if (text == null) text = TextRuns.of(doc);
    return text;
  }

  /**
   * The fonts a page's resources offer (its own and those of the forms it draws), each once, as {@code pdffonts}
   * lists them. FOP shares one resource dictionary among pages, so this may name fonts the page does not draw with;
   * {@link #runs} name the fonts actually used.
   */
  public List<FontUse> fonts(int page) throws IOException {
    Set<FontUse> out = new LinkedHashSet<>();
    fonts(doc.getPage(page).getResources(), out, new java.util.HashSet<>());
    return new ArrayList<>(out);
  }

  private static void fonts(PDResources res, Set<FontUse> out, Set<PDResources> seen) throws IOException {
    if (res == null || !seen.add(res)) return;
    for (COSName n : res.getFontNames()) {
      PDFont f = res.getFont(n);
      if (f != null) out.add(new FontUse(f.getName(), f.getSubType(), f.isEmbedded()));
    }
    for (COSName n : res.getXObjectNames()) {
      if (res.getXObject(n) instanceof PDFormXObject form) fonts(form.getResources(), out, seen);
    }
  }

  /** The raster images a page paints (directly, inline or inside forms), in drawing order. */
  public List<Image> images(int page) throws IOException {
    return DrawnImages.of(doc.getPage(page));
  }

  /** The document information dictionary's text entries (Title, Author, Subject, Keywords, Creator, Producer …). */
  public Map<String, String> info() {
    Map<String, String> out = new LinkedHashMap<>();
    var dict = doc.getDocumentInformation().getCOSObject();
    for (COSName k : dict.keySet()) {
      if (dict.getDictionaryObject(k) instanceof COSString s) out.put(k.getName(), s.getString());
    }
    return out;
  }

  /** The raw XMP packet, or null when the document has none. */
  public String xmpRaw() throws IOException {
    PDMetadata m = doc.getDocumentCatalog().getMetadata();
    return m == null ? null : new String(m.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The values of an XMP property (several for arrays such as {@code dc:creator}); empty when absent. Example:
   * {@code xmp(PdfInspector.CC, "license")}.
   */
  public List<String> xmp(String namespace, String property) throws IOException {
    String raw = xmpRaw();
    if (raw == null) return List.of();
    try {
      return new XmpReader(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)).values(namespace, property);
    } catch (Exception e) {
      throw new IOException("unreadable XMP packet: " + e.getMessage(), e);
    }
  }

  /** The single value of an XMP property, or null; fails when it has several. */
  public String xmpOne(String namespace, String property) throws IOException {
    List<String> v = xmp(namespace, property);
    if (v.size() > 1) throw new IllegalStateException("XMP property " + property + " has " + v.size() + " values: " + v);
    return v.isEmpty() ? null : v.get(0);
  }

  /** The trailer's document /ID as hex strings (usually two), or an empty list. */
  public List<String> documentId() {
    COSArray id = doc.getDocument().getDocumentID();
    List<String> out = new ArrayList<>();
    if (id == null) return out;
    for (COSBase b : id) if (b instanceof COSString s) out.add(HexFormat.of().formatHex(s.getBytes()));
    return out;
  }

  /** Whether the viewer preferences ask to show the document title instead of the file name. */
  public boolean displaysDocTitle() {
    PDDocumentCatalog cat = doc.getDocumentCatalog();
    return cat.getViewerPreferences() != null && cat.getViewerPreferences().displayDocTitle();
  }

  /** The document's language from the catalog (/Lang), or null. */
  public String language() {
    return doc.getDocumentCatalog().getLanguage();
  }

  @Override
  public void close() throws IOException {
    doc.close();
  }
}
