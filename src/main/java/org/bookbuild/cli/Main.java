package org.bookbuild.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bookbuild.diag.Diagnostic;
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
      try {
        r = Pipeline.build(DiskWorld.of(project), new Pipeline.Request(out == null ? null : out.toAbsolutePath(), strict), diags);
      } catch (java.io.IOException e) {
        err.println("book: error: cannot read project folder " + project + ": " + e.getMessage() + " [project-unreadable]");
        return 2;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        print(diags, err);
        err.println("book: internal error: " + e + " (please report this; run with --debug for details)");
        if (debug) e.printStackTrace(err);
        return 1;
      }
      print(diags, err);
      if (timings) r.timings().forEach(t -> err.println("book: " + t));
      long errors = diags.count(Severity.ERROR);
      long warnings = diags.count(Severity.WARNING);
      if (!quiet || errors > 0) {
        err.println((r.pdf() != null ? "book: wrote " + r.pdf() : "book: no PDF written") + " (" + errors
            + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + ")");
      }
      return r.status();
    }

    private void print(Diagnostics diags, java.io.PrintWriter err) {
      for (Diagnostic d : diags.all()) {
        if (quiet && d.severity() != Severity.ERROR) continue;
        if (d.severity() == Severity.INFO) continue;
        err.println(d.format());
      }
    }
  }
}
