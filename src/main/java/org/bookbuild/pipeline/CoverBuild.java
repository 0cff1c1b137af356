package org.bookbuild.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.finish.CoverMarks;
import org.bookbuild.finish.Finisher;
import org.bookbuild.fo.SourceMap;
import org.bookbuild.io.World;
import org.bookbuild.press.Cover;
import org.bookbuild.press.Press;
import org.bookbuild.press.Presses;
import org.bookbuild.project.Project;
import org.bookbuild.render.RenderSettings;
import org.bookbuild.render.Renderer;

/**
 * {@code book cover}: the full-wrap cover for a press. The spine needs the final page count: it is read from the
 * interior PDF given with {@code --interior}, or else the interior is built for the same press first (written beside
 * the cover as {@code out/<name>-<press>.pdf}, so that the cover and the interior sent to the shop match).
 */
public final class CoverBuild {
  private CoverBuild() {}

  /** What to make; {@code interior} and {@code out} may be null (defaults above), {@code image} null: book.yml's. */
  public record Request(String press, String paper, Path interior, Path out, boolean guides, String image) {}

  public record Result(int status, Path pdf, Cover.Geometry geometry) {}

  public static Result build(World world, Request req, Diagnostics diags) {
    return BigStack.call(() -> buildHere(world, req, diags));
  }

  private static Result buildHere(World world, Request req, Diagnostics diags) {
    Pipeline.Configured c = Pipeline.configure(world, diags, Pipeline.Edition.BASE);
    if (c == null) return new Result(2, null, null);
    Project project = c.project();
    Presses presses;
    Press press;
    try {
      presses = Presses.load(world);
      press = presses.get(req.press());
      if (press.screen()) throw new Presses.PressException("a cover is for a print shop: name one with --press (kdp, ingramspark, lulu, offset)");
    } catch (Presses.PressException e) {
      diags.error("press-unknown", SourcePos.NONE, e.getMessage());
      return new Result(2, null, null);
    }
    Path interior = req.interior();
    if (interior == null) {
      interior = world.outputPath("out/" + project.output() + "-" + press.name() + ".pdf");
      Pipeline.Result r = Pipeline.build(world, new Pipeline.Request(interior, false, press.name(), null), diags);
      if (r.pdf() == null) return new Result(1, null, null);
    }
    int pages;
    try (PDDocument doc = Loader.loadPDF(interior.toFile())) {
      pages = doc.getNumberOfPages();
    } catch (IOException e) {
      diags.error("press-cover", SourcePos.NONE, "cannot read the interior " + interior + " for its page count: " + e.getMessage());
      return new Result(2, null, null);
    }
    Cover.Geometry g;
    try {
      g = Cover.geometry(c.style(), press, pages, req.paper() == null ? "white" : req.paper());
    } catch (Presses.PressException e) {
      diags.error("press-unknown", SourcePos.NONE, e.getMessage());
      return new Result(2, null, null);
    }
    String image = req.image() != null ? req.image() : project.options().print().coverImage();
    if (!image.isBlank() && !world.exists(image)) {
      diags.warn("press-cover", project.where("cover"), "cover image " + image + " not found; the front has no image");
      image = "";
    }
    String fo = Cover.fo(g, project.meta(), c.style(), image.isBlank() ? null : image);
    // one page: nothing to gain from laying it out per chapter or keeping it in the layout cache
    RenderSettings settings = RenderSettings.DEFAULT.withPerChapter(false).withCache(false);
    if (press.pdfX() != null) settings = settings.withPdfX(press.pdfX(), presses.profile().file());
    byte[] pdf;
    try {
      pdf = Renderer.render(new Renderer.Job(fo, SourceMap.empty(), c.style(), world, project.meta(),
          BuildDate.of(world, project.meta()), settings), diags).pdf();
    } catch (Renderer.RenderException e) {
      diags.error("render-failed", SourcePos.NONE, e.getMessage());
      return new Result(1, null, g);
    }
    List<double[]> guides = new ArrayList<>();
    if (req.guides()) {
      for (Cover.Rect r : List.of(g.back(), g.spineRect(), g.front(), g.back().inset(g.safety()), g.front().inset(g.safety()), g.barcode())) {
        guides.add(new double[] {r.x(), r.y(), r.w(), r.h()});
      }
    }
    Path out = req.out() != null ? req.out()
        : world.outputPath("out/" + project.output() + "-cover-" + press.name() + ".pdf");
    try {
      List<org.bookbuild.finish.FinishStep> steps = new ArrayList<>();
      // the cover's colour within a CMYK output intent, as the interior's (PressBuild)
      org.bookbuild.finish.FinishStep colour = press.pdfX() == null ? null : presses.profile().colourStep(world);
      if (colour != null) steps.add(colour);
      steps.add(new CoverMarks(g.bleed(), guides));
      byte[] finished = Finisher.finish(pdf, project.meta(), steps);
      world.writeAtomically(out, o -> o.write(finished));
    } catch (IOException | RuntimeException e) {
      diags.error("output-unwritable", SourcePos.NONE, "cannot write " + out + ": " + e.getMessage());
      return new Result(2, null, g);
    }
    return new Result(diags.hasErrors() ? 1 : 0, out, g);
  }
}
