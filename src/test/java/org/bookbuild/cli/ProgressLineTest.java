package org.bookbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The status line: redrawn in place on a terminal, plain lines elsewhere, nothing when quiet or for short builds. */
class ProgressLineTest {
  private static String run(ProgressLine.Mode mode, long delayMs) throws InterruptedException {
    StringWriter sw = new StringWriter();
    try (ProgressLine p = new ProgressLine(new PrintWriter(sw, true), mode, delayMs)) {
      p.stage("parse");
      Thread.sleep(400);
      p.stage("render");
      p.chapters(3, 13);
      p.pages(40);
      p.pages(2);
      Thread.sleep(400);
    }
    return sw.toString();
  }

  @Test
  void terminalRedrawsOneLineInPlaceAndErasesIt() throws InterruptedException {
    String out = run(ProgressLine.Mode.TERMINAL, 0);
    assertTrue(out.contains("\r\033[2Kbook: render · chapter 3/13 · 42 pages · "), out);
    assertFalse(out.contains("\n"), "never a new line on a terminal: " + out);
    assertTrue(out.endsWith("\r\033[2K"), "the line is erased at the end");
  }

  @Test
  void plainLinesWhenNotATerminal() throws InterruptedException {
    String out = run(ProgressLine.Mode.PLAIN, 0);
    assertFalse(out.contains("\r") || out.contains("\033"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("book: parse · ")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("book: render · chapter 3/13 · 42 pages · ")), out);
    assertEquals(2, out.lines().count(), "one line per stage, not one per tick: " + out);
  }

  @Test
  void nothingWhenQuietOrWhenTheBuildIsShort() throws InterruptedException {
    assertEquals("", run(ProgressLine.Mode.OFF, 0));
    assertEquals("", run(ProgressLine.Mode.TERMINAL, 60_000));
    assertEquals(ProgressLine.Mode.OFF, ProgressLine.detect(true, true));
    assertEquals(ProgressLine.Mode.PLAIN, ProgressLine.detect(false, false));
  }
}
