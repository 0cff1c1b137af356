package org.bookbuild.press;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Page-count rules by the name they have under {@code page-count:} in press.yml. Each rule says how many truly
 * blank pages would satisfy it (rules that padding cannot satisfy, such as a maximum, say none) and whether a given
 * count breaks it. The build pads the interior with blank pages until every padding rule holds; preflight reports
 * the rules a PDF breaks.
 */
public final class PageCountRules {
  private PageCountRules() {}

  /** A page count and whether its last page is blank. */
  public record Count(int pages, boolean lastBlank) {}

  /** One kind of rule; {@code value} is what press.yml gives it. */
  public interface Rule {
    /** Blank pages to append so that the rule holds (0 if it holds or padding cannot help). */
    int pad(Count c, Object value);

    /** What is wrong with the count, if anything. */
    Optional<String> violation(Count c, Object value);
  }

  public static final Map<String, Rule> RULES = new LinkedHashMap<>();
  static {
    RULES.put("min", new Rule() {
      public int pad(Count c, Object v) {
        return 0;
      }

      public Optional<String> violation(Count c, Object v) {
        int min = num(v);
        return c.pages() < min ? Optional.of(c.pages() + " pages, fewer than the press's minimum of " + min) : Optional.empty();
      }
    });
    RULES.put("max", new Rule() {
      public int pad(Count c, Object v) {
        return 0;
      }

      public Optional<String> violation(Count c, Object v) {
        int max = num(v);
        return c.pages() > max ? Optional.of(c.pages() + " pages, more than the press's maximum of " + max) : Optional.empty();
      }
    });
    RULES.put("multiple-of", new Rule() {
      public int pad(Count c, Object v) {
        int n = num(v);
        return (n - c.pages() % n) % n;
      }

      public Optional<String> violation(Count c, Object v) {
        int n = num(v);
        return c.pages() % n != 0 ? Optional.of(c.pages() + " pages, not a multiple of " + n) : Optional.empty();
      }
    });
    RULES.put("last-page-blank", new Rule() {
      public int pad(Count c, Object v) {
        return Boolean.TRUE.equals(v) && !c.lastBlank() ? 1 : 0;
      }

      public Optional<String> violation(Count c, Object v) {
        return Boolean.TRUE.equals(v) && !c.lastBlank() ? Optional.of("the last page is not blank") : Optional.empty();
      }
    });
  }

  public static final Set<String> NAMES = RULES.keySet();

  /** Blank pages to append to an interior of {@code c} so that every padding rule of the press holds. */
  public static int padding(Press press, Count c) {
    int added = 0;
    Count now = c;
    for (int round = 0; round < 8; round++) {
      int more = 0;
      for (Map.Entry<String, Object> e : press.pageCount().entrySet()) {
        more = Math.max(more, RULES.get(e.getKey()).pad(now, e.getValue()));
      }
      if (more == 0) return added;
      added += more;
      now = new Count(now.pages() + more, true);
    }
    return added;
  }

  /** Every rule the count breaks, as "rule: what". */
  public static Map<String, String> violations(Press press, Count c) {
    Map<String, String> out = new LinkedHashMap<>();
    press.pageCount().forEach((k, v) -> RULES.get(k).violation(c, v).ifPresent(m -> out.put(k, m)));
    return out;
  }

  static int num(Object v) {
    return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).strip());
  }
}
