package org.bookbuild.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for names the author mistyped (directives, roles, config keys, labels): the closest known name by
 * edit distance, if it is close enough to be a plausible typo. Shared by every stage that rejects a name.
 */
public final class Hints {
  private Hints() {}

  /**
   * The candidate closest to {@code name} (case-insensitive optimal-string-alignment distance, so a swap of two
   * neighbouring letters counts once), or empty when none is within a third of the name's length (at least 1, at
   * most 3 edits). Ties go to the candidate that comes first in iteration order.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    if (name == null || name.isEmpty() || candidates == null) return Optional.empty();
    String n = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, n.length() / 3));
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c == null || c.equals(name)) continue;
      int d = distance(n, c.toLowerCase(Locale.ROOT), limit);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return bestD <= limit ? Optional.of(best) : Optional.empty();
  }

  /** The hint text {@code closest: `name`} for a diagnostic, or {@code ""} when nothing is close. */
  public static String closestHint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "closest: `" + c + "`").orElse("");
  }

  /**
   * Optimal string alignment distance, giving up (returning {@code limit + 1}) as soon as every entry of a row exceeds
   * {@code limit}: names are short, but a 5 MB "name" from a fuzzed input must not cost quadratic time.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
    int[] prev2 = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) return limit + 1;
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
