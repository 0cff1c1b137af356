package org.bookbuild.math;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Formulas already typeset in this process, the most recently used kept. The FO writer asks about an inline formula up
 * to three times (does it parse, is it worth breaking, is it too wide), FOP lays it out again at the size on the page,
 * and {@code book watch} writes the whole book's FO again after every edit: each of those was a jlatexmath run. A
 * layout depends only on the TeX, the style and the size, so it is made once and handed out again (jlatexmath's boxes
 * are only read when painted). Whether a formula parses does not depend on the size, so {@link Typesetter#check} is
 * answered by a layout at any size.
 *
 * <p>A formula that defines macros ({@code \newcommand}, {@code \def}, …) changes jlatexmath's state for the formulas
 * after it; it is typeset every time and kept out of the memo.
 */
final class LayoutMemo {
  /**
   * Layouts kept in a one-off build: a formula's box tree is about 12 KB (measured on a two-line sum with a fraction),
   * so this holds at most about 12 MB of heap, and it covers the FO writer's repeated questions about one formula.
   */
  static final int KEEP = 1024;
  /** Layouts a resident process keeps ({@code book watch}: every formula of a book of a few hundred pages). */
  static final int KEEP_RESIDENT = 8192;
  private volatile int keep = KEEP;
  private static final Pattern DEFINES =
      Pattern.compile("\\\\(?:re)?newcommand|\\\\g?def|\\\\let|\\\\DeclareMathOperator|\\\\newenvironment");

  private record Key(String tex, boolean display, float size) {}

  private record Parse(String tex, boolean display) {}

  private final Map<Key, Object> laid = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
      return size() > keep;
    }
  };
  /** Whether a formula parses: "" when it does, else jlatexmath's reason. Strings only, so kept longer. */
  private final Map<Parse, String> parses = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Parse, String> eldest) {
      return size() > 8 * keep;
    }
  };
  private long runs;

  interface Run {
    Typesetter.Laid run() throws Typesetter.MathException;
  }

  /** The layout of {@code tex} at {@code size}, from the memo or from {@code run}. */
  Typesetter.Laid layout(String tex, boolean display, float size, Run run) throws Typesetter.MathException {
    if (DEFINES.matcher(tex).find()) return run.run();
    Key k = new Key(tex, display, size);
    Object hit;
    synchronized (this) {
      hit = laid.get(k);
    }
    if (hit instanceof Typesetter.Laid l) return l;
    if (hit instanceof String why) throw new Typesetter.MathException(why);
    Object made;
    try {
      made = run.run();
    } catch (Typesetter.MathException e) {
      made = e.getMessage();
    }
    synchronized (this) {
      runs++;
      laid.put(k, made);
      parses.put(new Parse(tex, display), made instanceof String s ? s : "");
    }
    if (made instanceof String why) throw new Typesetter.MathException(why);
    return (Typesetter.Laid) made;
  }

  /** Whether {@code tex} parses (null) or why not, known from an earlier layout at any size; else "unknown". */
  synchronized String parsed(String tex, boolean display) {
    String p = parses.get(new Parse(tex, display));
    return p == null ? UNKNOWN : p.isEmpty() ? null : p;
  }

  static final String UNKNOWN = "\u0000unknown";

  /** Keeps up to {@code n} layouts from now on. */
  void keep(int n) {
    keep = n;
  }

  /** jlatexmath runs made through the memo so far (for tests). */
  synchronized long runs() {
    return runs;
  }
}
