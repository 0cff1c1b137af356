package org.bookbuild.pipeline;

/**
 * Where a running build says how far it got, for the terminal's status line ({@code cli.ProgressLine}) and
 * {@code book watch}. The pipeline reports each stage as it begins; the renderer reports chapters and pages as it lays
 * them out. Reporting is advisory: it never changes what is built, and a listener must not throw.
 *
 * <p>Calls may come from several threads at once (the renderer lays chapters out on workers), so implementations are
 * thread-safe. Every method has a no-op default, so a listener implements only what it shows and new kinds of report
 * can be added without touching every listener.
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = new Progress() {};

  /** A stage begins: {@code project}, {@code parse}, {@code transform}, {@code fo}, {@code render}, {@code finish}. */
  default void stage(String name) {}

  /**
   * Layout of chapters (page-sequences) advanced: {@code done} of {@code total} are laid out (or taken from the
   * cache). {@code done} only grows within one build.
   */
  default void chapters(int done, int total) {}

  /** {@code count} more pages were laid out (or taken from the cache). The listener keeps the running sum. */
  default void pages(int count) {}
}
