package org.bookbuild.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bookbuild.diff.Units.Unit;

/**
 * Pairs the pieces of this edition with those of the previous one: first by label (a figure or equation keeps its
 * label when its content changes), then by identical text anywhere in the book (so a paragraph that moved is the same
 * paragraph, not a change), then by similar text (word overlap of at least {@link #SIMILAR}), preferring the same
 * section. What is left is added (this edition) or deleted (the previous one).
 */
final class Matching {
  /** Dice coefficient of the word multisets above which two pieces count as one piece changed. */
  static final double SIMILAR = 0.5;

  enum Status { SAME, CHANGED, ADDED }

  final Map<Object, Status> status = new IdentityHashMap<>();
  /** New piece → the old piece it matched. */
  final Map<Unit, Unit> partner = new IdentityHashMap<>();
  final List<Unit> deleted = new ArrayList<>();

  static Matching of(Units now, Units before) {
    Matching m = new Matching();
    m.match(now.units, before.units);
    return m;
  }

  private void match(List<Unit> now, List<Unit> before) {
    Map<Unit, Boolean> used = new IdentityHashMap<>();
    List<Unit> rest = new ArrayList<>();
    Map<String, Unit> byLabel = new HashMap<>();
    for (Unit o : before) if (!o.label().isEmpty()) byLabel.putIfAbsent(o.kind() + "\u0000" + o.label(), o);
    for (Unit u : now) {
      Unit o = u.label().isEmpty() ? null : byLabel.get(u.kind() + "\u0000" + u.label());
      if (o != null && !used.containsKey(o)) {
        used.put(o, true);
        pair(u, o, u.text().equals(o.text()) ? Status.SAME : Status.CHANGED);
      } else {
        rest.add(u);
      }
    }
    // identical text anywhere: moved text is not changed text (same section first)
    Map<String, List<Unit>> byText = new LinkedHashMap<>();
    for (Unit o : before) if (!used.containsKey(o)) byText.computeIfAbsent(o.kind() + "\u0000" + o.text(), k -> new ArrayList<>()).add(o);
    List<Unit> rest2 = new ArrayList<>();
    for (Unit u : rest) {
      List<Unit> cands = byText.get(u.kind() + "\u0000" + u.text());
      Unit o = null;
      if (cands != null && !cands.isEmpty()) {
        o = cands.stream().filter(c -> sameSection(c, u)).findFirst().orElse(cands.get(0));
        cands.remove(o);
      }
      if (o != null) {
        used.put(o, true);
        pair(u, o, Status.SAME);
      } else {
        rest2.add(u);
      }
    }
    List<Unit> left = new ArrayList<>();
    for (Unit o : before) if (!used.containsKey(o)) left.add(o);
    Map<Unit, Map<String, Integer>> words = new IdentityHashMap<>();
    for (Unit o : left) words.put(o, words(o.text()));
    for (Unit u : rest2) {
      Map<String, Integer> w = words(u.text());
      Unit best = null;
      double bestScore = SIMILAR;
      for (Unit o : left) {
        if (used.containsKey(o) || !o.kind().equals(u.kind())) continue;
        double s = dice(w, words.get(o)) + (sameSection(o, u) ? 0.05 : 0);
        if (s >= bestScore && (best == null || s > bestScore)) {
          best = o;
          bestScore = s;
        }
      }
      if (best != null) {
        used.put(best, true);
        pair(u, best, Status.CHANGED);
      } else {
        status.put(u.node(), Status.ADDED);
      }
    }
    for (Unit o : before) if (!used.containsKey(o)) deleted.add(o);
  }

  private void pair(Unit u, Unit o, Status s) {
    status.put(u.node(), s);
    partner.put(u, o);
  }

  private static boolean sameSection(Unit a, Unit b) {
    if (a.section() == null || b.section() == null) return a.section() == b.section();
    return Objects.equals(a.section().title(), b.section().title());
  }

  static Map<String, Integer> words(String s) {
    Map<String, Integer> m = new HashMap<>();
    for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}$\\\\]+")) {
      if (!w.isEmpty()) m.merge(w, 1, Integer::sum);
    }
    return m;
  }

  static double dice(Map<String, Integer> a, Map<String, Integer> b) {
    int na = a.values().stream().mapToInt(Integer::intValue).sum();
    int nb = b.values().stream().mapToInt(Integer::intValue).sum();
    if (na + nb == 0) return 1;
    int common = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    return 2.0 * common / (na + nb);
  }
}
