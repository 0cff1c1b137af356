package org.bookbuild.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;

/**
 * A source file's bytes as the UTF-8 every reader here expects. Files written on Windows often start with a byte order
 * mark (Notepad, Excel, some Jupyter front ends): it is dropped, or a file's first heading reads as text ("# Title"
 * printed with its hash, the chapter named after its file). UTF-16 with a mark is converted. A file that is not valid
 * UTF-8 (an older editor's Latin-1 or Windows-1252) is read as Windows-1252 — every byte is a character there, so
 * nothing is lost — with an {@code encoding} warning at the first byte that is not UTF-8, instead of printing
 * replacement characters without a word.
 */
public final class SourceText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private SourceText() {}

  /** The text's UTF-8 bytes without a byte order mark; the same array when nothing had to change. */
  public static byte[] utf8(String file, byte[] b, Diagnostics diags) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return java.util.Arrays.copyOfRange(b, 3, b.length);
    }
    if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
      Charset cs = (b[0] & 0xff) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new String(b, 2, b.length - 2, cs).getBytes(StandardCharsets.UTF_8);
    }
    int bad = firstInvalid(b);
    if (bad < 0) return b;
    diags.report(Diagnostic.warning("encoding", position(file, b, bad), file + " is not UTF-8 (byte 0x"
        + String.format("%02X", b[bad] & 0xff) + " here); read as Windows-1252 (Latin-1)")
        .withHint("save the file as UTF-8 in your editor"));
    return new String(b, WINDOWS_1252).getBytes(StandardCharsets.UTF_8);
  }

  /** Offset of the first byte that starts a malformed UTF-8 sequence, or -1 when the whole text is valid. */
  static int firstInvalid(byte[] b) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    try {
      dec.decode(in);
      return -1;
    } catch (CharacterCodingException e) {
      // find it: decode in steps so the buffer position lands on the bad sequence
      ByteBuffer scan = ByteBuffer.wrap(b);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, b.length));
      dec.reset();
      var r = dec.decode(scan, out, true);
      return r.isError() ? scan.position() : 0;
    }
  }

  /** Line and column (in characters) of a byte offset of valid UTF-8 before it. */
  private static SourcePos position(String file, byte[] b, int offset) {
    String before = new String(b, 0, offset, StandardCharsets.UTF_8);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return SourcePos.of(file, line, before.length() - lineStart + 1);
  }
}
