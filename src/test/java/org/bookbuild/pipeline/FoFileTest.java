package org.bookbuild.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FO file is written while the book is rendered: it is there when the build ends, and without it there is no PDF. */
class FoFileTest {
  @TempDir Path dir;

  private Pipeline.Result build(Diagnostics d) throws Exception {
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "a.md"), "a.md", "# A\n\nSome text.\n"));
    return Pipeline.build(new DiskWorld(dir, Map.of()), new Pipeline.Request(dir.resolve("out/a.pdf"), false), d);
  }

  @Test
  void theFoFileIsBesideThePdfWhenTheBuildEnds() throws Exception {
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = build(d);
    assertEquals(0, r.status(), d.all().toString());
    assertTrue(Files.exists(dir.resolve("out/a.pdf")));
    String fo = Files.readString(dir.resolve("out/a.fo"));
    assertTrue(fo.contains("<fo:root") && fo.contains("Some text."), fo.substring(0, Math.min(200, fo.length())));
  }

  @Test
  void anFoFileThatCannotBeWrittenMeansNoPdfAndSaysWhy() throws Exception {
    Files.createDirectories(dir.resolve("out/a.fo/in-the-way"));
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = build(d);
    assertEquals(2, r.status());
    assertFalse(Files.exists(dir.resolve("out/a.pdf")), "no PDF");
    assertTrue(d.all().stream().anyMatch(x -> x.ruleId().equals("output-unwritable") && x.message().contains("a.fo")),
        d.all().toString());
  }
}
