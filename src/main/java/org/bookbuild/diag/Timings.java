package org.bookbuild.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each stage of one build took, in the order the stages ran, for {@code book build --timings} and
 * {@code book watch --timings}. A name with a dot is a part of the stage named before the dot ({@code render.join} of
 * {@code render}); parts are measured inside their stage and printed under it. Safe to add to from several threads
 * (layout workers); {@link #addUp} sums repeated parts (a stage run once per chapter) into one entry.
 */
public final class Timings {
  /** One stage or part and its milliseconds. */
  public record Entry(String stage, long ms) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds {@code stage} with the time since {@code sinceNanos} ({@link System#nanoTime}); returns now. */
  public long lap(String stage, long sinceNanos) {
    long now = System.nanoTime();
    add(stage, (now - sinceNanos) / 1_000_000);
    return now;
  }

  public synchronized void add(String stage, long ms) {
    entries.add(new Entry(stage, ms));
  }

  /** Adds {@code nanos} to the entry named {@code stage} (made at its first use, in that place). */
  public synchronized void addUp(String stage, long nanos) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).stage().equals(stage)) {
        Entry e = entries.get(i);
        entries.set(i, new Entry(stage, e.ms() + nanos / 1_000_000));
        return;
      }
    }
    entries.add(new Entry(stage, nanos / 1_000_000));
  }

  /** Appends every entry of {@code other}, each name prefixed with {@code prefix} (for example {@code "render."}). */
  public synchronized void addAll(String prefix, Timings other) {
    for (Entry e : other.entries()) entries.add(new Entry(prefix + e.stage(), e.ms()));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** One line per entry, parts indented under their stage, as {@code --timings} prints them. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries()) {
      int depth = (int) e.stage().chars().filter(c -> c == '.').count();
      String name = "  ".repeat(depth) + e.stage();
      out.add(String.format(Locale.ROOT, "%-24s %6d ms", name, e.ms()));
    }
    return out;
  }

  /** The top-level stages on one line ({@code parse 812, transform 640, …}), with the parts in brackets. */
  public String line() {
    StringBuilder b = new StringBuilder();
    boolean inParts = false;
    for (Entry e : entries()) {
      boolean part = e.stage().indexOf('.') >= 0;
      if (part) {
        b.append(inParts ? ", " : " [").append(e.stage().substring(e.stage().lastIndexOf('.') + 1)).append(' ')
            .append(e.ms());
        inParts = true;
        continue;
      }
      if (inParts) b.append(']');
      inParts = false;
      if (b.length() > 0) b.append(", ");
      b.append(e.stage()).append(' ').append(e.ms());
    }
    if (inParts) b.append(']');
    return b.append(" ms").toString();
  }
}
