package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FOP's own events come back as diagnostics at the Markdown position of the block or text run they concern. */
class FopEventPositionTest {
  @TempDir Path dir;

  @Test
  void overflowingLinesPointAtTheirSource() throws Exception {
    String word = "x".repeat(400);
    String code = "y".repeat(300);
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "ch.md"),
        "ch.md", "# Over\n\nSome text.\n\nAnd here comes " + word + " done.\n\nMore text with `" + code + "` code.\n"));
    TestBooks.Run r = TestBooks.cli("build", dir.toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.stderr().matches("(?s).*\\nch\\.md:5:1: warning: [^\\n]*exceed the available area[^\\n]*\\[layout-overflow\\]\\n.*")
        || r.stderr().startsWith("ch.md:5:1: warning: "), "the paragraph's position:\n" + r.stderr());
    // FOP names the block whose line overflows, not the inline in it: the paragraph holding the code span. (Through an
    // identity transformer, FOP saw each start tag only at the next event, so a block's position was that of its
    // first inline after leading text, which here happened to be the code span.)
    assertTrue(r.stderr().contains("ch.md:7:1: warning: "), "the second paragraph's position:\n" + r.stderr());
    assertFalse(r.stderr().contains("See position"), "FO positions are not shown to authors:\n" + r.stderr());
    assertTrue(r.stderr().contains("hint: text past the margin"), r.stderr());
  }
}
