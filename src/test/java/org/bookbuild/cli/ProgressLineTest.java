package org.bookbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The status line: redrawn in place on a terminal, plain lines elsewhere, nothing when quiet or for short builds. */
class ProgressLineTest {
  /**
   * A build that reports two stages, each drawn by one tick of the display (called here directly, so the test does
   * not depend on the scheduler of a loaded machine; the real ticker starts after a second).
   */
  private static String run(ProgressLine.Mode mode, boolean ticks) {
    StringWriter sw = new StringWriter();
    try (ProgressLine p = new ProgressLine(new PrintWriter(sw, true), mode, 3_600_000)) {
      p.stage("parse");
      if (ticks) p.tick();
      p.stage("render");
      p.chapters(3, 13);
      p.pages(40);
      p.pages(2);
      if (ticks) p.tick();
      if (ticks) p.tick();
    }
    return sw.toString();
  }

  @Test
  void terminalRedrawsOneLineInPlaceAndErasesIt() {
    String out = run(ProgressLine.Mode.TERMINAL, true);
    assertTrue(out.contains("\r\033[2Kbook: render · chapter 3/13 · 42 pages · "), out);
    assertFalse(out.contains("\n"), "never a new line on a terminal: " + out);
    assertTrue(out.endsWith("\r\033[2K"), "the line is erased at the end");
  }

  @Test
  void plainLinesWhenNotATerminal() {
    String out = run(ProgressLine.Mode.PLAIN, true);
    assertFalse(out.contains("\r") || out.contains("\033"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("book: parse · ")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("book: render · chapter 3/13 · 42 pages · ")), out);
    assertEquals(2, out.lines().count(), "one line per stage, not one per tick: " + out);
  }

  @Test
  void nothingWhenQuietOrWhenTheBuildIsShort() {
    assertEquals("", run(ProgressLine.Mode.OFF, true));
    assertEquals("", run(ProgressLine.Mode.TERMINAL, false));
    assertEquals(ProgressLine.Mode.OFF, ProgressLine.detect(true, true));
    assertEquals(ProgressLine.Mode.PLAIN, ProgressLine.detect(false, false));
  }
}
