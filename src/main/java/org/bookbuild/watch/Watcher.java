package org.bookbuild.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.DiagnosticPrinter;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourceLines;
import org.bookbuild.finish.PageSwap;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Progress;

/**
 * {@code book watch}: builds the book, then builds it again whenever one of its files changes ({@link ProjectChanges}),
 * in the same warm JVM, so that only the work of the build itself is paid per edit (classes loaded and compiled, FOP,
 * fonts and jlatexmath initialised once; the renderer's per-chapter cache does the rest).
 *
 * <p>Each build writes into a staging file under {@code out/.watch/}. The book's PDF (and its FO) are replaced only by
 * a build that produced a PDF with no more errors than the one it replaces, and then atomically
 * ({@code World.writeAtomically}), so a viewer that reloads always finds a whole file and a broken edit leaves the last
 * good PDF in place. One status line per build says when, how many pages, how long, how many errors and warnings and
 * which came first; errors are printed in full below it.
 *
 * <p>{@link #stop} (from the command's shutdown hook on Ctrl-C, or from a test) ends the loop after the build in
 * progress, which is let finish so that no half-written output is left behind.
 */
public final class Watcher {
  /**
   * @param project the project folder
   * @param out where the PDF goes (null: {@code out/<name>.pdf} in the project)
   * @param quiet print errors and the status line only when a build failed
   * @param poll poll the tree instead of asking the operating system for change notification
   * @param timings print under each status line where the build's time went, stage by stage
   */
  public record Settings(Path project, Path out, boolean quiet, boolean poll, boolean timings) {
    public Settings(Path project, Path out, boolean quiet, boolean poll) {
      this(project, out, quiet, poll, false);
    }
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final Settings settings;
  private final PrintWriter err;
  private final Supplier<Progress> progress;
  private final CountDownLatch ended = new CountDownLatch(1);
  /** The PDF on show, parsed after it was published (null: none). Used and replaced on the watch's thread only. */
  private PageSwap.Book shownPdf;
  private volatile boolean stopping;
  private volatile ProjectChanges changes;
  private int builds;
  /** Parsed pages and the read-back's traces of content streams, kept from one build to the next. */
  private final org.bookbuild.pipeline.Resident resident = org.bookbuild.pipeline.Resident.fresh();
  /** Errors of the build whose PDF is in place; -1 before the first PDF. */
  private long keptErrors = -1;
  /** The per-chapter layout of the PDF in place (null: unknown), which a preview's pages must line up with. */
  private java.util.List<org.bookbuild.render.Preview.Chapter> shownLayout;

  /** @param progress makes the progress listener for each build (closed after it when it is {@link AutoCloseable}) */
  public Watcher(Settings settings, PrintWriter err, Supplier<Progress> progress) {
    this.settings = settings;
    this.err = err;
    this.progress = progress;
  }

