package org.bookbuild.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.check.Preflight;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.finish.CropMarks;
import org.bookbuild.finish.FinishStep;
import org.bookbuild.finish.Finisher;
import org.bookbuild.finish.Grayscale;
import org.bookbuild.finish.PadPages;
import org.bookbuild.io.World;
import org.bookbuild.press.ImageSources;
import org.bookbuild.press.PageCountRules;
import org.bookbuild.press.Press;
import org.bookbuild.press.PressLayout;
import org.bookbuild.press.Presses;
import org.bookbuild.press.PrintFo;
import org.bookbuild.project.Project;
import org.bookbuild.render.RenderSettings;
import org.bookbuild.render.Renderer;
import org.bookbuild.style.Style;

/**
 * The build for a press ({@code book build --press NAME}): the same stages as the screen build, with the style's
 * page geometry from the press ({@link PressLayout}), links printed as text ({@link PrintFo}), FOP writing PDF/X with
 * the output-intent profile, the finish steps the press needs (blank padding pages, marks, grayscale), and preflight
 * on what was written, its failures reported as diagnostics. The gutter depends on the final page count: when the
 * count lands in another row of the press's table than the one laid out with, the book is laid out again.
 */
final class PressBuild {
  private PressBuild() {}

  /** The press and the colour the build is for. */
  record Plan(Presses presses, Press press, boolean grayscale) {}

  /** The screen PDF when nobody asked for a press. */
  static final Press SCREEN = new Press(Presses.NONE, "screen PDF", true, Press.Bleed.NONE, false, 0, List.of(), 0,
      java.util.Map.of(), null, null, "");

  /** At most this many layouts: a gutter change can move the count across a threshold and back. */
  static final int MAX_LAYOUTS = 3;

  static Plan plan(World world, Project project, Pipeline.Request req, Diagnostics diags) {
    Project.Print print = project.options().print();
    String name = req.press() != null ? req.press() : print.press();
    String colour = req.colour() != null ? req.colour() : print.colour();
    // where a wrong name was written: book.yml's press:/colour: line, or the command line
    SourcePos pressPos = req.press() != null ? SourcePos.NONE : project.where("press");
    if (!colour.equals("colour") && !colour.equals("grayscale")) {
      diags.error("press-unknown", req.colour() != null ? SourcePos.NONE : project.where("colour"),
          "colour must be 'colour' or 'grayscale', not '" + colour + "'");
      return null;
    }
    if (Presses.NONE.equals(name) && !colour.equals("grayscale")) {
      return new Plan(null, SCREEN, false);   // today's screen build: press.yml is not even read
    }
    try {
      Presses presses = Presses.load(world);
      return new Plan(presses, presses.get(name), colour.equals("grayscale"));
    } catch (Presses.PressException e) {
      diags.error("press-unknown", pressPos, e.getMessage());
      return null;
    }
  }

  static Pipeline.Result build(World world, Pipeline.Request req, Pipeline.Configured c, Plan plan, Diagnostics diags) {
    Project project = c.project();
    Style base = c.style();
    Press press = plan.press();
    List<String> timings = new ArrayList<>();
    Path pdfPath = req.out() != null ? req.out() : world.outputPath("out/" + project.output() + ".pdf");
    // a print interior goes to a printer, not to a reader: untagged (the screen PDF is the tagged PDF/UA one)
    RenderSettings screen = req.render().withTagged(false);
    RenderSettings settings = press.pdfX() == null ? screen
        : screen.withPdfX(press.pdfX(), plan.presses().profile().file());
    double gutter = press.gutterFor(0);
    Diagnostics attempt = null;
    Pipeline.FoResult r = null;
    byte[] pdf = null;
    org.bookbuild.render.RenderReport layout = null;
    PageCountRules.Count count = null;
    int padding = 0;
    List<Diagnostic> notes = new ArrayList<>();   // relayouts, kept across the attempts whose diagnostics are dropped
    for (int attemptNo = 1; attemptNo <= MAX_LAYOUTS; attemptNo++) {
      attempt = new Diagnostics();
      long t0 = System.nanoTime();
      Style style = PressLayout.apply(base, press, gutter, plan.grayscale());
      r = Pipeline.foFrom(world, attempt, c, style, req.progress(), req.edition(), req.resident());
      timings.addAll(r.timings().lines());
      if (r.fo() == null) break;
      String fo = PrintFo.unlink(r.fo().fo());
      try {
        Renderer.Rendered rendered = Renderer.render(new Renderer.Job(fo, r.fo().sources(), style, world,
            r.book().meta(), BuildDate.of(world, r.book().meta()), settings, req.progress()::chapters,
            req.progress()::pages), attempt);
        pdf = rendered.pdf();
        layout = rendered.report();
      } catch (Renderer.RenderException e) {
        attempt.error("render-failed", SourcePos.NONE, e.getMessage());
        pdf = null;
        break;
      }
      t0 = Pipeline.lap(timings, "render " + attemptNo, t0);
      timings.add(layout.summary());
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        count = Preflight.count(doc);
      } catch (IOException e) {
        attempt.error("finish-failed", SourcePos.NONE, "cannot read the PDF FOP wrote: " + e.getMessage());
        pdf = null;
        break;
      }
      padding = PageCountRules.padding(press, count);
      double want = press.gutterFor(count.pages() + padding);
      if (want == gutter || attemptNo == MAX_LAYOUTS) {
        if (want != gutter) {
          attempt.warn("press-gutter", SourcePos.NONE, "the gutter for " + (count.pages() + padding) + " pages is "
              + org.bookbuild.press.Length.in(want) + " but the book was laid out with " + org.bookbuild.press.Length.in(gutter)
              + " (the page count keeps crossing a threshold of the press's table)");
        }
        break;
      }
      notes.add(new Diagnostic("press-relayout", Severity.INFO, "laid out again: " + (count.pages() + padding)
          + " pages need a gutter of " + org.bookbuild.press.Length.in(want) + ", not " + org.bookbuild.press.Length.in(gutter),
          SourcePos.NONE, ""));
      gutter = want;
    }
    diags.absorb(attempt);
    notes.forEach(diags::report);
    if (r == null || r.fo() == null) return new Pipeline.Result(1, null, r == null ? null : r.book(), timings);
    if (pdf == null) return new Pipeline.Result(1, null, r.book(), timings);
    boolean failed = diags.hasErrors() || (req.strict() && diags.count(Severity.WARNING) > 0);
    if (failed && req.strict()) return new Pipeline.Result(1, null, r.book(), timings);

