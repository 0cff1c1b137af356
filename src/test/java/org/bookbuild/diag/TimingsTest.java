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

  /** Spends {@code nanos} of this thread's processor time (not wall time: the machine may be loaded). */
  private static void spin(long nanos) {
    long t0 = Timings.threadCpuNanos();
    long n = 0;
    while (Timings.threadCpuNanos() - t0 < nanos) n++;
    if (n < 0) throw new AssertionError();
  }

  @Test
  void restartLeavesWorkTimedElsewhereOutOfTheNextLap() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Timings.threadCpuNanos() >= 0, "no thread time in this JVM");
    // the pipeline's case: parse, transform and fo lap their own Timings; the next lap on the outer one is render
    Timings outer = new Timings();
    long t0 = outer.lap("project", System.nanoTime());
    spin(200_000_000); // work timed on another Timings
    outer.restart();
    outer.lap("render", System.nanoTime());
    Timings.Entry after = outer.entries().get(1);
    org.junit.jupiter.api.Assertions.assertTrue(after.cpuMs() < 50, after.toString());
    // without restart the same work lands on the next lap
    Timings plain = new Timings();
    plain.lap("project", t0);
    spin(200_000_000);
    plain.lap("render", System.nanoTime());
    org.junit.jupiter.api.Assertions.assertTrue(plain.entries().get(1).cpuMs() >= 190, plain.entries().get(1).toString());
  }

  @Test
  void jvmLineNamesTheProcessFigures() {
    Timings.markMain();
    String line = Timings.jvm();
    org.junit.jupiter.api.Assertions.assertTrue(line.matches("jvm:( process cpu \\d+ ms,)? up \\d+ ms \\(main at \\d+ ms\\),"
        + "( JIT \\d+ ms,)? GC \\d+ ms in \\d+ collections, [1-9]\\d* classes loaded"), line);
  }
}
