package org.bookbuild.render;

import java.awt.Dimension;
import java.awt.Point;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.stream.StreamResult;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentNavigationHandler;
import org.apache.fop.render.intermediate.IFException;
import org.apache.fop.render.intermediate.IFParser;
import org.apache.fop.render.intermediate.IFUtil;
import org.apache.fop.render.intermediate.extensions.AbstractAction;
import org.apache.fop.render.intermediate.extensions.Bookmark;
import org.apache.fop.render.intermediate.extensions.BookmarkTree;
import org.apache.fop.render.intermediate.extensions.GoToXYAction;
import org.apache.fop.render.intermediate.extensions.Link;
import org.apache.fop.render.intermediate.extensions.NamedDestination;
import org.apache.fop.render.intermediate.extensions.URIAction;
import org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;

/**
 * Joins the chapters' Intermediate Format documents into one PDF in one pass: one PDF document handler, so every font
 * is subset once. The document header (XMP, language) comes from the first chapter; pages are renumbered in order;
 * every internal link is pointed at its target's place in the whole book (the chapters' own link targets were stand-ins
 * for ids that live in other chapters); the bookmark tree of the book FO is built here with the same targets.
 */
final class IfJoin {
  private IfJoin() {}

  /** A target in the joined book: page index and FOP's point on that page. */
  record Place(int page, int x, int y) {}

  interface Parts {
    int size();

    java.io.InputStream open(int i) throws Exception;
  }

  /**
   * Writes the joined PDF to {@code out}; returns whether the PDF/UA and math-text repairs of the finishing stage are
   * in it already ({@link JoinTags}).
   */
  static boolean join(FopSession session, Parts parts, Map<String, Place> places, List<FoSplit.Mark> marks,
      Diagnostics diags, OutputStream out, org.bookbuild.diag.Timings stages) throws Exception {
    return join(session, parts, places, marks, diags, out, stages, false);
  }

  /**
   * @param preview true for {@code book watch}'s preview of a chapter, whose pages go into the PDF on show untagged
   *     ({@code PageSwap}) until the book's join replaces them: the structure tree is left out even of a tagged book
   *     (a seventh of its join), and the fonts are kept ones ({@link LayoutFonts#forPreview})
   */
  static boolean join(FopSession session, Parts parts, Map<String, Place> places, List<FoSplit.Mark> marks,
      Diagnostics diags, OutputStream out, org.bookbuild.diag.Timings stages, boolean preview) throws Exception {
    try {
      return joinHere(session, parts, places, marks, diags, out, stages, preview);
    } finally {
      FopStatics.release();
    }
  }

  private static boolean joinHere(FopSession session, Parts parts, Map<String, Place> places, List<FoSplit.Mark> marks,
      Diagnostics diags, OutputStream out, org.bookbuild.diag.Timings stages, boolean preview) throws Exception {
    FOUserAgent ua = session.userAgent(new FopEvents(diags, (l, c) -> SourcePos.NONE));
    if (preview) ua.setAccessibility(false);
    IFDocumentHandler pdf = ua.getRendererFactory().createDocumentHandler(ua, MimeConstants.MIME_PDF);
    pdf.setResult(new StreamResult(out));
    JoinFonts fonts = new JoinFonts();
    IFUtil.setupFonts(pdf, fonts);
    LayoutFonts kept = preview ? LayoutFonts.forPreview(session.config) : LayoutFonts.forJoin(session.config);
    kept.take(fonts);
    try {
      return joinFonts(session, ua, pdf, fonts, parts, places, marks, out, stages);
    } finally {
      kept.release();
    }
  }

  private static boolean joinFonts(FopSession session, FOUserAgent ua, IFDocumentHandler pdf, JoinFonts fonts,
      Parts parts, Map<String, Place> places, List<FoSplit.Mark> marks, OutputStream out,
      org.bookbuild.diag.Timings stages) throws Exception {
    pdf.startDocument();
    JoinTags tags = JoinTags.of(pdf, fonts, ua.isAccessibilityEnabled());
    if (tags != null && ua.isAccessibilityEnabled()) {
      ua.setStructureTreeEventHandler(tags.structure(ua.getStructureTreeEventHandler()));
    }
    Filter filter = new Filter(pdf, places, tags);
    for (int i = 0; i < parts.size(); i++) {
      filter.first = i == 0;
      try (java.io.InputStream in = parts.open(i)) {
        // IF read back (from the layout cache) goes through the same safe parser as FO: no DTDs, no entities. The
        // parser's events go straight into FOP's IF handler: IFParser.parse would put an identity transformer between
        // them that only re-creates the same events (a fifth of the join in a profile)
        org.xml.sax.XMLReader reader = org.bookbuild.io.SafeXml.reader();
        reader.setContentHandler(new IFParser().getContentHandler(filter, ua));
        reader.parse(new org.xml.sax.InputSource(in));
      }
    }
    long t0 = System.nanoTime();
    IFDocumentNavigationHandler nav = pdf.getDocumentNavigationHandler();
    if (nav != null) {
      for (String id : filter.pending) nav.addResolvedAction(action(id, places.get(id)));
      if (!marks.isEmpty()) {
        BookmarkTree tree = new BookmarkTree();
        for (FoSplit.Mark m : marks) {
          Bookmark b = bookmark(m, places);
          if (b != null) tree.addBookmark(b);
        }
        nav.renderBookmarkTree(tree);
      }
    }
    pdf.startDocumentTrailer();
    pdf.endDocumentTrailer();
    boolean complete = tags != null && tags.beforeEnd();
    pdf.endDocument();
    stages.addUp("join.trailer", System.nanoTime() - t0);
    return complete;
  }