    long t0 = System.nanoTime();
    List<FinishStep> steps = new ArrayList<>();
    if (padding > 0) steps.add(new PadPages(padding));
    if (plan.grayscale()) steps.add(new Grayscale());
    else if (press.pdfX() != null) {
      // PDF/X with a CMYK output intent refuses device RGB, which FOP, Batik and the math painter all write
      FinishStep colour = plan.presses().profile().colourStep(world);
      if (colour != null) steps.add(colour);
    }
    if (press.marks()) steps.add(CropMarks.OFFSET);
    byte[] finished;
    try {
      finished = Finisher.finish(pdf, r.book().meta(), steps);
    } catch (IOException | RuntimeException e) {
      diags.error("finish-failed", SourcePos.NONE, "cannot finish the PDF FOP wrote: " + e.getMessage());
      return new Pipeline.Result(1, null, r.book(), timings);
    }
    Path foPath = pdfPath.resolveSibling(Pipeline.stripPdf(pdfPath.getFileName().toString()) + ".fo");
    try {
      String fo = r.fo().fo();
      world.writeAtomically(foPath, o -> o.write(fo.getBytes(StandardCharsets.UTF_8)));
      world.writeAtomically(pdfPath, o -> o.write(finished));
    } catch (IOException e) {
      diags.error("output-unwritable", SourcePos.NONE, "cannot write " + pdfPath + ": " + e.getMessage());
      return new Pipeline.Result(2, null, r.book(), timings);
    }
    t0 = Pipeline.lap(timings, "finish+write", t0);
    try {
      List<ImageSources.Source> images = null;
      for (Preflight.Finding f : Preflight.check(finished, new Preflight.Options(press, plan.grayscale()))) {
        SourcePos pos = SourcePos.NONE;
        String message = f.message();
        java.util.regex.Matcher px = java.util.regex.Pattern.compile("(\\d+)×(\\d+) px").matcher(f.place());
        if (f.rule().equals("press-image-resolution") && px.find()) {
          if (images == null) images = ImageSources.of(r.fo().fo(), r.fo().sources(), world);
          ImageSources.Source src = ImageSources.match(images, Integer.parseInt(px.group(1)), Integer.parseInt(px.group(2)));
          if (src != null) {
            pos = src.pos();
            message = src.file() + ": " + message;
          }
        }
        diags.report(new Diagnostic(f.rule(), f.severity(), "preflight for " + press.name() + ": "
            + (f.page() > 0 ? "page " + f.page() + ", " : "") + (f.place().isEmpty() ? "" : f.place() + ": ") + message,
            pos, ""));
      }
    } catch (IOException | RuntimeException e) {
      diags.error("press-preflight", SourcePos.NONE, "cannot run preflight on " + pdfPath + ": " + e.getMessage());
    }
    Pipeline.lap(timings, "preflight", t0);
    failed = diags.hasErrors() || (req.strict() && diags.count(Severity.WARNING) > 0);
    return new Pipeline.Result(failed ? 1 : 0, pdfPath, r.book(), timings, layout);
  }
}
