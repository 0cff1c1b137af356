package org.bookbuild.render;

/**
 * What the render stage is asked for besides the FO, one field per setting: FOP user-agent and PDF-renderer settings
 * other stages need, and how the layout is run. Every field holds on the per-chapter path too (the chapters' layouts
 * and the join use the same FOP configuration).
 *
 * @param tagged FOP's accessibility: a structure tree and marked content
 * @param pdfUaMode FOP's {@code pdf-ua-mode} ({@code "PDF/UA-1"}), or null
 * @param pdfAMode FOP's {@code pdf-a-mode} ({@code "PDF/A-2b"} …), or null
 * @param pdfXMode FOP's {@code pdf-x-mode} ({@code "PDF/X-4"} …), or null
 * @param outputProfile URI of the output-intent ICC profile FOP reads ({@code output-profile}), or null
 * @param workers how many chapters are laid out at once; 0 means one per available core
 * @param perChapter lay chapters out separately and join them (false: the whole FO in one FOP run)
 * @param cache keep and reuse each chapter's layout under {@code out/.cache/layout/}
 */
public record RenderSettings(boolean tagged, String pdfUaMode, String pdfAMode, String pdfXMode, String outputProfile,
    int workers, boolean perChapter, boolean cache) {

  /** FOP's settings with the default layout: per chapter, on every core, cached. */
  public RenderSettings(boolean tagged, String pdfUaMode, String pdfAMode, String pdfXMode, String outputProfile) {
    this(tagged, pdfUaMode, pdfAMode, pdfXMode, outputProfile, 0, true, true);
  }

  /** Untagged and unmarked: FOP's plain PDF. */
  public static final RenderSettings PLAIN = new RenderSettings(false, null, null, null, null);

  /** Tagged and marked PDF/UA-1. */
  public static final RenderSettings SCREEN = new RenderSettings(true, "PDF/UA-1", null, null, null);

  /**
   * What a build uses unless told otherwise: the screen PDF, tagged PDF/UA-1 (veraPDF finds no failed rule on the
   * sample book and the shared projects; see README "Accessible"). Press interiors turn tagging off.
   */
  public static final RenderSettings DEFAULT = SCREEN;

  public RenderSettings withPdfA(String mode) {
    return new RenderSettings(tagged, pdfUaMode, mode, pdfXMode, outputProfile, workers, perChapter, cache);
  }

  public RenderSettings withPdfUa(String mode) {
    return new RenderSettings(tagged, mode, pdfAMode, pdfXMode, outputProfile, workers, perChapter, cache);
  }

  public RenderSettings withPdfX(String mode, String profile) {
    return new RenderSettings(tagged, pdfUaMode, pdfAMode, mode, profile, workers, perChapter, cache);
  }

  public RenderSettings withTagged(boolean on) {
    return new RenderSettings(on, on ? pdfUaMode : null, pdfAMode, pdfXMode, outputProfile, workers, perChapter, cache);
  }

  public RenderSettings withWorkers(int n) {
    return new RenderSettings(tagged, pdfUaMode, pdfAMode, pdfXMode, outputProfile, n, perChapter, cache);
  }

  public RenderSettings withPerChapter(boolean on) {
    return new RenderSettings(tagged, pdfUaMode, pdfAMode, pdfXMode, outputProfile, workers, on, cache);
  }

  public RenderSettings withCache(boolean on) {
    return new RenderSettings(tagged, pdfUaMode, pdfAMode, pdfXMode, outputProfile, workers, perChapter, on);
  }

  /** Number of layout workers this machine gets. */
  int workerCount() {
    return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
