package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 8: an image linked into the project's own repository is read from the project's file; an address
 * elsewhere, or one whose file is not in the project, keeps today's placeholder and warning.
 */
class OwnImagesTest {
  @TempDir Path dir;

  private void png(String rel) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) for (int y = 0; y < 20; y++) img.setRGB(x, y, 0x3366aa + x * 0x10101 % 0x7f);
    ImageIO.write(img, "png", p.toFile());
  }

  private static int painted(PdfInspector pdf) throws Exception {
    int n = 0;
    for (int i = 0; i < pdf.pageCount(); i++) n += pdf.images(i).size();
    return n;
  }

  @Test
  void mystGithubLinksAreTheProjectsFiles() throws Exception {
    png("figures/plot.png");
    png("labs/img/cell.png");
    var built = PipelineBooks.build(dir, Map.of(
        "myst.yml", """
            version: 1
            project:
              title: Own images
              license: CC-BY-4.0
              github: https://github.com/someone/course
              toc:
                - file: index.md
                - file: labs/lab.md
            """,
        "index.md", """
            # Own images

            ![raw](https://raw.githubusercontent.com/someone/course/main/figures/plot.png)

            ![blob](https://github.com/someone/course/blob/main/figures/plot.png?raw=true)

            ![gone](https://github.com/someone/course/blob/main/figures/gone.png?raw=true)

            ![elsewhere](https://example.org/figures/plot.png)
            """,
        "labs/lab.md", "# Lab\n\n<img src=\"https://raw.githubusercontent.com/someone/course/master/labs/img/cell.png\" width=\"50%\">\n"));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    List<Diagnostic> remote = built.rule("image-remote");
    assertEquals(2, remote.size(), remote.toString());
    assertTrue(remote.get(0).message().contains("gone.png") && remote.get(1).message().contains("example.org"), remote.toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      assertEquals(3, painted(pdf), "the three images of the project's own repository are printed");
    }
  }

  @Test
  void jupyterBookRepositoryUrl() throws Exception {
    png("book/images/a.png".substring("book/".length()));
    var built = PipelineBooks.build(dir, Map.of(
        "_toc.yml", "format: jb-book\nroot: intro\n",
        "_config.yml", "title: T\nrepository:\n  url: https://github.com/someone/jb-course\n  path_to_book: book\n  branch: main\n",
        "intro.md", "# Intro\n\n![a](https://github.com/someone/jb-course/blob/main/book/images/a.png?raw=true)\n"));
    assertNotNull(built.pdf(), () -> built.diags().all().toString());
    assertTrue(built.rule("image-remote").isEmpty(), built.rule("image-remote").toString());
    try (PdfInspector pdf = PdfInspector.open(built.pdf())) {
      assertEquals(1, painted(pdf));
    }
  }
}
