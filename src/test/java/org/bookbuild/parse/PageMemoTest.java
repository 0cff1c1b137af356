package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Book;
import org.bookbuild.project.ProjectLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book watch} parses only what changed: a page whose bytes and every file its parse read are unchanged comes
 * from the memo, with its diagnostics, and gives the same book as a parse; an edit to a page or to a file it includes
 * parses that page again.
 */
class PageMemoTest {
  @TempDir Path dir;

  private Book read(PageMemo memo, Diagnostics d) throws Exception {
    DiskWorld w = DiskWorld.of(dir);
    return BookReader.read(w, ProjectLoader.load(w, new Diagnostics()), d, memo);
  }

  private static List<String> messages(Diagnostics d) {
    return d.all().stream().map(Diagnostic::format).toList();
  }

  @Test
  void unchangedPagesComeFromTheMemoAndEditsAreSeenThroughIncludes() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "one.md", "two.md"),
        "one.md", "# One\n\nFirst chapter with {unknownrole}`x` in it.\n\n```{include} part.md\n```\n",
        "part.md", "An included paragraph.\n",
        "two.md", "# Two\n\nSecond chapter.\n"));
    PageMemo memo = new PageMemo();
    Diagnostics plain = new Diagnostics();
    Book parsed = read(null, plain);
    Diagnostics first = new Diagnostics();
    assertEquals(parsed, read(memo, first));
    assertEquals(0, memo.hits());
    Diagnostics second = new Diagnostics();
    assertEquals(parsed, read(memo, second), "the memo's book is the parse's");
    assertEquals(2, memo.hits(), "both pages from the memo");
    assertEquals(messages(plain), messages(second), "with the same diagnostics");
    assertTrue(messages(second).stream().anyMatch(m -> m.contains("unknownrole")), messages(second).toString());

    Files.writeString(dir.resolve("part.md"), "An included paragraph, edited.\n");
    Book edited = read(memo, new Diagnostics());
    assertEquals(3, memo.hits(), "only two.md from the memo: one.md includes the edited file");
    assertEquals(read(null, new Diagnostics()), edited);
    assertTrue(edited.toString().contains("edited"));

    Files.writeString(dir.resolve("two.md"), "# Two\n\nSecond chapter, edited.\n");
    Book again = read(memo, new Diagnostics());
    assertEquals(4, memo.hits(), "one.md from the memo, two.md parsed");
    assertEquals(read(null, new Diagnostics()), again);
  }
}
