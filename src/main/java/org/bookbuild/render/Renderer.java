package org.bookbuild.render;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.transform.Transformer;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.MimeConstants;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.fo.SourceMap;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.Style;

/**
 * Stage 7: XSL-FO to PDF with Apache FOP. The book's FO is cut into one document per page-sequence ({@link FoSplit}),
 * the chapters are laid out in parallel into FOP's Intermediate Format ({@link ChapterLayout}, reused from
 * {@code out/.cache/layout/} when the same chapter was laid out before with the same first page and the same cited
 * page numbers: {@link LayoutCache}), page numbers settled over as many passes as they move ({@link PageNumbers}),
 * and the chapters joined into one PDF ({@link IfJoin}). Fonts come from the style (and the math stage), files through
 * the World; FOP's events become diagnostics at the author's text; the document date is fixed so builds are
 * reproducible.
 */
public final class Renderer {
  private Renderer() {}

  /** Thrown when FOP cannot produce a PDF at all. */
  public static final class RenderException extends Exception {
    public RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What to render: the FO, where its parts came from, and how; {@code chapters} hears (done, total) as chapters are
   * laid out or taken from the cache, {@code pages} each such chapter's page count (both from worker threads).
   */
  public record Job(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
      RenderSettings settings, java.util.function.BiConsumer<Integer, Integer> chapters,
      java.util.function.IntConsumer pages, Preview preview) {
    public Job {
      if (chapters == null) chapters = (d, t) -> {};
      if (pages == null) pages = n -> {};
    }

    public Job(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
        RenderSettings settings, java.util.function.BiConsumer<Integer, Integer> chapters,
        java.util.function.IntConsumer pages) {
      this(fo, sources, style, world, meta, created, settings, chapters, pages, null);
    }

    public Job(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
        RenderSettings settings) {
      this(fo, sources, style, world, meta, created, settings, null, null);
    }
  }

  /**
   * The PDF FOP wrote and the report of how it was laid out. {@code repaired}: the PDF/UA repairs and the math fonts' Unicode maps the
   * finishing stage makes with a whole-document PDFBox pass are in the PDF already (the per-chapter join makes them as
   * it writes, {@link JoinTags}); the finishing stage then leaves that pass out.
   */
  public record Rendered(byte[] pdf, RenderReport report, boolean repaired) {
    public Rendered(byte[] pdf, RenderReport report) {
      this(pdf, report, false);
    }
  }

  public static byte[] render(String fo, Style style, World world, Metadata meta, Date created, Diagnostics diags)
      throws RenderException {
    return render(fo, SourceMap.empty(), style, world, meta, created, diags);
  }

  /** @param sources where the FO came from, so that FOP's events are reported at the author's text */
  public static byte[] render(String fo, SourceMap sources, Style style, World world, Metadata meta, Date created,
      Diagnostics diags) throws RenderException {
    return render(new Job(fo, sources, style, world, meta, created, RenderSettings.DEFAULT), diags).pdf();
  }

  /** The one entry point: lays the book out (per chapter unless the settings or the FO say otherwise). */
  public static Rendered render(Job job, Diagnostics diags) throws RenderException {
    // FOP refuses PDF/UA without a document title; hand-written FO without metadata is rendered tagged only
    if (job.settings().pdfUaMode() != null && !declaresTitle(job.fo())) {
      job = new Job(job.fo(), job.sources(), job.style(), job.world(), job.meta(), job.created(),
          job.settings().withPdfUa(null), job.chapters(), job.pages(), job.preview());
    }
    org.bookbuild.diag.Timings stages = new org.bookbuild.diag.Timings();
    long t0 = System.nanoTime();
    FopSession session;
    PngPassThrough.prefetch(job.fo(), job.world(), job.settings());
    WarmUp.await();
    try {
      session = FopSession.open(job.style(), job.world(), job.created(), job.settings());
    } catch (Exception e) {
      throw new RenderException("FOP could not be set up: " + rootMessage(e), e);
    }
    t0 = stages.lap("fop-setup", t0);
    FoSplit split = job.settings().perChapter() ? FoSplit.of(job.fo()) : null;
    if (split != null) t0 = stages.lap("split", t0);
    if (split == null) return singleTimed(session, job, diags, stages, t0);
    try {
      return new PerChapter(session, split, job, diags, stages).run();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // the per-chapter path is an optimisation: whatever stops it, one pass over the whole FO still gets its chance
      return singleTimed(session, job, diags, stages, System.nanoTime());
    }
  }

