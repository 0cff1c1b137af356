package org.bookbuild.render;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fop.apps.FOPException;
import org.apache.fop.fonts.FontEventListener;
import org.apache.fop.fonts.FontInfo;
import org.apache.fop.fonts.FontUris;
import org.apache.fop.fonts.LazyFont;
import org.apache.fop.fonts.Typeface;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;

/**
 * Font files read once per process for layout, not once per chapter. FOP sets up fonts for every run: each configured
 * face becomes a {@link LazyFont} that reads and parses its TrueType file (tables, glyph boxes, cmap) the first time
 * the run sets a glyph in it. A book laid out chapter by chapter did that for each chapter, and {@code book watch} for
 * each preview: a fifth of the edited chapter's layout in a profile of the sample book (JFR, 20 edits).
 *
 * <p>Here a layout run ({@link ChapterLayout}) hands its fonts back when it ends, and the next run with the same font
 * configuration takes them in place of the fresh ones FOP made. A set serves one run at a time (FOP's fonts are not
 * thread-safe), so parallel workers each hold one; at most {@link #KEPT} are kept per configuration.
 *
 * <p>Sound for layout, which measures and writes the intermediate format: widths, kerning and the glyph boxes do not
 * depend on what was set before; the glyph subset a font collects, which does, matters only where fonts are embedded,
 * and the join sets up fresh fonts as before, so the book's PDF does not depend on what the process did before. The
 * watch's preview takes painting fonts from a pool of its own ({@link #forPreview}): a kept font embeds the glyphs of
 * earlier previews as well, a few more glyphs in a file shown until the full build replaces it. What a run reports is its own: a taken font
 * reports to this run's listener and warns again of glyphs it lacks ({@code glyph-missing}), as a fresh one would.
 * Fonts come from the tool's jars ({@code classpath:}), the same bytes all process long, so the configuration names
 * them completely. Where FOP's fields are not those this was written for, every run keeps FOP's own fonts.
 */
final class LayoutFonts {
  /** Sets kept per configuration: one per worker that may run at once, and one over. */
  static final int KEPT = 5;

  private static final Field LOADED = field(LazyFont.class, "isMetricsLoaded");
  private static final Field URIS = field(LazyFont.class, "fontUris");
  private static final Field LISTENER = field(Typeface.class, "eventListener");
  private static final Field WARNED = field(Typeface.class, "warnedChars");
  private static final Map<String, ConcurrentLinkedDeque<Map<String, LazyFont>>> POOL = new ConcurrentHashMap<>();

  private final String config;
  private Map<String, LazyFont> held;

  /** @param config FOP's configuration, which fixes which font file each of FOP's font names stands for */
  LayoutFonts(String config) {
    this.config = config;
  }

  /** The fonts for painting a watch's preview, which embeds them: a pool apart from layout's. */
  static LayoutFonts forPreview(String config) {
    return new LayoutFonts("preview\n" + config);
  }

  /**
   * The fonts for the book's join: a set {@link #readAhead read ahead} for it when there is one, else FOP's fresh ones.
   * Taken once and never handed back, so every join embeds fonts no page was painted with before.
   */
  static LayoutFonts forJoin(String config) {
    LayoutFonts f = new LayoutFonts(JOIN + config);
    f.once = true;
    return f;
  }

  private static final String JOIN = "join\n";
  private boolean once;

  /**
   * Reads ahead, for the book's join, the font files that layout has read for {@code session}'s configuration: a set
   * set up as the join's own would be, its faces loaded but nothing painted with them, so that the join embeds the same
   * bytes as with fresh ones. Called by a layout worker that has no chapter left while another lays out the last one:
   * the join read its fonts on its own, a fifth of it (JFR of a cold 160-page build), on a core the other had left.
   * At most one set waits per configuration.
   */
  static void readAhead(FopSession session) {
    if (LOADED == null || URIS == null || LISTENER == null || WARNED == null) return;
    var waiting = POOL.computeIfAbsent(JOIN + session.config, k -> new ConcurrentLinkedDeque<>());
    if (!waiting.isEmpty()) return;
    Set<String> used = new java.util.HashSet<>();
    var layout = POOL.get(session.config);
    try {
      if (layout != null) {
        for (Map<String, LazyFont> set : layout) {
          for (var e : set.entrySet()) if (LOADED.getBoolean(e.getValue())) used.add(e.getKey());
        }
      }
      if (used.isEmpty()) return;
      org.apache.fop.apps.FOUserAgent ua;
      IFDocumentHandler pdf;
      synchronized (FopSession.class) { // as for a layout's set-up: FOP's configuration DOM is read here
        ua = session.userAgent(null);
        pdf = ua.getRendererFactory().createDocumentHandler(ua, org.apache.fop.apps.MimeConstants.MIME_PDF);
      }
      JoinFonts fonts = new JoinFonts();
      org.apache.fop.render.intermediate.IFUtil.setupFonts(pdf, fonts);
      Map<String, LazyFont> set = new HashMap<>();
      for (var e : fonts.getFonts().entrySet()) {
        if (!(e.getValue() instanceof LazyFont f)) continue;
        if (used.contains(e.getKey())) f.getRealFont();
        set.put(e.getKey(), f);
      }
      if (waiting.isEmpty()) waiting.offer(set);
    } catch (Exception | LinkageError e) {
      // only a head start: the join sets its fonts up itself
    }
  }

