package org.bookbuild.render;

import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Stack;
import org.apache.fop.accessibility.fo.FO2StructureTreeConverter;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.area.AreaTreeHandler;
import org.apache.fop.fo.FOEventHandler;
import org.apache.fop.fo.pagination.PageSequence;

/**
 * FOP's area-tree handler with one repair: laying out a page-sequence leaves the structure tree of the page-sequences
 * read after it as it was before.
 *
 * <p>The running heads and folios are {@code role="artifact"} static content (fo.RunningHeads), which FOP's
 * structure-tree converter reads by swallowing the structure events of everything inside. A {@code fo:retrieve-marker}
 * in such content saves the converter's state — swallowing — when it is read, and FOP puts that state back whenever
 * the marker's content is retrieved, which happens while the page-sequence is laid out, after it has been read, and
 * nothing sets the state back afterwards. With the whole book in one FOP run the converter then swallows every
 * page-sequence after the first with a running head: their paragraphs, headings and links had no structure elements
 * and were drawn as artifacts (the per-chapter layout, one page-sequence per run, never read anything after a layout).
 * Here the converter's state is taken before each page-sequence is laid out and put back after it.
 */
final class ArtifactSafeLayout extends AreaTreeHandler {
  private static final Field CONVERTER = field("converter");
  private static final Field CONVERTERS = field("converters");

  private ArtifactSafeLayout(FOUserAgent ua, String mime, OutputStream out) throws FOPException {
    super(ua, mime, out);
  }

  /** Makes {@code ua}'s next FOP run lay out through this handler (set after any document-handler override). */
  static void install(FOUserAgent ua, String mime, OutputStream out) throws FOPException {
    if (ua.isAccessibilityEnabled() && CONVERTER != null && CONVERTERS != null) {
      ua.setFOEventHandlerOverride(new ArtifactSafeLayout(ua, mime, out));
    }
  }

  @Override
  public void endPageSequence(PageSequence pageSequence) {
    FOEventHandler top = pageSequence.getFOEventHandler();
    if (!(top instanceof FO2StructureTreeConverter converter)) {
      super.endPageSequence(pageSequence);
      return;
    }
    Object state;
    Stack<?> stack;
    try {
      state = CONVERTER.get(converter);
      stack = (Stack<?>) ((Stack<?>) CONVERTERS.get(converter)).clone();
    } catch (IllegalAccessException e) {
      super.endPageSequence(pageSequence);
      return;
    }
    super.endPageSequence(pageSequence);
    try {
      CONVERTER.set(converter, state);
      CONVERTERS.set(converter, stack);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("FOP's structure-tree state could not be put back", e);
    }
  }

  private static Field field(String name) {
    try {
      Field f = FO2StructureTreeConverter.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
