package org.bookbuild.fo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column alignment from a GFM table's delimiter row reaches the cells without breaking the FO. */
class TableAlignTest {
  @TempDir Path dir;

  @Test
  void alignedColumnsBuildAndCarryTheirAlignment() throws Exception {
    String md = "# Tables\n\n| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | 12.5 |\n| cc | dd | 3.0 |\n";
    var b = PipelineBooks.build(dir, Map.of("book.yml", PipelineBooks.bookYml("", "t.md"), "t.md", md));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    assertTrue(b.fo().contains("text-align=\"right\""), "right-aligned column");
    assertTrue(b.fo().contains("text-align=\"center\""), "centred column");
    assertFalse(b.fo().matches("(?s).*<fo:table-cell[^>]*text-align=\"[a-z]+\"[^>]*text-align=.*"),
        "text-align given twice on one cell");
  }
}
