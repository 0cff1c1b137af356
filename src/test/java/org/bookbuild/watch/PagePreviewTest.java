package org.bookbuild.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.bookbuild.check.ReadBack;
import org.bookbuild.pipeline.Progress;
import org.bookbuild.render.Preview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book watch}'s preview: after an edit that keeps every chapter's pages in place, the edited chapter's new pages
 * are put into the PDF on show before the full build joins the book. The PDF on show at the moment the preview's
 * status line is printed is captured and read back: a whole, valid PDF with every page, the edit on its page, the
 * other chapters' pages as they were, fonts embedded; then the full build replaces it.
 */
class PagePreviewTest {
  @TempDir Path dir;

  @Test
  void anEditInPlaceIsShownBeforeTheFullBuildAndTheFullBuildReplacesIt() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "one.md", "two.md", "three.md"),
        "one.md", "# One\n\nThe original paragraph of the first chapter, see {ref}`three`.\n",
        "two.md", "# Two\n\nA second chapter with $x^2 + \\frac{1}{2}$ in it.\n\nAnother paragraph.\n",
        "three.md", "(three)=\n# Three\n\nThe third chapter, last of all.\n"));
    Path pdf = dir.resolve("out/test-book.pdf");
    watching(pdf, (w, capture) -> {
      waitFor(() -> w.builds() >= 1);
      List<String> before = pages(Files.readAllBytes(pdf));
      Files.writeString(dir.resolve("two.md"),
          "# Two\n\nA second chapter with $x^2 + \\frac{1}{3}$ in it, now edited.\n\nAnother paragraph.\n");
      waitFor(() -> w.builds() >= 2);
      String log = capture.text();
      assertTrue(log.matches("(?s).*\\] two\\.md: preview of pages? [\\d–]+ in [\\d.]+ s; the full build goes on\n.*"
          + "\\] two\\.md: wrote .*"), log);
      assertNotNull(capture.preview, log);

      List<String> preview = pages(capture.preview);
      List<String> after = pages(Files.readAllBytes(pdf));
      assertEquals(before.size(), preview.size(), "every page is there");
      assertEquals(after.size(), preview.size());
      int edited = -1;
      for (int i = 0; i < preview.size(); i++) {
        if (preview.get(i).contains("now edited")) {
          edited = i;
          assertEquals(squash(after.get(i)), squash(preview.get(i)), "the edited page reads as the full build's");
        } else {
          assertEquals(before.get(i), preview.get(i), "page " + (i + 1) + " is the one on show before");
        }
      }
      assertTrue(edited >= 0, "the edit is on a page of the preview:\n" + preview);
      assertFalse(String.join("\n", after).contains("1}{2"));
      try (PdfInspector in = PdfInspector.open(capture.preview)) {
        for (PdfInspector.FontUse f : in.fonts(edited)) assertTrue(f.embedded(), f.toString());
        assertFalse(in.fonts(edited).isEmpty());
      }
      ReadBack.Report rb = ReadBack.read(capture.preview);
      assertTrue(rb.problems().isEmpty() && rb.notdefs().isEmpty(), rb.problems() + " " + rb.notdefs());
      assertFalse(java.util.Arrays.equals(capture.preview, Files.readAllBytes(pdf)), "the full build replaced it");
    });
  }

  /**
   * A word changed on the last page of a long chapter changes that page only: the preview paints it alone (the
   * chapter's other pages come out of the layout the same) and puts it in place.
   */
  @Test
  void aWordChangedOnOnePageOfALongChapterPreviewsThatPageAlone() throws Exception {
    StringBuilder longer = new StringBuilder("# Long\n\n");
    for (int k = 1; k <= 60; k++) {
      longer.append("Paragraph ").append(k).append(" of the long chapter says a few plain words about page layout, ")
          .append("so that the chapter runs over several pages of the book.\n\n");
    }
    String before = longer.toString();
    TestBooks.write(dir, Map.of("book.yml", TestBooks.bookYml(null, "one.md", "long.md"),
        "one.md", "# One\n\nA first chapter.\n", "long.md", before));
    Path pdf = dir.resolve("out/test-book.pdf");
    watching(pdf, (w, capture) -> {
      waitFor(() -> w.builds() >= 1);
      List<String> shown = pages(Files.readAllBytes(pdf));
      int last = shown.size() - 1;
      assertTrue(shown.get(last).contains("Paragraph 60") && !shown.get(last - 2).contains("Paragraph 60")
          && shown.get(last - 2).contains("Paragraph"), "the chapter runs over several pages: " + shown);
      Files.writeString(dir.resolve("long.md"), before.replace("Paragraph 60 of the long", "Paragraph 60 of the lengthy"));
      waitFor(() -> w.builds() >= 2);
      String log = capture.text();
      assertTrue(log.contains("long.md: preview of page " + (last + 1) + " in "), log);
      List<String> preview = pages(capture.preview);
      List<String> after = pages(Files.readAllBytes(pdf));
      assertEquals(shown.size(), preview.size());
      for (int i = 0; i < last; i++) assertEquals(shown.get(i), preview.get(i), "page " + (i + 1) + " as on show");
      assertTrue(preview.get(last).contains("of the lengthy"), preview.get(last));
      assertEquals(squash(after.get(last)), squash(preview.get(last)), "the page reads as the full build's");
      ReadBack.Report rb = ReadBack.read(capture.preview);
      assertTrue(rb.problems().isEmpty() && rb.notdefs().isEmpty(), rb.problems() + " " + rb.notdefs());
    });
  }

  @Test
  void pagesAreListedAsRuns() {
    assertEquals("page 7", PagePreview.pageList(List.of(6)));
    assertEquals("pages 7–9, 12", PagePreview.pageList(List.of(6, 7, 8, 11)));
  }

  @Test
  void onlyChaptersThatKeepTheirPagesArePreviewed() {
    List<Preview.Chapter> a = List.of(new Preview.Chapter("t", 0, 1), new Preview.Chapter("c1", 1, 4),
        new Preview.Chapter("c2", 5, 3));
    assertEquals(List.of(), PagePreview.changed(a, a));
    assertEquals(List.of(1), PagePreview.changed(a, List.of(a.get(0), new Preview.Chapter("c1'", 1, 4), a.get(2))));
    assertNull(PagePreview.changed(a, List.of(a.get(0), new Preview.Chapter("c1'", 1, 5),
        new Preview.Chapter("c2", 6, 3))), "a chapter that grew moves the pages after it");
    assertNull(PagePreview.changed(a, a.subList(0, 2)));
    assertNull(PagePreview.changed(null, a), "nothing on show");
  }

  /** What a test does with a running watch and its output. */
  private interface WhileWatching {
    void run(Watcher w, Capture capture) throws Exception;
  }

  /** Starts a watch on the test book (polling), runs {@code body} while it watches, and stops it. */
  private void watching(Path pdf, WhileWatching body) throws Exception {
    Capture capture = new Capture(pdf);
    Watcher w = new Watcher(new Watcher.Settings(dir, null, false, true), new PrintWriter(capture, true),
        () -> Progress.NONE);
    Thread t = new Thread(w::run);
    t.start();
    try {
      body.run(w, capture);
    } finally {
      w.stop();
      t.join(120_000);
    }
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    try (PdfInspector in = PdfInspector.open(pdf)) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < in.pageCount(); i++) out.add(in.text(i));
      return out;
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + 240_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("timed out");
      Thread.sleep(100);
    }
  }

  /** The watch's output; copies the PDF on show when the preview's line is written (on the build's thread). */
  private static final class Capture extends Writer {
    private final Path pdf;
    private final StringWriter text = new StringWriter();
    volatile byte[] preview;

    Capture(Path pdf) {
      this.pdf = pdf;
    }

    @Override
    public synchronized void write(char[] b, int off, int len) {
      String s = new String(b, off, len);
      text.write(s);
      if (s.contains(": preview of ") && preview == null) {
        try {
          preview = Files.readAllBytes(pdf);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
