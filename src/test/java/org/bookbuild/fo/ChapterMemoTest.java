package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bookbuild.TestBooks;
import org.bookbuild.testing.MemoBuilds;
import org.bookbuild.testing.MemoBuilds.Built;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book watch} writes again only the chapters whose FO can have changed: a build with the chapter memo gives the
 * same FO text and the same diagnostics as a build without it, while unchanged chapters come from the memo; an edit to
 * a chapter, to an image a chapter shows, or to a macro an earlier chapter defines writes the chapters concerned again.
 */
class ChapterMemoTest {
  @TempDir Path dir;

  private Built same(Resident resident) throws Exception {
    return MemoBuilds.same(dir, resident, "");
  }

  private void png(String name, int w, int h) throws Exception {
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(name).toFile());
  }

  @Test
  void unchangedChaptersComeFromTheMemoAndWhatTheyDependOnIsChecked() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "one.md", "two.md", "three.md"),
        "one.md", "# One\n\nA macro for later: $\\newcommand{\\vv}{\\mathbf{v}} \\vv$ and a role {unknownrole}`x`.\n",
        "two.md", "# Two\n\nUses it: $\\vv + 1$, and a character no font has: \uD81C\uDC00.\n\n(sec-two)=\n## Part\n\nText.\n",
        "three.md", "# Three\n\nSee {ref}`sec-two`.\n\n![A picture](pic.png)\n"));
    png("pic.png", 40, 20);
    Resident resident = Resident.fresh();
    ChapterMemo memo = resident.chapters();

    Built first = same(resident);
    assertEquals(0, memo.hits());
    assertEquals(3, memo.writes());
    assertTrue(first.diags().stream().anyMatch(m -> m.contains("glyph-missing")), first.diags().toString());
    assertTrue(first.diags().stream().anyMatch(m -> m.contains("unknownrole")), first.diags().toString());

    Built second = same(resident);
    assertEquals(3, memo.hits(), "every chapter from the memo");
    assertEquals(3, memo.writes());
    assertEquals(first, second);

    Files.writeString(dir.resolve("two.md"), Files.readString(dir.resolve("two.md")).replace("Text.", "Text, edited."));
    Built edited = same(resident);
    assertEquals(5, memo.hits(), "one and three from the memo");
    assertEquals(4, memo.writes(), "two written again");
    assertTrue(edited.fo().contains("Text, edited."));

    png("pic.png", 20, 40);
    same(resident);
    assertEquals(7, memo.hits(), "one and two from the memo");
    assertEquals(5, memo.writes(), "three written again: its image changed");

    Files.writeString(dir.resolve("one.md"), Files.readString(dir.resolve("one.md")).replace("\\mathbf{v}", "\\mathsf{w}"));
    Built macro = same(resident);
    assertEquals(8, memo.writes(), "one, two (which uses the macro one defines) and three (after it) again");
    assertNotEquals(edited.fo(), macro.fo());
  }
}
