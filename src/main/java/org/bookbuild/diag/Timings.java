package org.bookbuild.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each stage of one build took, in the order the stages ran, for {@code book build --timings} and
 * {@code book watch --timings}. A name with a dot is a part of the stage named before the dot ({@code render.join} of
 * {@code render}); parts are measured inside their stage and printed under it. Safe to add to from several threads
 * (layout workers); {@link #addUp} sums repeated parts (a stage run once per chapter) into one entry.
 *
 * <p>A {@link #lap} also records the processor time the calling thread spent since its previous lap on this object
 * (or since the object was made), when the JVM measures thread time: on a machine shared with other work, wall time
 * stretches with the load and thread time much less, so it is the figure to compare between runs for stages that run
 * on one thread (everything but the layout workers). Laps on one object are expected from one thread.
 */
public final class Timings {
  /** One stage or part, its wall milliseconds, and the calling thread's processor milliseconds (-1: not measured). */
  public record Entry(String stage, long ms, long cpuMs) {
    public Entry(String stage, long ms) {
      this(stage, ms, -1);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private final List<Entry> entries = new ArrayList<>();
  private long cpuMark = cpuNow();

  /** This thread's processor time in nanoseconds, or -1 where the JVM does not measure it. */
  public static long threadCpuNanos() {
    return cpuNow();
  }

  private static long cpuNow() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }

  /**
   * Adds {@code stage} with the wall time since {@code sinceNanos} ({@link System#nanoTime}) and this thread's
   * processor time since the last lap; returns now.
   */
  public long lap(String stage, long sinceNanos) {
    long now = System.nanoTime();
    long cpu = cpuNow();
    long cpuMs;
    synchronized (this) {
      cpuMs = cpu < 0 || cpuMark < 0 ? -1 : (cpu - cpuMark) / 1_000_000;
      cpuMark = cpu;
      entries.add(new Entry(stage, (now - sinceNanos) / 1_000_000, cpuMs));
    }
    return now;
  }

  /**
   * The next {@link #lap}'s processor time counts from now: for a caller whose thread did work timed elsewhere since
   * the previous lap on this object (laps of another {@code Timings}, parts measured with {@link #addUp}), which would
   * otherwise all be put on the next lap.
   */
  public synchronized void restart() {
    cpuMark = cpuNow();
  }

  public synchronized void add(String stage, long ms) {
    entries.add(new Entry(stage, ms));
  }

  /** Adds {@code nanos} to the entry named {@code stage} (made at its first use, in that place). */
  public void addUp(String stage, long nanos) {
    addUp(stage, nanos, -1);
  }

  /** As {@link #addUp(String, long)}, with processor time ({@code cpuNanos}, -1: not measured) added as well. */
  public synchronized void addUp(String stage, long nanos, long cpuNanos) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).stage().equals(stage)) {
        Entry e = entries.get(i);
        long cpu = cpuNanos < 0 ? e.cpuMs() : Math.max(0, e.cpuMs()) + cpuNanos / 1_000_000;
        entries.set(i, new Entry(stage, e.ms() + nanos / 1_000_000, cpu));
        return;
      }
    }
    entries.add(new Entry(stage, nanos / 1_000_000, cpuNanos < 0 ? -1 : cpuNanos / 1_000_000));
  }

  /** Appends every entry of {@code other}, each name prefixed with {@code prefix} (for example {@code "render."}). */
  public synchronized void addAll(String prefix, Timings other) {
    for (Entry e : other.entries()) entries.add(new Entry(prefix + e.stage(), e.ms(), e.cpuMs()));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * The whole process so far, as the JVM counts it, for {@code --timings}: processor time of all threads, how long the
   * JVM took to reach {@code main}, the JIT compilers' time, the collector's time and collections, classes loaded. In a
   * short build these are a large share of the processor time (a cold 160-page build: JIT about a quarter, collection
   * and class loading a tenth each), and none of it shows in the stage lines. Fields the JVM does not give are left out.
   */
  public static String jvm() {
    StringBuilder b = new StringBuilder("jvm:");
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
      b.append(String.format(Locale.ROOT, " process cpu %d ms,", sun.getProcessCpuTime() / 1_000_000));
    }
    var rt = java.lang.management.ManagementFactory.getRuntimeMXBean();
    b.append(String.format(Locale.ROOT, " up %d ms", rt.getUptime()));
    b.append(mainAtMs >= 0 ? String.format(Locale.ROOT, " (main at %d ms),", mainAtMs) : ",");
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
      b.append(String.format(Locale.ROOT, " JIT %d ms,", jit.getTotalCompilationTime()));
    }
    long gcMs = 0;
    long gcs = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMs += Math.max(0, gc.getCollectionTime());
      gcs += Math.max(0, gc.getCollectionCount());
    }
    b.append(String.format(Locale.ROOT, " GC %d ms in %d collections,", gcMs, gcs));
    b.append(String.format(Locale.ROOT, " %d classes loaded",
        java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()));
    return b.toString();
  }

  /** Milliseconds from the JVM's start to {@link #markMain()}, -1 before it is called. */
  private static volatile long mainAtMs = -1;

  /** Notes how long the JVM took to reach the command line's {@code main} (call first thing there), for {@link #jvm()}. */
  public static void markMain() {
    if (mainAtMs >= 0) return;
    try {
      mainAtMs = Math.max(0, System.currentTimeMillis()
          - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    } catch (RuntimeException | Error e) {
      // no management beans: left out
    }
  }

  /** One line per entry, parts indented under their stage, as {@code --timings} prints them. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries()) {
      int depth = (int) e.stage().chars().filter(c -> c == '.').count();
      String name = "  ".repeat(depth) + e.stage();
      out.add(String.format(Locale.ROOT, "%-24s %6d ms", name, e.ms())
          + (e.cpuMs() >= 0 ? String.format(Locale.ROOT, "  (thread cpu %d ms)", e.cpuMs()) : ""));
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