  /**
   * The FO with the index's page lists printed from their pages (each page once, runs as ranges), which the single
   * pass cannot know before it lays the book out: a first layout of the whole book tells them (the index's pages come
   * after every page it cites, so how it is printed moves none). The FO as it is when there are no page lists or the
   * first layout fails; the second pass then prints one number per anchor.
   */
  static String settled(FopSession session, String fo) {
    if (!fo.contains(org.bookbuild.fo.PageListMark.ATTR)) return fo;
    FoSplit split = FoSplit.of(fo);
    if (split == null) return fo;
    java.util.Set<String> ids = split.pageListCites();
    if (ids.isEmpty()) return fo;
    try {
      ChapterLayout.Laid laid = ChapterLayout.run(session, split.withDestinations(ids),
          (l, c) -> org.bookbuild.diag.SourcePos.NONE, java.io.OutputStream.nullOutputStream());
      java.util.Map<String, String> labels = new java.util.HashMap<>();
      for (String id : ids) {
        ChapterLayout.Dest d = laid.dests().get(id);
        if (d == null || d.page() < 0 || d.page() >= laid.pageNames().size()) return fo;
        labels.put(id, laid.pageNames().get(d.page()));
      }
      return split.settlePageLists(labels);
    } catch (Exception | StackOverflowError e) {
      return fo;
    }
  }

  private static Rendered singleTimed(FopSession session, Job job, Diagnostics diags, org.bookbuild.diag.Timings stages,
      long t0) throws RenderException {
    byte[] pdf = single(session, settled(session, job.fo()), job.sources(), diags);
    stages.lap("single-pass", t0);
    return new Rendered(pdf, RenderReport.single(stages));
  }

  /** The whole FO in one FOP run. */
  static byte[] single(FopSession session, String fo, SourceMap sources, Diagnostics diags) throws RenderException {
    try {
      FOUserAgent ua = session.userAgent(new FopEvents(diags, sources));
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      ArtifactSafeLayout.install(ua, MimeConstants.MIME_PDF, out);
      Fop fop = session.factory.newFop(MimeConstants.MIME_PDF, ua, out);
      org.bookbuild.io.SafeXml.parse(fo, fop.getDefaultHandler());
      return out.toByteArray();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      throw new RenderException("FOP could not render the book: " + rootMessage(e), e);
    } finally {
      FopStatics.release();
    }
  }

  private static final java.util.regex.Pattern TITLE =
      java.util.regex.Pattern.compile("<dc:title>\\s*<rdf:Alt>\\s*<rdf:li[^>]*>\\s*[^<\\s]");

  /** Whether the FO's XMP (in fo:declarations, at its start) gives a non-empty dc:title. */
  static boolean declaresTitle(String fo) {
    int end = fo.indexOf("</fo:declarations>");
    return end > 0 && TITLE.matcher(fo.substring(0, end)).find();
  }

  /** Font registrations contributed by other stages (the math fonts), as FOP {@code <font>} elements. */
  static List<String> extraFonts() {
    return List.of(org.bookbuild.math.MathFonts.fopFontsXml());
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  static List<String> names(List<Integer> idx, FoSplit split) {
    List<String> out = new ArrayList<>();
    for (int i : idx) out.add(RenderReport.name(split.sequences.get(i)));
    return out;
  }
}
