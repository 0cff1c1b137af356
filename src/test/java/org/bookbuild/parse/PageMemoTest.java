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
        "book.yml", TestBooks.bookYml(null, "one.md", "two.md", "three.md"),
        "one.md", "# One\n\nFirst chapter with {unknownrole}`x` in it.\n\n```{include} part.md\n```\n",
        "part.md", "An included paragraph.\n",
        "two.md", "# Two\n\nSecond chapter.\n"));
    // front matter and a Latin-1 byte: what the memo keeps is the page as read, notes and warnings with it
    Files.write(dir.resolve("three.md"), "---\nsubtitle: Sub\nkernelspec: python3\n---\n# Three\n\nCaf\u00e9.\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));    PageMemo memo = new PageMemo();
    Diagnostics plain = new Diagnostics();
    Book parsed = read(null, plain);
    Diagnostics first = new Diagnostics();
    assertEquals(parsed, read(memo, first));
    assertEquals(0, memo.hits());
    Diagnostics second = new Diagnostics();
    assertEquals(parsed, read(memo, second), "the memo's book is the parse's");
    assertEquals(3, memo.hits(), "every page from the memo");
    assertEquals(messages(plain), messages(second), "with the same diagnostics");
    for (String said : List.of("unknownrole", "three.md is not UTF-8", "'kernelspec' is not used")) {
      assertTrue(messages(second).stream().anyMatch(m -> m.contains(said)), said + " in " + messages(second));
    }
    assertTrue(parsed.toString().contains("Caf\u00e9") && parsed.toString().contains("Sub"), "read as Latin-1, subtitle kept");

    Files.writeString(dir.resolve("part.md"), "An included paragraph, edited.\n");
    Book edited = read(memo, new Diagnostics());
    assertEquals(5, memo.hits(), "only two.md and three.md from the memo: one.md includes the edited file");
    assertEquals(read(null, new Diagnostics()), edited);
    assertTrue(edited.toString().contains("edited"));

    Files.writeString(dir.resolve("two.md"), "# Two\n\nSecond chapter, edited.\n");
    Book again = read(memo, new Diagnostics());
    assertEquals(7, memo.hits(), "one.md and three.md from the memo, two.md parsed");
    assertEquals(read(null, new Diagnostics()), again);
  }
}
