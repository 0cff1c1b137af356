package org.bookbuild.fo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * The registry of FO renderers: one per block or inline record type, and one per {@link Block.Div} kind. A new
 * directive registers its renderer here (see {@link #div}); the writer never switches on kinds.
 */
public final class Renderers {
  /** Renders one node of type T. */
  @FunctionalInterface
  public interface Renderer<T> {
    void render(T node, Fo fo);
  }

  private static final Map<Class<?>, Renderer<?>> BLOCKS = new LinkedHashMap<>();
  private static final Map<Class<?>, Renderer<?>> INLINES = new LinkedHashMap<>();
  private static final Map<String, Renderer<Block.Div>> DIVS = new LinkedHashMap<>();
  private static Renderer<Block.Div> defaultDiv;

  static {
    CoreBlocks.register();
    Tables.register();
    CoreInlines.register();
    Bibliography.register();
    BackMatter.register();
    org.bookbuild.fo.myst.MystRenderers.register();
    ChangeBars.register();
  }

  private Renderers() {}

  public static <T extends Block> void block(Class<T> type, Renderer<T> r) {
    BLOCKS.put(type, r);
  }

  public static <T extends Inline> void inline(Class<T> type, Renderer<T> r) {
    INLINES.put(type, r);
  }

  /** Registers the renderer for Divs whose first class is {@code kind}. */
  public static void div(String kind, Renderer<Block.Div> r) {
    DIVS.put(kind, r);
  }

  /** The renderer for Div kinds nobody registered: a titled block in the {@code div} role. */
  public static void defaultDiv(Renderer<Block.Div> r) {
    defaultDiv = r;
  }

  @SuppressWarnings("unchecked")
  static void block(Block b, Fo fo) {
    if (b instanceof Block.Div d) {
      Renderer<Block.Div> r = DIVS.getOrDefault(d.kind(), defaultDiv);
      r.render(d, fo);
      return;
    }
    Renderer<Block> r = (Renderer<Block>) BLOCKS.get(b.getClass());
    if (r == null) throw new IllegalStateException("no FO renderer for " + b.getClass().getSimpleName());
    r.render(b, fo);
  }

  @SuppressWarnings("unchecked")
  static void inline(Inline i, Fo fo) {
    Renderer<Inline> r = (Renderer<Inline>) INLINES.get(i.getClass());
    if (r == null) throw new IllegalStateException("no FO renderer for " + i.getClass().getSimpleName());
    r.render(i, fo);
  }
}
