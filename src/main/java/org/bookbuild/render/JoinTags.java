package org.bookbuild.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fop.accessibility.StructureTreeElement;
import org.apache.fop.accessibility.StructureTreeEventHandler;
import org.apache.fop.fonts.CIDFont;
import org.apache.fop.fonts.FontInfo;
import org.apache.fop.fonts.LazyFont;
import org.apache.fop.fonts.Typeface;
import org.apache.fop.pdf.CMapBuilder;
import org.apache.fop.pdf.PDFAction;
import org.apache.fop.pdf.PDFArray;
import org.apache.fop.pdf.PDFCIDSystemInfo;
import org.apache.fop.pdf.PDFDictionary;
import org.apache.fop.pdf.PDFDocument;
import org.apache.fop.pdf.PDFFont;
import org.apache.fop.pdf.PDFFontType0;
import org.apache.fop.pdf.PDFLink;
import org.apache.fop.pdf.PDFObject;
import org.apache.fop.pdf.PDFPage;
import org.apache.fop.pdf.PDFReference;
import org.apache.fop.pdf.PDFStructElem;
import org.apache.fop.pdf.PDFStructTreeRoot;
import org.apache.fop.pdf.PDFToUnicodeCMap;
import org.apache.fop.pdf.PDFUri;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.extensions.Link;
import org.bookbuild.math.UnicodeCMap;
import org.xml.sax.Attributes;

/**
 * What the join does beyond joining, for a long book's memory: the finishing stage's whole-document PDFBox pass made
 * unneeded, and what FOP would hold until the document's end let go as soon as it is written.
 * <ul>
 *   <li>a link annotation carries its {@code Link} element's {@code /Alt} as {@code /Contents} (PDF/UA 7.18.5): the
 *       join sees every link, and FOP's own annotation writes {@code /Contents} for an action with alternate text;</li>
 *   <li>every {@code Note} structure element (a footnote) gets an {@code /ID} ({@code note-1} … in document order)
 *       listed in the structure tree's {@code /IDTree} (PDF/UA 7.9);</li>
 *   <li>each jlatexmath font's ToUnicode map reads its glyphs as Unicode ({@link UnicodeCMap});</li>
 *   <li>each chapter's structure elements are written once its page-sequence ends ({@link #chapterEnded}), and each
 *       page's content stream is let go once the page is written ({@link #pageWritten}).</li>
 * </ul>
 * The first three are what {@code finish.TagFixes} and {@code finish.MathText} do to a PDF FOP wrote in one pass, in
 * a 1,246-page book with the whole file's objects loaded (about 180 MB, some 14 s of CPU); {@link #beforeEnd} says
 * whether they are done, and the pipeline then leaves that pass out. The structure tree is written with a classic
 * cross-reference table rather than object streams, so the finishing stage's in-place patches apply to the file as it
 * is. FOP's handler and document are reached where FOP keeps them package-private (the document, its queue of objects
 * to write, its pages, the handler's table of page contents); a FOP without them leaves the work to the finishing stage
 * and keeps its memory as it did.
 */
final class JoinTags {
  private static final String NO_ALT = "No alternate text specified";

  private final PDFDocument doc;
  /** FOP's queue of objects to write, emptied into the file at the end of every page; null if it cannot be reached. */
  private final List<PDFObject> queue;
  private final FontInfo fonts;
  private final boolean tagged;
  /** Note elements made since the last chapter ended (in document order). */
  private final List<PDFStructElem> notes = new ArrayList<>();
  private int notesSeen;
  /** The ID tree's entries: id → Note element. */
  private final Map<String, PDFStructElem> ids = new TreeMap<>();
  /** Chapters' structure elements queued to be written, to be emptied once they are. */
  private final List<List<PDFStructElem>> queued = new ArrayList<>();
  private boolean linksDone = true;
  /** FOP's pages, in order, and its page contents by hash (to write a repeated page's contents once); or null. */
  private final List<PDFPage> pages;
  private final Map<String, PDFReference> contents;

