package org.bookbuild.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.fo.FoWriter;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Metadata;
import org.bookbuild.model.Part;
import org.bookbuild.project.Project;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.transform.Context;
import org.bookbuild.transform.Transforms;

/**
 * Runs model-level books (built in Java, no parsing) through the transforms and the FO writer, for tests of back
 * matter and renderers that must not depend on the Markdown parser.
 */
public final class ModelBooks {
  private ModelBooks() {}

  /** The outcome: the transformed book, its FO and the diagnostics. */
  public record Written(Book book, String fo, Diagnostics diags, Context ctx) {
    /** Renders the FO with FOP, as the pipeline does. */
    public byte[] pdf() throws Exception {
      return org.bookbuild.render.Renderer.render(fo, ctx.style(), ctx.world(), book.meta(), new java.util.Date(0), diags);
    }
  }

  public static Metadata meta() {
    return new Metadata("Test Book", "", List.of(new Metadata.Author("Ada Author", "", "")), "2026-01-15",
        "CC-BY-4.0", "", "", "en", List.of(), "");
  }

  /** A project with the given bibliography files and extra option values (by {@code Options} component name). */
  public static Project project(List<String> bibliography, String citationStyle) {
    Project.Options o = new Project.Options("default", bibliography, "end-of-chapter", true, 3, "labelled", Map.of(), citationStyle, "", Map.of());
    return new Project("book.yml", "book", meta(), List.of(), List.of(), List.of(), List.of(), Map.of(), o, Map.of());
  }

  /** Each list of blocks becomes one body chapter {@code ch1, ch2 …}. */
  @SafeVarargs
  public static Written write(Path root, Project project, List<Block>... chapters) throws IOException {
    List<Chapter> cs = new ArrayList<>();
    for (int i = 0; i < chapters.length; i++) cs.add(new Chapter("ch" + (i + 1) + ".md", "ch" + (i + 1), Chapter.Kind.BODY, chapters[i]));
    Book book = new Book(project.meta(), List.of(new Part("", "", cs)));
    Diagnostics diags = new Diagnostics();
    DiskWorld world = new DiskWorld(root, Map.of());
    Context ctx = new Context(project, StyleLoader.load(world, "default", "en"), diags, world);
    Book out = Transforms.apply(book, ctx);
    return new Written(out, FoWriter.write(out, ctx), diags, ctx);
  }
}
