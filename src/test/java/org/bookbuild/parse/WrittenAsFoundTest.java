package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.testing.PipelineBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Course notes as they are found, not as a careful author would write them: a Windows editor's byte order mark before
 * the first heading, a Latin-1 file, an image path with %20 for its spaces, LaTeX's \eqref and \ref in running text
 * (MathJax replaces them on the web), a picture inside its data address, and a tall plot right after a chapter's title. Each printed wrongly or went
 * missing before, without a word for most.
 */
class WrittenAsFoundTest {
  @TempDir Path dir;

  private static String png64() throws java.io.IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(50, 30, BufferedImage.TYPE_INT_RGB), "png", b);
    return java.util.Base64.getEncoder().encodeToString(b.toByteArray());
  }

  @Test
  void theseBooksPrintAsTheirAuthorsSawThem() throws Exception {
    Files.createDirectories(dir.resolve("img"));
    BufferedImage wide = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(wide, "png", dir.resolve("img/my plot.png").toFile());
    BufferedImage tall = new BufferedImage(600, 1500, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(tall, "png", dir.resolve("img/tall.png").toFile());
    Files.write(dir.resolve("bom.md"), "\uFEFF# Opened in Notepad\n\nSaved with a mark.\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("latin.md"), "# Latin\n\nCafé naïve déjà.\n".getBytes(Charset.forName("windows-1252")));
    var built = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("", "bom.md", "latin.md", "refs.md", "tall.md"),
        "refs.md", """
            # References

            $$
            E = mc^2 \\label{eq:energy}
            $$

            By \\eqref{eq:energy}, and in bare form \\ref{eq:energy}; code keeps `\\ref{eq:energy}`.

            ![spaces](img/my%20plot.png)

            ![embedded](data:image/png;base64,DATA)
            """.replace("DATA", png64()),
        "tall.md", """
            # Tall plot

            ![a tall plot](img/tall.png)

            After the plot.
            """));
    PdfInspector pdf = PdfInspector.open(built.pdf());
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < pdf.pageCount(); i++) all.append(pdf.text(i)).append('\n');
    String text = all.toString();
    assertFalse(text.contains("# Opened"), "the mark made the heading text");
    assertTrue(built.fo().contains(">Opened in Notepad<"), "the heading is the chapter's title");
    assertTrue(text.contains("Café naïve déjà."), text);
    assertEquals(1, built.rule("encoding").size());
    assertEquals("latin.md", built.rule("encoding").get(0).pos().file());
    assertTrue(text.contains("By (3.1), and in bare form 3.1; code keeps \\ref{eq:energy}."), text);
    assertTrue(built.rule("ref-unresolved").isEmpty(), built.diags().all().toString());
    assertTrue(built.rule("image-missing").isEmpty(), "my%20plot.png is img/my plot.png: " + built.diags().all());
    int images = 0;
    for (int i = 0; i < pdf.pageCount(); i++) images += pdf.images(i).size();
    assertEquals(3, images, "the %20 path, the data address and the tall plot");

    // the tall plot shares the chapter's first page with its title instead of taking a page of its own
    int titlePage = -1, plotPage = -1;
    for (int i = 0; i < pdf.pageCount(); i++) {
      if (pdf.text(i).contains("Tall plot") && titlePage < 0 && !pdf.text(i).contains("Contents")) titlePage = i;
      if (pdf.images(i).size() > 0 && pdf.text(i).contains("Tall plot") && !pdf.text(i).contains("Contents")) plotPage = i;
    }
    assertTrue(titlePage >= 0);
    assertEquals(titlePage, plotPage, "title and plot on one page");
  }
}
