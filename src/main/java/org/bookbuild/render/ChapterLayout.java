package org.bookbuild.render;

import java.awt.Point;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.Transformer;
import javax.xml.transform.stream.StreamResult;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.intermediate.IFDocumentNavigationHandler;
import org.apache.fop.render.intermediate.IFException;
import org.apache.fop.render.intermediate.IFSerializer;
import org.apache.fop.render.intermediate.extensions.AbstractAction;
import org.apache.fop.render.intermediate.extensions.BookmarkTree;
import org.apache.fop.render.intermediate.extensions.GoToXYAction;
import org.apache.fop.render.intermediate.extensions.Link;
import org.apache.fop.render.intermediate.extensions.NamedDestination;
import org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.SafeXml;

/**
 * Lays out one chapter's FO document ({@link FoSplit#piece}) into FOP's Intermediate Format, streamed to {@code out}.
 * The IF serializer mimics the PDF handler so text is measured with the fonts the join will embed. The chapter's named
 * destinations (the {@code fox:destination}s the split added) are not written but recorded: they are the positions of
 * its link targets, which the join needs. The page names are the page labels.
 */
final class ChapterLayout {
  private ChapterLayout() {}

  /** Where an id landed: page index inside the chapter, and the point FOP records for links. */
  record Dest(int page, int x, int y) {}

  /** What one chapter's layout produced besides its IF. */
  record Laid(List<String> pageNames, Map<String, Dest> dests, List<Diagnostic> diagnostics) {}

  static Laid run(FopSession session, String fo, java.util.function.BiFunction<Integer, Integer, SourcePos> where,
      OutputStream out) throws Exception {
    Diagnostics diags = new Diagnostics();
    LayoutFonts fonts = new LayoutFonts(session.config);
    try {
      return run(session, fo, where, out, diags, fonts);
    } finally {
      fonts.release();
    }
  }

  private static Laid run(FopSession session, String fo, java.util.function.BiFunction<Integer, Integer, SourcePos> where,
      OutputStream out, Diagnostics diags, LayoutFonts fonts) throws Exception {
    FOUserAgent ua;
    Recorder rec;
    Fop fop;
    synchronized (FopSession.class) {
      // FOP's set-up reads its configuration DOM, which is not safe to read from two threads at once
      ua = session.userAgent(new FopEvents(diags, where));
      IFDocumentHandler pdf = ua.getRendererFactory().createDocumentHandler(ua, MimeConstants.MIME_PDF);
      IFSerializer ser = new IFSerializer(new IFContext(ua));
      ser.mimicDocumentHandler(pdf);
      rec = new Recorder(ser, fonts);
      ua.setDocumentHandlerOverride(rec);
      ArtifactSafeLayout.install(ua, MimeConstants.MIME_FOP_IF, out);
      fop = session.factory.newFop(MimeConstants.MIME_FOP_IF, ua, out);
    }
    SafeXml.parse(fo, fop.getDefaultHandler());
    Map<String, Dest> dests = new HashMap<>();
    for (Map.Entry<String, GoToXYAction> e : rec.dests.entrySet()) {
      GoToXYAction a = e.getValue();
      Point p = a.getTargetLocation();
      dests.put(e.getKey(), new Dest(a.getPageIndex(), p == null ? 0 : p.x, p == null ? 0 : p.y));
    }
    return new Laid(List.copyOf(rec.pageNames), dests, diags.all());
  }

  /** Passes everything to the serializer except named destinations, which it records. */
  private static final class Recorder extends IFDocumentHandlerProxy {
    final List<String> pageNames = new ArrayList<>();
    final Map<String, GoToXYAction> dests = new HashMap<>();

    private final LayoutFonts fonts;

    Recorder(IFDocumentHandler delegate, LayoutFonts fonts) {
      super(delegate);
      this.fonts = fonts;
    }

    @Override
    public IFDocumentHandlerConfigurator getConfigurator() {
      return fonts.around(super.getConfigurator());
    }

    @Override
    public void startPage(int index, String name, String pageMasterName, java.awt.Dimension size) throws IFException {
      pageNames.add(name);
      super.startPage(index, name, pageMasterName, size);
    }

    @Override
    public IFDocumentNavigationHandler getDocumentNavigationHandler() {
      IFDocumentNavigationHandler nav = super.getDocumentNavigationHandler();
      return new IFDocumentNavigationHandler() {
        @Override
        public void renderNamedDestination(NamedDestination d) {
          if (d.getAction() instanceof GoToXYAction a) dests.put(d.getName(), a);
        }

        @Override
        public void renderBookmarkTree(BookmarkTree tree) throws IFException {
          nav.renderBookmarkTree(tree);
        }

        @Override
        public void renderLink(Link link) throws IFException {
          nav.renderLink(link);
        }

        @Override
        public void addResolvedAction(AbstractAction action) throws IFException {
          if (action instanceof GoToXYAction a && dests.containsKey(a.getID()) && a.isComplete()) dests.put(a.getID(), a);
          nav.addResolvedAction(action);
        }

        @Override
        public int getPageIndex() {
          return nav.getPageIndex();
        }
      };
    }
  }
}
