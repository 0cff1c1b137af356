package org.bookbuild.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bookbuild.pipeline.Progress;

/**
 * Shows how far a build got once it has run for more than a second: on a terminal one status line that is redrawn in
 * place ({@code book: render · chapter 5/13 · 84 pages · 3.4 s}) and erased at the end; elsewhere (a log, CI) plain
 * lines, one when the build passes the first second and one per later stage or every few seconds of layout; nothing
 * with {@code --quiet}. Drawing happens on one daemon ticker thread, so the build's threads only set counters.
 */
public final class ProgressLine implements Progress, AutoCloseable {
  /** How the status is shown. */
  public enum Mode { TERMINAL, PLAIN, OFF }

  /** System property the {@code ./book} launcher sets from {@code [ -t 2 ]}: whether stderr is a terminal. */
  public static final String TTY_PROPERTY = "bookbuild.tty";

  static final long DELAY_MS = 1000;
  private static final long TICK_MS = 150;
  private static final long PLAIN_EVERY_MS = 3000;

  private final PrintWriter err;
  private final Mode mode;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile String stage = "start";
  private volatile int chaptersDone;
  private volatile int chaptersTotal;
  private final AtomicInteger pages = new AtomicInteger();
  // only touched on the ticker thread (and in close, after the ticker stopped)
  private boolean drawn;
  private String lastPlainStage;
  private long lastPlainAt;
  private int lastPlainChapters = -1;

  public ProgressLine(PrintWriter err, Mode mode) {
    this(err, mode, DELAY_MS);
  }

  /** @param delayMs how long a build runs before anything is shown */
  ProgressLine(PrintWriter err, Mode mode, long delayMs) {
    this.err = err;
    this.mode = mode;
    if (mode == Mode.OFF) {
      ticker = null;
    } else {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bookbuild-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::tick, delayMs, TICK_MS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The mode for a command writing to this process's stderr: OFF with {@code --quiet}; TERMINAL when the launcher says
   * stderr is a terminal (or, without the launcher, when the JVM has a console); PLAIN otherwise.
   */
  public static Mode detect(boolean quiet, boolean toProcessStderr) {
    if (quiet) return Mode.OFF;
    if (!toProcessStderr) return Mode.PLAIN;
    String tty = System.getProperty(TTY_PROPERTY);
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    return terminal && !"dumb".equals(System.getenv("TERM")) ? Mode.TERMINAL : Mode.PLAIN;
  }

  @Override
  public void stage(String name) {
    stage = name;
  }

  @Override
  public void chapters(int done, int total) {
    chaptersTotal = total;
    chaptersDone = done;
  }

  @Override
  public void pages(int count) {
    pages.addAndGet(count);
  }

  /** Pages reported so far (0 when the renderer does not report them). */
  public int pagesSoFar() {
    return pages.get();
  }

  /** The text of the status as it stands. */
  String status() {
    StringBuilder sb = new StringBuilder("book: ").append(stage);
    int total = chaptersTotal;
    if (total > 0) sb.append(" · chapter ").append(Math.min(chaptersDone, total)).append('/').append(total);
    int p = pages.get();
    if (p > 0) sb.append(" · ").append(p).append(p == 1 ? " page" : " pages");
    sb.append(String.format(Locale.ROOT, " · %.1f s", (System.nanoTime() - start) / 1e9));
    return sb.toString();
  }

  /** Draws the status as it stands (on the ticker thread; tests call it directly). */
  synchronized void tick() {
    if (mode == Mode.OFF) return;
    try {
      String s = status();
      if (mode == Mode.TERMINAL) {
        // \r and erase-line: the line is redrawn in place; cut to a usual terminal width so it never wraps
        err.print("\r\033[2K" + (s.length() > 78 ? s.substring(0, 77) + "…" : s));
        err.flush();
        drawn = true;
        return;
      }
      long now = System.nanoTime();
      boolean newStage = !stage.equals(lastPlainStage);
      boolean moved = chaptersDone != lastPlainChapters && now - lastPlainAt >= PLAIN_EVERY_MS * 1_000_000;
      if (newStage || moved) {
        err.println(s);
        err.flush();
        lastPlainStage = stage;
        lastPlainChapters = chaptersDone;
        lastPlainAt = now;
      }
    } catch (RuntimeException e) {
      // showing progress must never disturb the build
    }
  }

  /** Stops the ticker and, on a terminal, erases the status line so that what follows starts on a clean line. */
  @Override
  public void close() {
    if (ticker == null) return;
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (drawn) {
        err.print("\r\033[2K");
        err.flush();
        drawn = false;
      }
    }
  }
}
