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
    subcommands = {Main.Build.class})
public final class Main implements Callable<Integer> {
  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns the exit status (for tests, without exiting the JVM). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
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

    @Option(names = "--quiet", description = "print errors only")
    boolean quiet;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Option(names = "--timings", description = "print how long each stage took")
    boolean timings;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(project) || !Files.isReadable(project)) {
        err.println("book: error: cannot read project folder " + project + " [project-unreadable]");
        return 2;
      }
      Diagnostics diags = new Diagnostics();
      Pipeline.Result r;
      DiskWorld world;
      try {
        world = DiskWorld.of(project);
      } catch (java.io.IOException | RuntimeException e) {
        err.println("book: error: cannot read project folder " + project + ": " + e.getMessage() + " [project-unreadable]");
        return 2;
      }
      try {
        r = Pipeline.build(world, new Pipeline.Request(out == null ? null : out.toAbsolutePath(), strict), diags);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // the pipeline guards every stage; reaching this is a bug, still reported without a trace
        print(diags, err, world);
        err.println("book: internal error: " + e + " (please report this; run with --debug for details)");
        if (debug) e.printStackTrace(err);
        return 1;
      }
      print(diags, err, world);
      if (debug) for (Throwable t : diags.failures()) t.printStackTrace(err);
      if (timings) r.timings().forEach(t -> err.println("book: " + t));
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
      return r.status();
    }

    private static String plural(long n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }

    private void print(Diagnostics diags, java.io.PrintWriter err, DiskWorld world) {
      DiagnosticPrinter p = new DiagnosticPrinter(err, new SourceLines(world::read), strict);
      for (Diagnostic d : diags.all()) {
        if (d.severity() == Severity.INFO) continue;
        if (quiet && d.severity() != Severity.ERROR && !strict) continue;
        p.print(d);
      }
    }
  }
}