  /** Runs until {@link #stop}: returns 0, or 2 when the project folder cannot be watched at all. */
  public int run() {
    org.bookbuild.math.Typesetter.keepForRebuilds();
    try {
      Path root = settings.project().toRealPath();
      Path staging = root.resolve("out/.watch/next.pdf");
      Set<Path> outputs = settings.out() == null ? Set.of()
          : Set.of(settings.out().toAbsolutePath().normalize(), foOf(settings.out().toAbsolutePath().normalize()));
      try {
        changes = new ProjectChanges(root, outputs, settings.poll());
      } catch (IOException e) {
        err.println("book watch: error: cannot watch " + settings.project() + ": " + e.getMessage()
            + " [project-unreadable]");
        return 2;
      }
      if (stopping) changes.close();
      err.println("book watch: watching " + root + (changes.notified() ? "" : " (polling)") + "; Ctrl-C ends");
      err.flush();
      build(root, staging, "start");
      while (!stopping) {
        Set<String> changed;
        try {
          changed = changes.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (stopping || changed.isEmpty()) continue;
        build(root, staging, describe(changed));
      }
      return 0;
    } catch (IOException e) {
      err.println("book watch: error: cannot read project folder " + settings.project() + ": " + e.getMessage()
          + " [project-unreadable]");
      return 2;
    } finally {
      if (changes != null) changes.close();
      err.flush();
      ended.countDown();
    }
  }

  /** Asks the loop to end after the build in progress; safe from any thread, including a shutdown hook. */
  public void stop() {
    stopping = true;
    ProjectChanges c = changes;
    if (c != null) c.close();
  }

  /** Waits until {@link #run} returned; false on time-out. */
  public boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Builds completed so far (for tests). */
  public synchronized int builds() {
    return builds;
  }

  /** How much of the book this build laid out again (the rest came from the layout cache). */
  private static String laidOut(Pipeline.Result r) {
    if (r.layout() == null || !r.layout().perChapter()) return "";
    int all = r.layout().laidOut().size() + r.layout().reused().size();
    return ", " + r.layout().laidOut().size() + " of " + plural(all, "chapter") + " laid out";
  }

  private static String describe(Set<String> changed) {
    String first = changed.iterator().next();
    return changed.size() == 1 ? first : first + " and " + (changed.size() - 1) + " more";
  }

  private void build(Path root, Path staging, String cause) {
    long t0 = System.nanoTime();
    Diagnostics diags = new Diagnostics();
    DiskWorld world;
    try {
      world = DiskWorld.of(root);
    } catch (IOException e) {
      err.println("book watch: error: cannot read project folder " + root + ": " + e.getMessage()
          + " [project-unreadable]");
      return;
    }
    Progress shown = progress.get();
    PageCounter listener = new PageCounter(shown);
    Path previewed;
    try {
      previewed = target(world);
    } catch (org.bookbuild.project.ConfigException | RuntimeException e) {
      previewed = null;
    }
    PagePreview preview = new PagePreview(world, previewed, shownLayout, () -> diags.count(Severity.ERROR), keptErrors,
        pages -> {
          if (settings.quiet()) return;
          err.println("[" + LocalTime.now().format(CLOCK) + "] " + cause + ": preview of " + pages
              + String.format(Locale.ROOT, " in %.2f s; the full build goes on", (System.nanoTime() - t0) / 1e9));
          err.flush();
        }, shownPdf);
    Pipeline.Result r;
    try {
      Files.deleteIfExists(staging);
      r = Pipeline.build(world, new Pipeline.Request(staging, false, listener).withResident(resident)
          .withPreview(preview), diags);
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // the pipeline guards every stage; reaching this is a bug, still reported without a trace and survived
      r = new Pipeline.Result(1, null, null);
      diags.report(Diagnostic.error("internal-error", null, "the build stopped: " + e
          + " (please report this; the watch goes on)"));
    } finally {
      if (shown instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // a progress display that cannot close changes nothing
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long publishNanos = 0;
    long errors = diags.count(Severity.ERROR);
    long warnings = diags.count(Severity.WARNING);
    String outcome;
    boolean failed;
    if (r.pdf() == null) {
      outcome = "no PDF, kept the last good one";
      failed = true;
    } else if (keptErrors >= 0 && errors > keptErrors) {
      outcome = "kept the last good PDF (this build has " + plural(errors - keptErrors, "more error") + ")";
      failed = true;
    } else {
      Path target;
      try {
        target = target(world);

        int pages = pages(listener, staging);
        long tp = System.nanoTime();
        publish(world, staging, target);
        publishNanos = System.nanoTime() - tp;
        keptErrors = errors;
        shownLayout = preview.settled;
        outcome = "wrote " + shown(root, target) + " (" + plural(pages, "page") + laidOut(r) + ")";
        failed = false;
      } catch (IOException | org.bookbuild.project.ConfigException | RuntimeException e) {
        outcome = "could not replace the PDF: " + e.getMessage() + " [output-unwritable]";
        failed = true;
      }
    }
    if (failed) {
      try {
        preview.undo();
      } catch (IOException e) {
        outcome += "; could not put back the PDF the preview replaced: " + e.getMessage() + " [output-unwritable]";
      }
    }
    synchronized (this) {
      builds++;
    }
    Diagnostic first = diags.all().stream().filter(d -> d.severity() != Severity.INFO)
        .min(Comparator.comparing((Diagnostic d) -> d.severity() == Severity.ERROR ? 0 : 1)).orElse(null);
    if (settings.quiet() && !failed) {
      loadShown(previewed);
      return;
    }
    StringBuilder line = new StringBuilder("[").append(LocalTime.now().format(CLOCK)).append("] ")
        .append(cause).append(": ").append(outcome)
        .append(String.format(Locale.ROOT, " in %.2f s; ", seconds))
        .append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
    if (first != null) line.append("; first: ").append(first.format());
    err.println(line);
    if (settings.timings() && r.stages() != null) {
      err.println("  timings: " + r.stages().line() + String.format(Locale.ROOT, "; publish %d ms",
          publishNanos / 1_000_000));
    }
    DiagnosticPrinter printer = new DiagnosticPrinter(err, new SourceLines(world::read), false);
    for (Diagnostic d : diags.all()) if (d.severity() == Severity.ERROR) printer.print(d);
    err.flush();
    if (!failed) loadShown(previewed);
  }

  /**
   * Parses the PDF just published, after its status line is out, so that the next edit's preview swaps pages into
   * it without parsing the whole book first. Not loaded while no per-chapter layout is known (no preview can come).
   */
  private void loadShown(Path target) {
    closeShown();
    if (target == null || shownLayout == null) return;
    try {
      shownPdf = PageSwap.Book.load(Files.readAllBytes(target));
    } catch (IOException | RuntimeException e) {
      shownPdf = null; // the preview loads it itself
    }
  }

  private void closeShown() {
    if (shownPdf == null) return;
    try {
      shownPdf.close();
    } catch (IOException e) {
      // nothing held but memory
    }
    shownPdf = null;
  }

  /** Where the book's PDF goes. */
  private Path target(DiskWorld world) throws org.bookbuild.project.ConfigException {
    return settings.out() != null ? settings.out().toAbsolutePath().normalize() : Pipeline.defaultPdf(world);
  }

  /** Pages as the renderer reported them, else as the staged PDF says. */
  private static int pages(PageCounter listener, Path pdf) {
    if (listener.pages.get() > 0) return listener.pages.get();
    try (PdfInspector in = PdfInspector.open(pdf)) {
      return in.pageCount();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Passes reports on to the display and keeps the sum of pages for the status line. */
  private static final class PageCounter implements Progress {
    private final Progress inner;
    private final AtomicInteger pages = new AtomicInteger();

    PageCounter(Progress inner) {
      this.inner = inner;
    }

    @Override
    public void stage(String name) {
      inner.stage(name);
    }

    @Override
    public void chapters(int done, int total) {
      inner.chapters(done, total);
    }

    @Override
    public void pages(int count) {
      pages.addAndGet(count);
      inner.pages(count);
    }
  }

  /** Copies the staged PDF (and FO) over the book's outputs, each replaced atomically. */
  private static void publish(DiskWorld world, Path staging, Path target) throws IOException {
    Path stagedFo = foOf(staging);
    if (Files.exists(stagedFo)) world.writeAtomically(foOf(target), o -> Files.copy(stagedFo, o));
    world.writeAtomically(target, o -> Files.copy(staging, o));
    Files.deleteIfExists(stagedFo);
    Files.deleteIfExists(staging);
  }

  private static Path foOf(Path pdf) {
    String name = pdf.getFileName().toString();
    String stem = name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
    return pdf.resolveSibling(stem + ".fo");
  }

  private static String shown(Path root, Path p) {
    return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
