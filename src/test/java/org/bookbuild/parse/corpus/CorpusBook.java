package org.bookbuild.parse.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.FoWriter;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.SandboxException;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.model.Walk;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.MarkdownParser;
import org.bookbuild.project.Project;
import org.bookbuild.project.ProjectLoader;
import org.bookbuild.render.Renderer;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.transform.Context;
import org.bookbuild.transform.Transforms;

/**
 * Runs many small Markdown cases through the whole pipeline in one FOP run, for corpus tests: each case is parsed and
 * transformed on its own (its own labels, its own chapter), then all are set one after another in one book, each
 * after a marker paragraph, so that one FOP run serves them all and the PDF's text can be split back per case.
 * Relative images the cases name are provided as small PNG files, as the cases assume they exist.
 */
final class CorpusBook {
  /** One input case. */
  record Case(String group, String name, String markdown) {}

  /** What the build gave for one case: its diagnostics and the text of its part of the PDF. */
  record Outcome(Case input, List<Diagnostic> diagnostics, String pdfText, Throwable failure) {}

  static final String MARK = "QQCASE";

  private CorpusBook() {}

  static List<Outcome> build(Path dir, List<Case> cases, boolean render) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("book.yml"), "title: Corpus\nauthors:\n  - name: Test\ndate: 2026-01-15\n"
        + "license: CC-BY-4.0\ntoc:\n  - file: spec.md\n", StandardCharsets.UTF_8);
    DiskWorld world = new DiskWorld(dir, Map.of("SOURCE_DATE_EPOCH", "1767225600"));
    Diagnostics setup = new Diagnostics();
    Project project = ProjectLoader.load(world, setup);
    Style style = StyleLoader.load(world, project.options().style(), project.meta().language());
    MarkdownParser parser = new MarkdownParser();
    List<Diagnostics> perCase = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    List<Chapter> chapters = new ArrayList<>();
    String group = null;
    List<Block> current = null;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Diagnostics d = new Diagnostics();
      perCase.add(d);
      failures.add(null);
      if (!c.group().equals(group)) {
        group = c.group();
        current = new ArrayList<>();
        SourcePos p = SourcePos.of("spec.md", 1, 1);
        current.add(new Block.Heading(p, org.bookbuild.model.Attr.id("g" + chapters.size()), 1,
            List.of(new Inline.Text(p, group))));
        chapters.add(new Chapter("spec.md", "g" + chapters.size(), Chapter.Kind.BODY, current));
      }
      SourcePos at = SourcePos.of(file(i), 1, 1);
      current.add(new Block.Para(at, List.of(new Inline.Text(at, MARK + i + "X"))));
      try {
        List<Block> blocks = parser.parse(world, new LineIndex(file(i), c.markdown()), c.markdown(), d);
        provideImages(dir, world, blocks);
        Chapter ch = new Chapter("spec.md", "c" + i, Chapter.Kind.BODY, blocks);
        Book one = new Book(project.meta(), List.of(new Part("", "", List.of(ch))));
        one = Transforms.apply(one, new Context(project, style, d, world));
        for (Block b : one.chapters().get(0).blocks()) current.add(demote(b));
      } catch (RuntimeException e) {
        failures.set(i, e);
      }
    }
    Book book = new Book(project.meta(), List.of(new Part("", "", chapters)));
    Diagnostics late = new Diagnostics();
    String text = "";
    Context ctx = new Context(project, style, late, world);
    String fo = FoWriter.write(book, ctx);
    if (render) {
      byte[] pdf = Renderer.render(fo, style, world, project.meta(), new Date(1767225600000L), late);
      try (PdfInspector in = PdfInspector.open(pdf)) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < in.pageCount(); p++) sb.append(in.text(p)).append('\n');
        text = sb.toString();
      }
    }
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      List<Diagnostic> ds = new ArrayList<>(perCase.get(i).all());
      for (Diagnostic x : late.all()) if (x.pos().file().equals(file(i))) ds.add(x);
      out.add(new Outcome(cases.get(i), ds, segment(text, i), failures.get(i)));
    }
    unattributed = late.all().stream().filter(x -> !x.pos().file().startsWith("case-")).toList();
    return out;
  }

  /** Diagnostics of the shared FO/FOP run that name no case (reported by the tests). */
  static List<Diagnostic> unattributed = List.of();

  static String file(int i) {
    return "case-" + i + ".md";
  }

  private static String segment(String text, int i) {
    int a = text.indexOf(MARK + i + "X");
    if (a < 0) return "";
    int b = text.indexOf(MARK + (i + 1) + "X", a);
    return text.substring(a + (MARK + i + "X").length(), b < 0 ? text.length() : b);
  }

  /** A case's level-1 heading would open a chapter in the middle of the group: set it as a section instead. */
  private static Block demote(Block b) {
    if (b instanceof Block.Heading h && h.level() == 1) {
      return new Block.Heading(h.pos(), h.attr(), 2, h.content());
    }
    return b;
  }

  private static void provideImages(Path dir, DiskWorld world, List<Block> blocks) {
    Walk.blocks(blocks, n -> {
      if (!(n instanceof Inline.Image im)) return;
      String src = im.src();
      if (src.isEmpty() || src.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) return;
      try {
        String rel = world.resolve("spec.md", src);
        Path p = dir.resolve(rel);
        if (!Files.exists(p) && !rel.isEmpty()) {
          Files.createDirectories(p.getParent());
          Files.write(p, Png.small());
        }
      } catch (SandboxException e) {
        // outside the project: the case then rightly gets its diagnostic
      } catch (IOException | RuntimeException e) {
        // names that are not valid file names stay missing
      }
    });
  }
}