  private JoinTags(PDFDocument doc, Object handler, FontInfo fonts, boolean tagged) {
    this.doc = doc;
    this.fonts = fonts;
    this.tagged = tagged;
    this.queue = objectQueue(doc);
    this.pages = field(PDFDocument.class, "pageObjs", doc);
    this.contents = field(handler.getClass(), "contents", handler);
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Class<?> k, String name, Object o) {
    try {
      Field f = k.getDeclaredField(name);
      f.setAccessible(true);
      return (T) f.get(o);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static List<PDFObject> objectQueue(PDFDocument doc) {
    return field(PDFDocument.class, "objects", doc);
  }

  /** For a started PDF document handler; null when FOP's document cannot be reached (another handler, another FOP). */
  static JoinTags of(IFDocumentHandler pdf, FontInfo fonts, boolean tagged) {
    // FOP hands out its PDF handler inside an event-producing proxy
    while (pdf instanceof org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy p) {
      try {
        Field f = org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy.class.getDeclaredField("delegate");
        f.setAccessible(true);
        pdf = (IFDocumentHandler) f.get(p);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    for (Class<?> k = pdf.getClass(); k != null; k = k.getSuperclass()) {
      try {
        Method m = k.getDeclaredMethod("getPDFDocument");
        m.setAccessible(true);
        return m.invoke(pdf) instanceof PDFDocument d ? new JoinTags(d, pdf, fonts, tagged) : null;
      } catch (NoSuchMethodException e) {
        // declared higher up
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** FOP's structure tree builder, noting each Note element it makes. */
  StructureTreeEventHandler structure(StructureTreeEventHandler fop) {
    return new StructureTreeEventHandler() {
      @Override
      public void startPageSequence(Locale locale, String role) {
        fop.startPageSequence(locale, role);
      }

      @Override
      public StructureTreeElement startNode(String name, Attributes attributes, StructureTreeElement parent) {
        return noted(fop.startNode(name, attributes, parent));
      }

      @Override
      public void endNode(String name) {
        fop.endNode(name);
      }

      @Override
      public StructureTreeElement startImageNode(String name, Attributes attributes, StructureTreeElement parent) {
        return noted(fop.startImageNode(name, attributes, parent));
      }

      @Override
      public StructureTreeElement startReferencedNode(String name, Attributes attributes, StructureTreeElement parent) {
        return noted(fop.startReferencedNode(name, attributes, parent));
      }

      @Override
      public void endPageSequence() {
        fop.endPageSequence();
      }
    };
  }

  private StructureTreeElement noted(StructureTreeElement e) {
    if (e instanceof PDFStructElem s && !(s instanceof PDFStructElem.Placeholder) && type(s, "Note")) notes.add(s);
    return e;
  }

  private static boolean type(PDFStructElem s, String name) {
    return s.getStructureType() != null && name.equals(s.getStructureType().getName().getName());
  }

  /**
   * After FOP has made the annotation of {@code link}: its /Contents is the Link element's /Alt. FOP files the
   * annotation under the element (an OBJR kid, the last one added); its action is found among its children.
   */
  void linkRendered(Link link) {
    if (!tagged || !(link.getAction().getStructureTreeElement() instanceof PDFStructElem se) || !type(se, "Link")
        || !(se.get("Alt") instanceof String alt)) {
      return;
    }
    List<PDFObject> kids = se.getKids();
    if (kids == null || kids.isEmpty() || !(kids.get(kids.size() - 1) instanceof PDFDictionary objr)
        || !(objr.get("Obj") instanceof PDFLink annot)) {
      linksDone = false;
      return;
    }
    Set<PDFObject> children = new LinkedHashSet<>();
    annot.getChildren(children);
    PDFAction action = null;
    for (PDFObject c : children) {
      if (c instanceof PDFAction a) {
        action = a;
        break;
      }
    }
    if (action == null) {
      linksDone = false;
      return;
    }
    if (action instanceof PDFUri u && u.getAltText() != null && !u.getAltText().isEmpty()) return; // FOP wrote it
    // what FOP writes for the element's /Alt: an empty one is replaced in a PDF/UA document
    if (alt.isEmpty() && doc.getProfile().getPDFUAMode().isEnabled()) alt = NO_ALT;
    if (!alt.isEmpty()) annot.setAction(new Described(action, alt));
  }

  /**
   * Before FOP writes the document's end: Note IDs and the ID tree, the math fonts' Unicode maps, a classic
   * cross-reference table. Returns whether everything the finishing stage's structure and math steps do is done.
   */
  boolean beforeEnd() {
    boolean done = linksDone;
    if (tagged) {
      noteIds();
      idTree();
    }
    done &= mathMaps();
    // the structure elements go out as plain objects: FOP puts them into object streams (and the file then needs a
    // cross-reference stream) only because the document is tagged
    doc.enableAccessibility(false);
    return done;
  }

  /**
   * The end of a chapter (a page-sequence, every page of which FOP has written). Its structure elements will not
   * change any more: its Notes get their IDs, and the elements join the queue of objects FOP writes at the next page's
   * end, instead of all waiting for the document's end (about 86,000 elements, 170 MB, at 1,246 pages). Once written,
   * an element is emptied: what still refers to it (its parent, the parent tree, the ID tree) needs only its number.
   * Elements with no number (no content) are dropped from the tree, as FOP does at the end.
   */
  void chapterEnded() {
    if (!tagged) return;
    noteIds();
    List<PDFStructElem> all = doc.getStructureTreeElements();
    if (queue == null || all == null) return;
    release();
    List<PDFStructElem> keep = new ArrayList<>();
    List<PDFStructElem> batch = new ArrayList<>();
    for (PDFStructElem e : all) {
      if (e.getParentStructElem() == null) {
        keep.add(e); // the document's root element takes kids from every chapter
      } else if (e.hasObjectNumber()) {
        batch.add(e);
      } else if (e.getParentStructElem().getKids() != null) {
        e.getParentStructElem().getKids().remove(e);
      }
    }
    all.clear();
    all.addAll(keep);
    queue.addAll(batch);
    queued.add(batch);
  }

  /**
   * After FOP has written a page: the page and FOP's table of page contents refer to its content stream by number only.
   * FOP's references hold what they point to softly, so every page's content stream (its uncompressed operators,
   * buffers of up to 512 KB) stayed on the heap until the heap was full; held to 256 MB, a long book's join then ran
   * from one full collection to the next.
   */
  void pageWritten() {
    if (pages == null || contents == null || pages.isEmpty()) return;
    PDFPage page = pages.get(pages.size() - 1);
    if (!(page.get("Contents") instanceof PDFReference soft) || soft.getObject() == null) return;
    PDFReference plain = new PDFReference(soft.toString());
    page.put("Contents", plain);
    contents.replaceAll((hash, ref) -> ref == soft ? plain : ref);
  }

  /** Empties the queued structure elements that have been written. */
  private void release() {
    Set<PDFObject> waiting = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    waiting.addAll(queue);
    for (java.util.Iterator<List<PDFStructElem>> it = queued.iterator(); it.hasNext(); ) {
      List<PDFStructElem> batch = it.next();
      if (batch.stream().anyMatch(waiting::contains)) continue;
      for (PDFStructElem e : batch) {
        if (e.getKids() != null) e.getKids().clear();
        for (String k : new ArrayList<>(e.keySet())) e.remove(k);
      }
      it.remove();
    }
  }

  /** IDs for the Notes made since the last call, numbered on from the earlier ones. */
  private void noteIds() {
    for (PDFStructElem note : notes) {
      // an element that never got content is not written (FOP drops it from the tree)
      if (!note.hasObjectNumber()) continue;
      notesSeen++;
      if (note.get("ID") != null) continue;
      String id = "note-" + notesSeen;
      note.put("ID", id);
      ids.put(id, note);
    }
    notes.clear();
  }

  private void idTree() {
    PDFStructTreeRoot root = doc.getRoot().getStructTreeRoot();
    if (root == null || ids.isEmpty()) return;
    PDFArray names = new PDFArray();
    for (Map.Entry<String, PDFStructElem> e : ids.entrySet()) {
      names.add(e.getKey());
      names.add(e.getValue());
    }
    PDFDictionary tree = new PDFDictionary();
    tree.put("Names", names);
    root.put("IDTree", tree);
    ids.clear();
  }

  /**
   * The jlatexmath fonts' ToUnicode maps. FOP makes the fonts' objects at the document's end; they are made here
   * first (making them again at the end finds them made), and each math font's map is put in the place of FOP's in
   * the queue of objects to write, under the same object number.
   */
  private boolean mathMaps() {
    if (queue == null) return false;
    doc.getResources().addFonts(doc, fonts);
    Map<String, PDFFont> made = doc.getFontMap();
    for (Map.Entry<String, Typeface> e : fonts.getUsedFonts().entrySet()) {
      Typeface t = e.getValue();
      String family = t.getEmbedFontName();
      if (family == null || !org.bookbuild.math.MathUnicode.isMathFont(family)) continue;
      Typeface real = t instanceof LazyFont l ? l.getRealFont() : t;
      if (!(real instanceof CIDFont cid) || !(made.get(e.getKey()) instanceof PDFFontType0 font)
          || !(font.get("ToUnicode") instanceof PDFToUnicodeCMap fop)) {
        continue;
      }
      int at = queue.indexOf(fop);
      if (at < 0) return false;
      MathMap ours = new MathMap(cid.getCIDSet().getChars(), family);
      ours.setDocument(doc);
      ours.setObjectNumber(fop.getObjectNumber());
      queue.set(at, ours);
      font.setCMAP(ours);
    }
    return true;
  }

  /** A link action whose annotation says what the link is (/Contents); everything else is its target's. */
  private static final class Described extends PDFUri {
    private final PDFAction target;

    Described(PDFAction target, String contents) {
      super("", contents);
      this.target = target;
    }

    @Override
    public String getAction() {
      return target.getAction();
    }

    @Override
    public void getChildren(Set<PDFObject> children) {
      if (target.hasObjectNumber()) children.add(target);
      target.getChildren(children);
    }
  }

  /** A jlatexmath font's ToUnicode map: FOP's, with the codes read as Unicode. */
  private static final class MathMap extends PDFToUnicodeCMap {
    private final String family;

    MathMap(char[] chars, String family) {
      super(chars, "fop-ucs-H", new PDFCIDSystemInfo("Adobe", "Identity", 0), false, null);
      this.family = family;
    }

    @Override
    protected CMapBuilder createCMapBuilder(Writer writer) {
      return new CMapBuilder(writer, null) {
        @Override
        public void writeCMap() throws IOException {
          StringWriter fop = new StringWriter();
          MathMap.super.createCMapBuilder(fop).writeCMap();
          String mapped = UnicodeCMap.mapped(family, fop.toString());
          writer.write(mapped != null ? mapped : fop.toString());
        }
      };
    }
  }
}