  private static Bookmark bookmark(FoSplit.Mark m, Map<String, Place> places) {
    Place p = places.get(m.target());
    if (p == null) return null;
    Bookmark b = new Bookmark(m.title(), m.show(), action(m.target(), p));
    for (FoSplit.Mark c : m.children()) {
      Bookmark cb = bookmark(c, places);
      if (cb != null) b.addChildBookmark(cb);
    }
    return b;
  }

  private static GoToXYAction action(String id, Place p) {
    return new GoToXYAction(id, p.page(), new Point(p.x(), p.y()), null);
  }

  /** Takes one chapter's IF events into the book's PDF handler. */
  private static final class Filter extends IFDocumentHandlerProxy {
    private final Map<String, Place> places;
    private final JoinTags tags;
    /** Links whose target page did not exist yet when the link was made: resolved at the end. */
    final Set<String> pending = new LinkedHashSet<>();
    boolean first;
    private boolean inSequence;
    private int nextPage;
    private int currentPage = -1;

    Filter(IFDocumentHandler target, Map<String, Place> places, JoinTags tags) {
      super(target);
      this.places = places;
      this.tags = tags;
    }

    @Override
    public void startDocument() {}

    @Override
    public void setDocumentLocale(java.util.Locale locale) {
      if (first) super.setDocumentLocale(locale);
    }

    @Override
    public void startDocumentHeader() throws IFException {
      if (first) super.startDocumentHeader();
    }

    @Override
    public void endDocumentHeader() throws IFException {
      if (first) super.endDocumentHeader();
    }

    @Override
    public void startPageSequence(String id) throws IFException {
      inSequence = true;
      super.startPageSequence(id);
    }

    @Override
    public void endPageSequence() throws IFException {
      super.endPageSequence();
      inSequence = false;
      if (tags != null) tags.chapterEnded();
    }

    @Override
    public void startPage(int index, String name, String pageMasterName, Dimension size) throws IFException {
      currentPage = nextPage++;
      super.startPage(currentPage, name, pageMasterName, size);
    }

    @Override
    public void endPage() throws IFException {
      super.endPage();
      if (tags != null) tags.pageWritten();
    }

    @Override
    public void startDocumentTrailer() {}

    @Override
    public void endDocumentTrailer() {}

    @Override
    public void endDocument() {}

    @Override
    public void handleExtensionObject(Object extension) throws IFException {
      if (inSequence || first) super.handleExtensionObject(extension);
    }

    @Override
    public IFDocumentNavigationHandler getDocumentNavigationHandler() {
      IFDocumentNavigationHandler nav = super.getDocumentNavigationHandler();
      if (nav == null) return null;
      return new IFDocumentNavigationHandler() {
        @Override
        public void renderNamedDestination(NamedDestination d) {}

        @Override
        public void renderBookmarkTree(BookmarkTree tree) {}

        @Override
        public void renderLink(Link link) throws IFException {
          AbstractAction a = link.getAction();
          String target = null;
          if (a instanceof GoToXYAction g) target = g.getID();
          if (a instanceof URIAction u && u.getURI().startsWith(FoSplit.GOTO)) {
            target = java.net.URLDecoder.decode(u.getURI().substring(FoSplit.GOTO.length()),
                java.nio.charset.StandardCharsets.UTF_8);
          }
          if (target != null) {
            AbstractAction g = a;
            Place p = places.get(target);
            if (p == null) return;
            if (p.page() <= currentPage) {
              a = action(target, p);
            } else {
              a = new GoToXYAction(target);
              pending.add(target);
            }
            a.setStructureTreeElement(g.getStructureTreeElement());
            link = new Link(a, link.getTargetRect());
          }
          nav.renderLink(link);
          if (tags != null) tags.linkRendered(link);
        }

        @Override
        public void addResolvedAction(AbstractAction action) throws IFException {
          if (!(action instanceof GoToXYAction)) nav.addResolvedAction(action);
        }

        @Override
        public int getPageIndex() {
          return nav.getPageIndex();
        }
      };
    }
  }
}
