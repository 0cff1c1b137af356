package org.bookbuild.project;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;

  @Test
  void readsMystCompatibleKeysAndParts() throws Exception {
    TestBooks.write(dir, Map.of("book.yml", """
        title: Linear Algebra Notes
        authors:
          - name: A. Teacher
            affiliations: [Some University]
            email: a@example.org
        license: CC-BY-4.0
        math:
          '\\R': '\\mathbb{R}'
        frontmatter: [pre.md]
        toc:
          - file: one.md
          - title: Part Two
            children:
              - file: two.md
        appendices: [app.md]
        solutions: end-of-book
        """, "pre.md", "# Pre\n", "one.md", "# One\n", "two.md", "# Two\n", "app.md", "# App\n"));
    Diagnostics d = new Diagnostics();
    Project p = ProjectLoader.load(DiskWorld.of(dir), d);
    assertEquals("Linear Algebra Notes", p.meta().title());
    assertEquals("Some University", p.meta().authors().get(0).affiliation());
    assertEquals("\\mathbb{R}", p.mathMacros().get("\\R"));
    assertEquals("Part Two", p.toc().get(1).title());
    assertEquals("two.md", p.toc().get(1).children().get(0).file());
    assertEquals("end-of-book", p.options().solutions());
    assertEquals("linear-algebra-notes", p.output());
    assertTrue(d.all().isEmpty(), d.all().toString());
  }
}
