package org.bookbuild.fo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys the FO writer takes once per book (element ids, which FOP refuses twice; a missing glyph, reported once per
 * file), with a tap that notes each claim and whether it was the first: a chapter's FO kept by {@link ChapterMemo}
 * holds only while every claim it made would get the same answer now.
 */
final class Claims {
  /** One claim of a key and whether it was the first. */
  record Claim(String key, boolean first) {}

  private final Set<String> held = new HashSet<>();
  private List<Claim> tapped;

  /** Takes {@code key}; true when no one had it. */
  boolean claim(String key) {
    boolean first = held.add(key);
    if (tapped != null) tapped.add(new Claim(key, first));
    return first;
  }

  boolean has(String key) {
    return held.contains(key);
  }

  void tap() {
    tapped = new ArrayList<>();
  }

  List<Claim> untap() {
    List<Claim> t = tapped == null ? List.of() : List.copyOf(tapped);
    tapped = null;
    return t;
  }

  /** Whether making {@code claims} again, in order, would give each the answer it got. */
  boolean agree(List<Claim> claims) {
    Set<String> mine = new HashSet<>();
    for (Claim c : claims) {
      boolean first = !held.contains(c.key()) && mine.add(c.key());
      if (first != c.first()) return false;
    }
    return true;
  }

  /** Takes every key of {@code claims}, as making them again would. */
  void take(List<Claim> claims) {
    for (Claim c : claims) held.add(c.key());
  }
}