  /** {@code inner} with this run's fonts swapped for kept ones after FOP has set them up. */
  IFDocumentHandlerConfigurator around(IFDocumentHandlerConfigurator inner) {
    if (inner == null || LOADED == null || URIS == null || LISTENER == null || WARNED == null) return inner;
    return new IFDocumentHandlerConfigurator() {
      @Override
      public void configure(IFDocumentHandler handler) throws FOPException {
        inner.configure(handler);
      }

      @Override
      public void setupFontInfo(String mimeType, FontInfo fontInfo) throws FOPException {
        inner.setupFontInfo(mimeType, fontInfo);
        take(fontInfo);
      }
    };
  }

  /**
   * Swaps the fonts FOP just set up in {@code info} for a kept set, where there is one; this run holds them until
   * {@link #release}.
   */
  void take(FontInfo info) {
    if (LOADED == null || URIS == null || LISTENER == null || WARNED == null) return;
    if (held != null) return; // FOP sets fonts up once per run; a second call keeps the first set
    var pool = POOL.computeIfAbsent(config, k -> new ConcurrentLinkedDeque<>());
    Map<String, LazyFont> kept = pool.pollFirst();
    Map<String, LazyFont> now = new HashMap<>();
    try {
      for (var e : new ArrayList<>(info.getFonts().entrySet())) {
        if (!(e.getValue() instanceof LazyFont fresh)) continue;
        LazyFont old = kept == null ? null : kept.get(e.getKey());
        if (old == null || !same(old, fresh)) {
          now.put(e.getKey(), fresh);
          continue;
        }
        info.addMetrics(e.getKey(), old); // the font now reports to this run's listener
        if (LOADED.getBoolean(old)) {
          Typeface real = old.getRealFont();
          real.setEventListener((FontEventListener) LISTENER.get(old));
          if (WARNED.get(real) instanceof Set<?> warned) warned.clear();
        }
        now.put(e.getKey(), old);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return; // the run keeps whatever it has; nothing is handed back
    }
    held = now;
  }

  /** Hands the fonts back once the run is over (not a join's, which are used once). */
  void release() {
    if (held == null || once) {
      held = null;
      return;
    }
    var pool = POOL.get(config);
    if (pool != null && pool.size() < KEPT) pool.offerFirst(held);
    held = null;
  }

  /**
   * Two faces read from the same file. (Not by their {@code toString}, which loads the font.) The configuration, the
   * pool's key, has fixed the rest.
   */
  private static boolean same(LazyFont a, LazyFont b) throws ReflectiveOperationException {
    FontUris x = (FontUris) URIS.get(a);
    FontUris y = (FontUris) URIS.get(b);
    return x != null && y != null && java.util.Objects.equals(x.getEmbed(), y.getEmbed())
        && java.util.Objects.equals(x.getMetrics(), y.getMetrics());
  }

  /** Forgets every kept set (for tests that need a first read). */
  static void forget() {
    POOL.clear();
  }

  /** Sets read ahead for a join with a configuration and not taken yet (for tests). */
  static int readAheadFor(String config) {
    return kept(JOIN + config);
  }

  /** Sets of fonts kept for a configuration (for tests). */
  static int kept(String config) {
    var pool = POOL.get(config);
    return pool == null ? 0 : pool.size();
  }

  private static Field field(Class<?> c, String name) {
    try {
      Field f = c.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
