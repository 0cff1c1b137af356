package org.bookbuild.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.bookbuild.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Source files as editors save them: byte order marks, UTF-16, Latin-1. */
class SourceTextTest {
  private static String read(byte[] b, Diagnostics d) {
    return new String(SourceText.utf8("ch.md", b, d), StandardCharsets.UTF_8);
  }

  @Test
  void utf8ByteOrderMarkIsDropped() {
    Diagnostics d = new Diagnostics();
    byte[] b = "\uFEFF# Title\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("# Title\n", read(b, d));
    assertTrue(d.all().isEmpty());
  }

  @Test
  void utf16WithAMarkIsConverted() {
    Diagnostics d = new Diagnostics();
    assertEquals("# Tôt\n", read("\uFEFF# Tôt\n".getBytes(StandardCharsets.UTF_16LE), d));
    assertEquals("# Tôt\n", read("\uFEFF# Tôt\n".getBytes(StandardCharsets.UTF_16BE), d));
    assertTrue(d.all().isEmpty());
  }

  @Test
  void plainUtf8IsTheSameArray() {
    byte[] b = "# Café ∑\n".getBytes(StandardCharsets.UTF_8);
    assertSame(b, SourceText.utf8("ch.md", b, new Diagnostics()));
  }

  @Test
  void latin1IsReadAsWindows1252WithAWarningWhereItStops() {
    Diagnostics d = new Diagnostics();
    byte[] b = "# Title\n\nCafé “naïve”\n".getBytes(Charset.forName("windows-1252"));
    assertEquals("# Title\n\nCafé “naïve”\n", read(b, d));
    assertEquals(1, d.all().size());
    var w = d.all().get(0);
    assertEquals("encoding", w.ruleId());
    assertEquals(3, w.pos().line());
    assertEquals(4, w.pos().col(), "the é after Caf");
    assertTrue(w.message().contains("0xE9"), w.message());
  }
}
