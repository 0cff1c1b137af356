package org.bookbuild.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bookbuild.TestBooks;
import org.bookbuild.check.PdfInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 of issue 14, through a real process: {@code book watch} on a book builds it, rebuilds after an edit
 * into a new valid PDF with a status line, keeps the last good PDF and prints the diagnostic after a broken edit,
 * and ends cleanly (no stack trace, a last line) when the process is told to stop.
 */
class WatchCommandTest {
  /** Generous: the first build in a fresh JVM on a loaded two-core machine. */
  private static final long WAIT_S = 240;

  @TempDir Path dir;

  @Test
  void rebuildsOnEditKeepsLastGoodPdfOnBrokenEditAndEndsCleanly() throws Exception {
    TestBooks.write(dir, Map.of(
        "book.yml", TestBooks.bookYml(null, "one.md", "two.md"),
        "one.md", "# One\n\nThe original paragraph of the first chapter.\n",
        "two.md", "# Two\n\nA second chapter with $x^2$ in it.\n"));
    Path pdf = dir.resolve("out/test-book.pdf");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Xss8m", "-cp", System.getProperty("java.class.path"),
        "org.bookbuild.cli.Main", "watch", dir.toString(), "--timings")
        .redirectErrorStream(true).start();
    List<String> all = new ArrayList<>();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) lines.add(l);
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String first = await(lines, all, l -> l.contains("start: wrote out/test-book.pdf"));
      assertTrue(first.matches("\\[\\d\\d:\\d\\d:\\d\\d] start: wrote out/test-book\\.pdf \\(\\d+ pages?, "
          + "(\\d+) of \\1 chapters laid out\\) in [\\d.]+ s; 0 errors, 0 warnings"), first);
      assertTrue(text(pdf).contains("original paragraph"), "first PDF holds the text");

      Files.writeString(dir.resolve("one.md"), "# One\n\nThe edited paragraph of the first chapter.\n");
      String edited = await(lines, all, l -> l.contains("one.md: wrote out/test-book.pdf") && textHas(pdf, "edited"));
      assertTrue(edited.contains("0 errors"), edited);
      // --timings: the next line says where the rebuild's time went, the transform and render stages' parts in brackets
      String timed = await(lines, all, l -> l.startsWith("  timings: "));
      assertTrue(timed.matches("  timings: project \\d+, parse \\d+, transform \\d+ \\[.*ResolveFigures \\d+.*ResolveRefs \\d+.*\\], "
          + "fo \\d+, .*render \\d+ \\[.*join \\d+.*\\], "
          + "finish \\d+.*read-back \\d+, write \\d+ ms; publish \\d+ ms"), timed);
      // the edit lays out the edited chapter again, not the book: the rest comes from the layout cache (the title
      // page, the contents and the other chapter)
      java.util.regex.Matcher laid = java.util.regex.Pattern.compile(", (\\d+) of (\\d+) chapters laid out").matcher(edited);
      assertTrue(laid.find(), edited);
      assertTrue(Integer.parseInt(laid.group(1)) < Integer.parseInt(laid.group(2)), edited);
      String good = text(pdf);
      assertFalse(good.contains("original paragraph"), "the new PDF replaced the old one");
      byte[] goodBytes = Files.readAllBytes(pdf);

      Files.writeString(dir.resolve("two.md"), "# Two\n\nBroken: $\\frac{1}{\\undefinedthing}$ here.\n");
      String kept = await(lines, all, l -> l.contains("two.md: kept the last good PDF"));
      assertTrue(kept.contains("1 error") && kept.contains("first: two.md:3:"), kept);
      assertTrue(kept.contains("[math-parse]"), kept);
      await(lines, all, l -> l.startsWith("two.md:3:") && l.contains("error:"));
      assertArrayEquals(goodBytes, Files.readAllBytes(pdf), "the last good PDF stays in place");
      try (PdfInspector in = PdfInspector.open(pdf)) {
        assertTrue(in.pageCount() > 0);
      }
    } finally {
      interrupt(p);
    }
    assertTrue(p.waitFor(WAIT_S, TimeUnit.SECONDS), "watch ends when told to");
    reader.join(10_000);
    lines.drainTo(all);
    String out = String.join("\n", all);
    assertTrue(out.endsWith("book watch: stopped"), out);
    assertFalse(out.contains("\tat ") || out.contains("Exception"), "no stack trace:\n" + out);
    try (var s = Files.list(dir.resolve("out"))) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no half-written file left");
    }
  }

  /**
   * Ctrl-C: SIGINT to the process where {@code kill} exists, else SIGTERM (the same shutdown hook). Not
   * {@link Process#destroy}: it closes our end of the pipe, and the last lines would be lost.
   */
  private static void interrupt(Process p) throws InterruptedException {
    try {
      if (new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor() == 0) return;
    } catch (IOException e) {
      // no kill command here
    }
    p.toHandle().destroy();
  }

  private static String await(BlockingQueue<String> lines, List<String> all, Predicate<String> want)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < end) {
      String l = lines.poll(500, TimeUnit.MILLISECONDS);
      if (l == null) continue;
      all.add(l);
      if (want.test(l)) return l;
    }
    fail("no such line within " + WAIT_S + " s; got:\n" + String.join("\n", all));
    return null;
  }

  private static String text(Path pdf) throws IOException {
    try (PdfInspector in = PdfInspector.open(pdf)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < in.pageCount(); i++) sb.append(in.text(i)).append('\n');
      return sb.toString();
    }
  }

  private static boolean textHas(Path pdf, String word) {
    try {
      return text(pdf).contains(word);
    } catch (IOException e) {
      return false;
    }
  }
}
