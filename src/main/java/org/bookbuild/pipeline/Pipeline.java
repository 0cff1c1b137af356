package org.bookbuild.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.diag.Timings;
import org.bookbuild.edition.Editions;
import org.bookbuild.finish.Finisher;
import org.bookbuild.fo.FoWriter;
import org.bookbuild.io.World;
import org.bookbuild.model.Book;
import org.bookbuild.parse.BookReader;
import org.bookbuild.project.ConfigException;
import org.bookbuild.project.Project;
import org.bookbuild.project.ProjectLoader;
import org.bookbuild.render.Renderer;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleException;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.transform.Context;

/**
 * The whole build in order: project → style → parse → transforms → FO → FOP → finishing → output. Read this class
 * first; every stage it calls is a package with this one entry point.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * What to build: {@code out} null means {@code out/<name>.pdf} in the project; {@code progress} hears how far the
   * build got (stages here, chapters and pages from the renderer); {@code press} null means the project's
   * {@code press:} (default {@code none}, the screen PDF); {@code colour} null means the project's {@code colour:}
   * ({@code colour}, or {@code grayscale} for a black-and-white interior); {@code render} says how FOP runs
   * (tagging, PDF modes, workers, layout cache; a press adds its PDF/X mode to it); {@code resident} (null: none)
   * is what a resident process keeps from one build to the next (parsed pages, read-back traces);
   * {@code preview} (null: none) hears the settled per-chapter layout before the chapters are joined.
   */
  public record Request(Path out, boolean strict, Progress progress, Edition edition, String press, String colour,
      org.bookbuild.render.RenderSettings render, Resident resident, org.bookbuild.render.Preview preview) {
    public Request {
      if (progress == null) progress = Progress.NONE;
      if (edition == null) edition = Edition.BASE;
      if (render == null) render = org.bookbuild.render.RenderSettings.DEFAULT;
    }

    public Request(Path out, boolean strict, Progress progress, Edition edition, String press, String colour,
        org.bookbuild.render.RenderSettings render) {
      this(out, strict, progress, edition, press, colour, render, null, null);
    }

    /** This request with what a resident process keeps between builds. */
    public Request withResident(Resident kept) {
      return new Request(out, strict, progress, edition, press, colour, render, kept, preview);
    }

    /** This request with {@code listener} told the settled layout before the join (the screen PDF only). */
    public Request withPreview(org.bookbuild.render.Preview listener) {
      return new Request(out, strict, progress, edition, press, colour, render, resident, listener);
    }

    public Request(Path out, boolean strict, Progress progress, Edition edition, String press, String colour) {
      this(out, strict, progress, edition, press, colour, null);
    }

    public Request(Path out, boolean strict, Progress progress, Edition edition) {
      this(out, strict, progress, edition, null, null);
    }

    public Request(Path out, boolean strict, Progress progress) {
      this(out, strict, progress, Edition.BASE);
    }

    public Request(Path out, boolean strict, String press, String colour) {
      this(out, strict, Progress.NONE, Edition.BASE, press, colour);
    }

    public Request(Path out, boolean strict, org.bookbuild.render.RenderSettings render) {
      this(out, strict, Progress.NONE, Edition.BASE, null, null, render);
    }

    public Request(Path out, boolean strict) {
      this(out, strict, Progress.NONE);
    }
  }

  /**
   * Which edition to build: a named edition from the configuration ({@code ""}: the book as configured), the tag to
   * compare with ({@code null}: the configured {@code since:}, else the previous tag), and whether to print deletions.
   */
  public record Edition(String name, String since, boolean review, boolean split) {
    public static final Edition BASE = new Edition("", null, false, false);
  }

  /** Exit status (0 written, 1 content errors, 2 unusable configuration) and where the PDF went (null if nowhere). */
  public record Result(int status, Path pdf, Book book, List<String> timings,
      org.bookbuild.render.RenderReport layout, Timings stages) {
    public Result(int status, Path pdf, Book book, List<String> timings, org.bookbuild.render.RenderReport layout) {
      this(status, pdf, book, timings, layout, null);
    }

    public Result(int status, Path pdf, Book book) {
      this(status, pdf, book, List.of());
    }

    public Result(int status, Path pdf, Book book, List<String> timings) {
      this(status, pdf, book, timings, null);
    }
  }

  /** The FO for a book and the model it was written from (for tests and tools that stop before FOP). */
  public record FoResult(Project project, Style style, Book book, FoWriter.Output fo, Timings timings) {}

  /**
   * Runs the build. The work happens on a thread with a large stack ({@link BigStack}) so that pathological nesting in
   * the sources ends in a diagnostic, not a {@link StackOverflowError}.
   */
  public static Result build(World world, Request req, Diagnostics diags) {
    return BigStack.call(() -> buildHere(world, req, diags));
  }

  /**
   * Everything up to the FO, on a large stack: configuration, style, parse, transforms, FO writer. Returns null when
   * the configuration is unusable (reported in {@code diags}, exit status 2); the FO is null when the FO writer
   * failed outside any chapter.
   */
  public static FoResult fo(World world, Diagnostics diags) {
    return fo(world, diags, Edition.BASE);
  }

  /** Everything up to the FO for one edition. */
  public static FoResult fo(World world, Diagnostics diags, Edition edition) {
    return fo(world, diags, edition, null);
  }

  /** Everything up to the FO, with what a resident process kept from earlier builds (null: nothing). */
  public static FoResult fo(World world, Diagnostics diags, Edition edition, Resident resident) {
    return BigStack.call(() -> foHere(world, diags, Progress.NONE, edition, resident));
  }

  private static FoResult foHere(World world, Diagnostics diags, Progress progress, Edition edition,
      Resident resident) {
    progress.stage("project");
    Configured c = configure(world, diags, edition);
    return c == null ? null : foFrom(world, diags, c, c.style(), progress, edition, resident);
  }

  /** The project (the chosen edition's) and its style, or null when the configuration is unusable (reported). */
  record Configured(Project project, Style style, Editions.Chosen chosen) {}

  static Configured configure(World world, Diagnostics diags, Edition edition) {
    Project loaded;
    Style style;
    try {
      loaded = ProjectLoader.load(world, diags);
      style = StyleLoader.load(world, loaded.options().style(), loaded.meta().language());
      Licenses.check(loaded, style);
    } catch (ConfigException e) {
      diags.error(e.ruleId(), e.pos(), e.getMessage());
      return null;
    } catch (StyleException e) {
      diags.error("style-invalid", SourcePos.NONE, e.getMessage());
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      diags.internal(SourcePos.of(ProjectLoader.BOOK_YML, 1, 1), "reading the configuration", e);
      return null;
    }
    Editions.Chosen chosen = Editions.choose(world, loaded, edition.name(), style, diags);
    if (chosen == null) return null;
    return new Configured(chosen.project(), style, chosen);
  }

  /** Parse, transforms and FO for a configured project, with {@code style} (a press changes the page geometry). */
  static FoResult foFrom(World world, Diagnostics diags, Configured c, Style style, Progress progress, Edition edition,
      Resident resident) {
    Project project = c.project();
    Editions.Chosen chosen = c.chosen();
    Timings timings = new Timings();
    long t0 = System.nanoTime();
    progress.stage("parse");
    Book parsed = Editions.apply(BookReader.read(world, project, diags, resident == null ? null : resident.pages()),
        chosen, diags);
    t0 = timings.lap("parse", t0);
    progress.stage("transform");
    Timings each = new Timings();
    Guard.Transformed tr = Guard.transforms(parsed, d -> new Context(project, style, d, world), diags, each,
        resident == null ? null : resident.transforms());
    Book book = Editions.stamp(tr.book(), world, chosen);
    book = Previous.compare(world, style, book, chosen.name(), edition.since() != null ? edition.since() : chosen.since(),
        edition.review(), diags);
    if (edition.split()) book = org.bookbuild.edition.PagesAcrossChapters.apply(book, style);
    t0 = timings.lap("transform", t0);
    timings.addAll("transform.", each);
    progress.stage("fo");
    FoWriter.Output written;
    try {
      written = FoWriter.writeMapped(book, tr.ctx(), resident == null ? null : resident.chapters());
    } catch (RuntimeException | StackOverflowError e) {
      diags.internal(SourcePos.NONE, "writing the FO (outside any chapter)", e);
      return new FoResult(project, style, book, null, timings);
    }
    timings.lap("fo", t0);
    return new FoResult(project, style, book, written, timings);
  }

  private static Result buildHere(World world, Request req, Diagnostics diags) {
    Progress progress = req.progress();
    progress.stage("project");
    long t0 = System.nanoTime();
    Configured c = configure(world, diags, req.edition());
    if (c == null) return new Result(2, null, null);
    org.bookbuild.render.WarmUp.start(); // FOP, the join and PDFBox readied on the second core meanwhile
    PressBuild.Plan plan = PressBuild.plan(world, c.project(), req, diags);
    if (plan == null) return new Result(2, null, null);
    if (!plan.press().screen() || plan.grayscale()) return PressBuild.build(world, req, c, plan, diags);
    Timings timings = new Timings();
    timings.lap("project", t0);
    FoResult r = foFrom(world, diags, c, c.style(), progress, req.edition(), req.resident());
    Book book = r.book();
    Project project = r.project();
    Style style = r.style();
    timings.addAll("", r.timings());
    if (r.fo() == null) return result(1, null, book, timings, null);
    String fo = r.fo().fo();
    t0 = System.nanoTime();
    timings.restart(); // parse, transform and fo lapped their own Timings on this thread

    Path pdfPath = req.out() != null ? req.out() : defaultPdf(world, project);
    Path foPath = pdfPath.resolveSibling(stripPdf(pdfPath.getFileName().toString()) + ".fo");
    // The FO file is written beside the render rather than before it: nothing after this reads it, and `book watch`'s
    // preview waits for everything before the render (writing a 310-page book's FO took 11-14 ms of it). The build
    // waits for the file before it ends, and a file that could not be written still means no PDF.
    FoFile foFile = FoFile.start(world, foPath, fo);
    try {
      // What each stage no longer needs is let go before the next one starts, so that a long book's peak is one
      // stage's working set: the FO text and its source map after the layout (the FO file's thread lets go of its text
      // once written), the laid-out PDF once it is finished (the finishing stage works on that very array).
      org.bookbuild.fo.SourceMap sources = r.fo().sources();
      r = null;
      byte[] pdf;
      progress.stage("render");
      org.bookbuild.render.RenderReport layout;
      boolean repaired;
      try {
        // an archive edition (archive: true) is PDF/A-2a as well, which asks for a tagged PDF
        org.bookbuild.render.RenderSettings settings = req.render();
        if (project.options().archive()) settings = settings.withTagged(true).withPdfA("PDF/A-2a");
        Renderer.Rendered rendered = Renderer.render(new Renderer.Job(fo, sources, style, world, book.meta(),
            BuildDate.of(world, book.meta()), settings, progress::chapters, progress::pages, req.preview()), diags);
        pdf = rendered.pdf();
        layout = rendered.report();
        repaired = rendered.repaired();
      } catch (Renderer.RenderException e) {
        diags.error("render-failed", SourcePos.NONE, e.getMessage());
        return result(1, null, book, timings, null);
      }
      fo = null;
      sources = null;
      t0 = timings.lap("render", t0);
      timings.addAll("render.", layout.stages());
      boolean failed = diags.hasErrors() || (req.strict() && diags.count(Severity.WARNING) > 0);
      if (failed && req.strict()) return result(1, null, book, timings, layout);
      byte[] finished;
      progress.stage("finish");
      Timings finishing = new Timings();
      try {
        finished = Finisher.finishInPlace(pdf, book.meta(), finishing, repaired);
      } catch (IOException | RuntimeException e) {
        diags.error("finish-failed", SourcePos.NONE, "cannot finish the PDF FOP wrote: " + e.getMessage());
        return result(1, null, book, timings, layout);
      }
      pdf = null;
      t0 = timings.lap("finish", t0);
      timings.addAll("finish.", finishing);
      ReadBackStep.run(finished, diags, req.resident() == null ? null : req.resident().readBack());
      failed = failed || diags.hasErrors();
      t0 = timings.lap("read-back", t0);
      Exception foFailed = foFile.await();
      if (foFailed != null) {
        diags.error("output-unwritable", SourcePos.NONE, "cannot write " + foPath + ": " + foFailed.getMessage());
        return result(2, null, book, timings, layout);
      }
      try {
        world.writeAtomically(pdfPath, o -> o.write(finished));
      } catch (IOException e) {
        diags.error("output-unwritable", SourcePos.NONE, "cannot write " + pdfPath + ": " + e.getMessage());
        return result(2, null, book, timings, layout);
      }
      timings.lap("write", t0);
      return result(failed ? 1 : 0, pdfPath, book, timings, layout);
    } finally {
      foFile.await();
    }
  }

  /** The FO file, written on a thread of its own; {@link #await} gives what went wrong, or null. */
  private record FoFile(java.util.concurrent.CompletableFuture<Exception> done) {
    static FoFile start(World world, Path path, String fo) {
      java.util.concurrent.CompletableFuture<Exception> done = new java.util.concurrent.CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          world.writeAtomically(path, o -> o.write(fo.getBytes(StandardCharsets.UTF_8)));
          done.complete(null);
        } catch (IOException | RuntimeException e) {
          done.complete(e);
        } catch (Error e) {
          done.complete(new IOException(e.toString()));
          throw e;
        }
      }, "bookbuild-fo-file");
      t.setDaemon(true);
      t.start();
      return new FoFile(done);
    }

    Exception await() {
      return done.join();
    }
  }

  /** A result whose timings are {@code --timings}' lines: each stage and part, then the layout report's summary. */
  private static Result result(int status, Path pdf, Book book, Timings timings, org.bookbuild.render.RenderReport layout) {
    List<String> lines = new ArrayList<>(timings.lines());
    if (layout != null) lines.add(layout.summary());
    return new Result(status, pdf, book, lines, layout, timings);
  }

  /** Where the PDF goes when the request names no file: {@code out/<name>.pdf} in the project. */
  public static Path defaultPdf(World world, Project project) {
    return world.outputPath("out/" + project.output() + ".pdf");
  }

  /** {@link #defaultPdf(World, Project)} for a project not loaded yet. */
  public static Path defaultPdf(World world) throws ConfigException {
    return defaultPdf(world, ProjectLoader.load(world, new Diagnostics()));
  }

  /** Records how long a stage took ({@code book build --timings} prints them). */
  static long lap(List<String> timings, String stage, long since) {
    long now = System.nanoTime();
    timings.add(String.format("%-12s %6d ms", stage, (now - since) / 1_000_000));
    return now;
  }

  static String stripPdf(String name) {
    return name.toLowerCase().endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
  }

}
