package org.bookbuild.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.DiagnosticPrinter;
import org.bookbuild.diag.SourceLines;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import java.util.List;
import org.bookbuild.edition.Editions;
import org.bookbuild.edition.Split;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code book build [PROJECT_DIR] [--out FILE.pdf] [--strict]}. Diagnostics go to stderr, one per
 * line; exit status 0 when a PDF was written, 1 when the content had errors (with {@code --strict}: any warning), 2
 * for unusable arguments or configuration. No Java stack trace reaches the user unless {@code --debug} asks for it.
 */
@Command(name = "book", mixinStandardHelpOptions = true, version = "bookbuild 0.1.0",
    description = "Turns MyST Markdown course notes into a printed book (PDF).",
    subcommands = {Main.Build.class, Main.ReleaseCmd.class, Main.Watch.class, Main.Check.class, Main.Cover.class})
public final class Main implements Callable<Integer> {
  /** Whether the command's stderr is this process's (a terminal may be behind it), not a test's buffer. */
  private boolean processStderr;

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }

  public static void main(String[] args) {
    org.bookbuild.diag.Timings.markMain();
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns the exit status (for tests, without exiting the JVM). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Main main = new Main();
    main.processStderr = err == System.err;
    CommandLine cl = new CommandLine(main);
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      err.println("book: internal error: " + ex + " (please report this; run with --debug for details)");
      if (parsed.matchedOption("--debug") != null) ex.printStackTrace(err);
      return 1;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("book: " + ex.getMessage());
      ex.getCommandLine().usage(err);
      return 2;
    });
    return cl.execute(args);
  }

  /** {@code book build}. */
  @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the book in PROJECT_DIR into a PDF.")
  static final class Build implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "folder holding book.yml (default: .)")
    Path project = Path.of(".");

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "where to write the PDF (default: PROJECT_DIR/out/<name>.pdf)")
    Path out;

    @Option(names = "--strict", description = "treat warnings as errors; write no PDF if there are any")
    boolean strict;

    @Option(names = "--press", paramLabel = "NAME",
        description = "the interior for a print shop: kdp, ingramspark, lulu, offset or none (screen PDF; default: press: in book.yml)")
    String press;

    @Option(names = "--colour", paramLabel = "colour|grayscale",
        description = "grayscale: a black-and-white interior, every colour and image in gray (default: colour: in book.yml)")
    String colour;

    @Option(names = "--quiet", description = "print errors only")
    boolean quiet;

    @Option(names = "--notes", description = "also print the notes: where the book prints something differently from "
        + "the source or leaves it out on purpose (a count of them is printed either way)")
    boolean notes;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    @Option(names = "--edition", paramLabel = "NAME", description = "build the named edition (editions: in book.yml)")
    String edition;

    @Option(names = "--all-editions", description = "build every named edition, each into out/<name>-<edition>.pdf")
    boolean allEditions;

    @Option(names = "--since", paramLabel = "TAG", description = "mark changes since this git tag (default: since:, else the previous tag)")
    String since;

    @Option(names = "--review", description = "also print deleted text, struck through, with a margin mark")
    boolean review;

    @Option(names = "--split", description = "also write one PDF per chapter into out/chapters/, with the whole book's page numbers")
    boolean split;

    @Option(names = "--workers", paramLabel = "N", description = "chapters laid out at once (default: one per core); "
        + "0 lays the whole book out in one pass instead of per chapter")
    Integer workers;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand Main parent;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(project) || !Files.isReadable(project)) {
        err.println("book: error: cannot read project folder " + project + " [project-unreadable]");
        return 2;
      }
      DiskWorld world;
      try {
        world = DiskWorld.of(project);
      } catch (java.io.IOException | RuntimeException e) {
        err.println("book: error: cannot read project folder " + project + ": " + e.getMessage() + " [project-unreadable]");
        return 2;
      }
      if (!allEditions) return buildOne(world, edition == null ? "" : edition, out, err);
      if (out != null || edition != null) {
        err.println("book: error: --all-editions writes one file per edition: it takes neither --out nor --edition");
        return 2;
      }
      Diagnostics d = new Diagnostics();
      List<String> names = Editions.names(world, d);
      if (names.isEmpty()) {
        err.println("book: error: the book defines no editions (editions: in its configuration) [edition-unknown]");
        return 2;
      }
      int status = 0;
      for (String name : names) status = Math.max(status, buildOne(world, name, null, err));
      return status;
    }

    private org.bookbuild.render.RenderSettings renderSettings() {
      org.bookbuild.render.RenderSettings r = org.bookbuild.render.RenderSettings.DEFAULT;
      if (workers == null) return r;
      return workers <= 0 ? r.withPerChapter(false) : r.withWorkers(workers);
    }

    private int buildOne(DiskWorld world, String editionName, Path out, java.io.PrintWriter err) {
      // with --out, the build's out/ (caches, split chapters) is the PDF's folder: nothing is written into the project
      if (out != null && out.toAbsolutePath().getParent() != null) world = world.withOutput(out.toAbsolutePath().getParent());
      Diagnostics diags = new Diagnostics();
      Pipeline.Result r;
      try (ProgressLine progress = new ProgressLine(err, ProgressLine.detect(quiet, parent.processStderr))) {
        r = Pipeline.build(world, new Pipeline.Request(out == null ? null : out.toAbsolutePath(), strict, progress,
            new Pipeline.Edition(editionName, since, review, split), press, colour, renderSettings()), diags);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // the pipeline guards every stage; reaching this is a bug, still reported without a trace
        print(diags, err, world);
        err.println("book: internal error: " + e + " (please report this; run with --debug for details)");
        if (debug) e.printStackTrace(err);
        return 1;
      }
      print(diags, err, world);
      if (debug) for (Throwable t : diags.failures()) t.printStackTrace(err);
      if (timings) {
        r.timings().forEach(t -> err.println("book: " + t));
        err.println("book: " + org.bookbuild.diag.Timings.jvm());
      }
      long errors = diags.count(Severity.ERROR);
      long warnings = diags.count(Severity.WARNING);
      if (strict) {
        errors += warnings;
        warnings = 0;
      }
      if (!quiet || errors > 0 || r.pdf() == null) {
        err.println((r.pdf() != null ? "book: wrote " + r.pdf() : "book: no PDF written") + " (" + plural(errors, "error")
            + ", " + plural(warnings, "warning") + ")");
      }
      String noted = notes || quiet ? null : noteCount(diags);
      if (noted != null) err.println("book: " + noted);
      if (split && r.pdf() != null && r.book() != null) {
        try {
          List<Path> parts = Split.chapters(r.pdf(), r.book(), world.outputPath("out/chapters"));
          if (!quiet) err.println("book: wrote " + parts.size() + " chapter PDFs into " + world.outputPath("out/chapters"));
        } catch (java.io.IOException | RuntimeException e) {
          err.println("book: error: cannot split the book into chapters: " + e.getMessage() + " [split-failed]");
          return Math.max(r.status(), 1);
        }
      }
      return r.status();
    }

    private static String plural(long n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }

    void printTo(Diagnostics diags, java.io.PrintWriter err, org.bookbuild.io.World world) {
      print(diags, err, world);
    }

    /**
     * The notes a build made and did not print, counted by rule ("3 notes (print-omitted 2, config-ignored 1) …"), so
     * that what was printed differently or left out on purpose is never invisible; null when there are none.
     */
    static String noteCount(Diagnostics diags) {
      java.util.Map<String, Long> byRule = new java.util.TreeMap<>();
      for (Diagnostic d : diags.all()) if (d.severity() == Severity.INFO) byRule.merge(d.ruleId(), 1L, Long::sum);
      if (byRule.isEmpty()) return null;
      long all = byRule.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder b = new StringBuilder(plural(all, "note")).append(" (");
      byRule.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
      return b.append(") on what is printed differently from the source or left out on purpose; --notes prints each at its place").toString();
    }

    private void print(Diagnostics diags, java.io.PrintWriter err, org.bookbuild.io.World world) {
      DiagnosticPrinter p = new DiagnosticPrinter(err, new SourceLines(world::read), strict);
      for (Diagnostic d : diags.all()) {
        if (d.severity() == Severity.INFO && !notes) continue;
        if (quiet && d.severity() != Severity.ERROR && !strict) continue;
        p.print(d);
      }
    }
  }

  /** {@code book release}: every edition as of a git tag into {@code out/release/<tag>/}, with a manifest. */
  @Command(name = "release", mixinStandardHelpOptions = true,
      description = "Build every edition of the book as of a git tag into out/release/<tag>/ with manifest.json.")
  static final class ReleaseCmd implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "folder holding book.yml (default: .)")
    Path project = Path.of(".");

    @Parameters(index = "1", arity = "0..1", paramLabel = "TAG", description = "the tag to release (default: the tag at HEAD)")
    String tag;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      DiskWorld world;
      try {
        // no environment: a release depends on the tag alone (SOURCE_DATE_EPOCH included)
        world = new DiskWorld(project, java.util.Map.of());
      } catch (java.io.IOException | RuntimeException e) {
        err.println("book: error: cannot read project folder " + project + ": " + e.getMessage() + " [project-unreadable]");
        return 2;
      }
      var here = world.sourceVersion();
      if (here.isEmpty()) {
        err.println("book: error: " + project + " is not in a git work tree with commits; a release is built from a tag [release-no-git]");
        return 2;
      }
      String t = tag != null ? tag : here.get().tag();
      if (t == null || t.isEmpty()) {
        err.println("book: error: HEAD has no tag; name the tag to release (book release DIR TAG) [release-no-tag]");
        return 2;
      }
      var at = world.atRevision(t);
      if (at.isEmpty() || at.get().sourceVersion().isEmpty()) {
        err.println("book: error: no tag or commit '" + t + "' in the repository [release-no-tag]");
        return 2;
      }
      org.bookbuild.io.World tagWorld = at.get();
      Path dir = world.outputPath("out/release/" + t.replaceAll("[^A-Za-z0-9._+-]", "_"));
      Diagnostics d = new Diagnostics();
      List<String> names = new java.util.ArrayList<>(Editions.names(tagWorld, d));
      if (names.isEmpty()) names.add("");
      List<org.bookbuild.edition.Release.Entry> files = new java.util.ArrayList<>();
      int status = 0;
      for (String name : names) {
        Diagnostics diags = new Diagnostics();
        String file = Editions.outputName(tagWorld, name, diags);
        if (file == null) {
          status = 2;
          continue;
        }
        Path pdf = dir.resolve(file + ".pdf");
        Pipeline.Result r = Pipeline.build(tagWorld, new Pipeline.Request(pdf, false, null,
            new Pipeline.Edition(name, null, false, false)), diags);
        new Build().printTo(diags, err, tagWorld);
        try {
          Files.deleteIfExists(dir.resolve(file + ".fo"));
        } catch (java.io.IOException e) {
          // the FO beside the PDF is only a by-product
        }
        if (r.pdf() == null) {
          status = Math.max(status, Math.max(1, r.status()));
          err.println("book: no PDF written for " + (name.isEmpty() ? "the book" : "edition " + name));
          continue;
        }
        status = Math.max(status, r.status());
        files.add(new org.bookbuild.edition.Release.Entry(name, r.pdf()));
        err.println("book: wrote " + r.pdf());
      }
      try {
        byte[] manifest = org.bookbuild.edition.Release.manifest(t, tagWorld.sourceVersion().get(), files);
        world.writeAtomically(dir.resolve("manifest.json"), o -> o.write(manifest));
        err.println("book: wrote " + dir.resolve("manifest.json"));
      } catch (java.io.IOException e) {
        err.println("book: error: cannot write the manifest: " + e.getMessage() + " [output-unwritable]");
        return 2;
      }
      return status;
    }
  }

  /** {@code book watch}: rebuilds on every change until Ctrl-C (logic in {@code org.bookbuild.watch.Watcher}). */
  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Build the book in PROJECT_DIR, then again whenever a source, figure, data file, style or the "
          + "configuration changes; the PDF is replaced only by a build without new errors. Ctrl-C ends.")
  static final class Watch implements Callable<Integer> {
    /** How long Ctrl-C waits for a build in progress to finish writing before the process ends anyway. */
    static final long STOP_WAIT_MS = 60_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "folder holding book.yml (default: .)")
    Path project = Path.of(".");

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "where to write the PDF (default: PROJECT_DIR/out/<name>.pdf)")
    Path out;

    @Option(names = "--quiet", description = "print a line only when a build failed")
    boolean quiet;

    @Option(names = "--poll", description = "look for changes by scanning the folder instead of file notification")
    boolean poll;

    @Option(names = "--timings", description = "print under each status line how long each stage of the build took")
    boolean timings;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand Main parent;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(project) || !Files.isReadable(project)) {
        err.println("book: error: cannot read project folder " + project + " [project-unreadable]");
        return 2;
      }
      ProgressLine.Mode mode = ProgressLine.detect(quiet, parent.processStderr);
      org.bookbuild.watch.Watcher w = new org.bookbuild.watch.Watcher(
          new org.bookbuild.watch.Watcher.Settings(project, out, quiet, poll, timings), err, () -> new ProgressLine(err, mode));
      // Ctrl-C (SIGINT) and SIGTERM run this hook: the loop ends after the build in progress, then the JVM exits
      Thread hook = new Thread(() -> {
        w.stop();
        try {
          if (!w.awaitEnd(STOP_WAIT_MS)) err.println("book watch: stopped during a build");
          else err.println("book watch: stopped");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        err.flush();
      }, "bookbuild-watch-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      int status = w.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and prints the last line
      }
      return status;
    }
  }

  /** {@code book check FILE.pdf [--press NAME]}: preflight, a report on stdout, exit 0 pass / 1 fail / 2 unusable. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Preflight a PDF for a print shop: page boxes, page count, fonts, images, colour, annotations, safety zone, PDF/X.")
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the PDF to check")
    Path file;

    @Option(names = "--press", paramLabel = "NAME", description = "kdp, ingramspark, lulu, offset or none (default: none: fonts only)")
    String press = "none";

    @Option(names = "--colour", paramLabel = "colour|grayscale", description = "grayscale: the interior must paint only gray")
    String colour = "colour";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      java.io.PrintWriter err = spec.commandLine().getErr();
      return org.bookbuild.check.CheckCommand.run(file, press, colour, out, err);
    }
  }

  /** {@code book cover [DIR] --press NAME [--paper white|cream|colour] [--interior FILE.pdf] [--out FILE.pdf] [--guides]}. */
  @Command(name = "cover", mixinStandardHelpOptions = true,
      description = "Make the full-wrap cover (back, spine, front) for a print shop, its spine sized from the interior's page count.")
  static final class Cover implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT_DIR", description = "folder holding book.yml (default: .)")
    Path project = Path.of(".");

    @Option(names = "--press", paramLabel = "NAME", required = true, description = "kdp, ingramspark, lulu or offset")
    String press;

    @Option(names = "--paper", paramLabel = "white|cream|colour", description = "interior paper (spine thickness; default white)")
    String paper = "white";

    @Option(names = "--interior", paramLabel = "FILE.pdf",
        description = "take the page count from this interior PDF (default: build the interior for the press first)")
    Path interior;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "where to write the cover (default: out/<name>-cover-<press>.pdf)")
    Path out;

    @Option(names = "--guides", description = "draw trim, spine folds, safety zones and the barcode area (for checking; not for the shop)")
    boolean guides;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(project)) {
        err.println("book: error: cannot read project folder " + project + " [project-unreadable]");
        return 2;
      }
      Diagnostics diags = new Diagnostics();
      DiskWorld world;
      try {
        world = DiskWorld.of(project);
      } catch (java.io.IOException e) {
        err.println("book: error: cannot read project folder " + project + ": " + e.getMessage() + " [project-unreadable]");
        return 2;
      }
      org.bookbuild.pipeline.CoverBuild.Result r = org.bookbuild.pipeline.CoverBuild.build(world,
          new org.bookbuild.pipeline.CoverBuild.Request(press, paper, interior == null ? null : interior.toAbsolutePath(),
              out == null ? null : out.toAbsolutePath(), guides, null), diags);
      DiagnosticPrinter p = new DiagnosticPrinter(err, new SourceLines(world::read), false);
      for (Diagnostic d : diags.all()) if (d.severity() != Severity.INFO) p.print(d);
      if (r.geometry() != null) {
        org.bookbuild.press.Cover.Geometry g = r.geometry();
        err.println(String.format(java.util.Locale.ROOT, "book: cover %.3f x %.3f in, spine %.3f in for %d pages on %s paper%s",
            g.width() / 72, g.height() / 72, g.spine() / 72, g.pages(), g.paper(), g.spineText() ? "" : " (no spine text)"));
      }
      err.println(r.pdf() != null ? "book: wrote " + r.pdf() : "book: no cover written");
      return r.status();
    }
  }
}
