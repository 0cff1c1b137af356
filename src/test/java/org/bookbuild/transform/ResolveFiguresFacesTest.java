package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.ForwardingWorld;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Part;
import org.bookbuild.style.Style;
import org.bookbuild.style.StyleLoader;
import org.bookbuild.testing.ModelBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's text faces are made known to Java2D for figure text once per process, not on every build of a watch. */
class ResolveFiguresFacesTest {
  @TempDir Path dir;

  @Test
  void aSecondBuildInTheSameProcessReadsNoFontFileForFigureText() throws Exception {
    List<String> read = new ArrayList<>();
    ForwardingWorld world = new ForwardingWorld(new DiskWorld(dir, Map.of())) {
      @Override
      public Optional<byte[]> builtin(String path) {
        if (path.contains("fonts/")) read.add(path);
        return super.builtin(path);
      }
    };
    Style style = StyleLoader.load(world, "default", "en");
    Book book = new Book(ModelBooks.meta(), List.of(new Part("", "", List.of(new Chapter("ch1.md", "ch1", Chapter.Kind.BODY,
        List.of())))));
    new ResolveFigures().apply(book, new Context(ModelBooks.project(List.of(), ""), style, new Diagnostics(), world));
    read.clear();
    new ResolveFigures().apply(book, new Context(ModelBooks.project(List.of(), ""), style, new Diagnostics(), world));
    assertEquals(List.of(), read, "font files read again by the second build");
  }
}
