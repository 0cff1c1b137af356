package org.bookbuild.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void partsSumAndPrintUnderTheirStage() {
    Timings t = new Timings();
    t.add("parse", 12);
    t.add("render", 40);
    t.addUp("join", 0);
    Timings inner = new Timings();
    inner.addUp("layout", 5_000_000);
    inner.addUp("layout", 7_000_000);
    inner.add("join", 20);
    t.addAll("render.", inner);
    t.add("write", 3);
    assertEquals(List.of(new Timings.Entry("layout", 12), new Timings.Entry("join", 20)), inner.entries());
    Timings laps = new Timings();
    long t0 = laps.lap("first", System.nanoTime());
    long spin = 0;
    while (System.nanoTime() - t0 < 30_000_000) spin++;
    laps.lap("busy", t0);
    Timings.Entry busy = laps.entries().get(1);
    org.junit.jupiter.api.Assertions.assertTrue(busy.ms() >= 30 && spin > 0, busy.toString());
    // thread time is measured where the JVM can; a busy loop on this thread spends it
    org.junit.jupiter.api.Assertions.assertTrue(busy.cpuMs() == -1 || busy.cpuMs() > 0, busy.toString());
    org.junit.jupiter.api.Assertions.assertTrue(laps.lines().get(1).contains("thread cpu") == (busy.cpuMs() >= 0));
    assertEquals("parse 12, render 40, join 0 [layout 12, join 20], write 3 ms", t.line());
    assertEquals(List.of(
        "parse                        12 ms",
        "render                       40 ms",
        "join                          0 ms",
        "  render.layout              12 ms",
        "  render.join                20 ms",
        "write                         3 ms"), t.lines());
  }
}
