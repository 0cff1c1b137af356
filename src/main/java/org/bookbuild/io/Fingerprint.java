package org.bookbuild.io;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A 128-bit fingerprint of content, for the caches that ask "is this the same as last time?" (layout-cache keys, the
 * signatures of FO sequences, file facts, read-back traces). Not a cryptographic hash: nobody chooses the inputs to
 * collide, and 128 bits make an accidental collision between two of a book's pieces far less likely than a disk error.
 *
 * <p>Why not SHA-256: a book build runs with the C1 compiler only ({@code book} launcher), and C1 has no intrinsic for
 * SHA-256, so the digest ran as plain Java at about 50 cycles a byte. Keying a 300-page book's layout cache hashed its
 * whole FO twice per build (sequence signatures, then piece keys): the largest single cost between a save and the
 * preview in {@code book watch} (JFR). This mixes 16 bytes per step with two multiplies per 8 bytes.
 *
 * <p>The mixing is the two-lane multiply–rotate scheme of MurmurHash3's 128-bit variant, with its published constants;
 * each {@link #add} also mixes in the part's length, so the parts "ab"+"c" and "a"+"bc" differ. Stable across runs and
 * machines (the layout cache on disk relies on it).
 */
public final class Fingerprint {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h1 = 0x9368e53c2f6af274L;
  private long h2 = 0x586dcd208f7cd3fdL;
  private long total;

  /** Adds a string's UTF-8 bytes. */
  public Fingerprint add(String s) {
    return add(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds the characters {@code from} to {@code to} of a string, two bytes each, without copying the range into a string
   * of its own or encoding it (a different byte stream from {@link #add(String)}'s UTF-8).
   */
  public Fingerprint add(String s, int from, int to) {
    int len = Math.max(0, to - from);
    char[] c = new char[Math.min(8192, len)];
    long a = h1;
    long d = h2;
    int rest = 0;
    for (int at = from; at < to; at += c.length) {
      int n = Math.min(c.length, to - at);
      s.getChars(at, at + n, c, 0);
      int end = n & ~7;
      // eight characters a step, four to a lane, read straight from the chars (no byte array, half the loads)
      for (int i = 0; i < end; i += 8) {
        a ^= lane1(c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48);
        a = Long.rotateLeft(a, 27);
        a += d;
        a = a * 5 + 0x52dce729;
        d ^= lane2(c[i + 4] | (long) c[i + 5] << 16 | (long) c[i + 6] << 32 | (long) c[i + 7] << 48);
        d = Long.rotateLeft(d, 31);
        d += a;
        d = d * 5 + 0x38495ab5;
      }
      for (int i = end; i < n; i++) {
        a ^= lane1(c[i] | (long) (i - end) << 16);
        a = Long.rotateLeft(a, 27) * 5;
        rest++;
      }
    }
    d ^= lane2(((long) len) << 32 | rest);
    a += d;
    d += a;
    h1 = a;
    h2 = d;
    total += 2L * len;
    return this;
  }

  /** Adds bytes. */
  public Fingerprint add(byte[] b) {
    return add(b, 0, b.length);
  }

  /** Adds {@code len} bytes of {@code b} from {@code off}. */
  public Fingerprint add(byte[] b, int off, int len) {
    long a = h1;
    long c = h2;
    int end = off + (len & ~15);
    for (int i = off; i < end; i += 16) {
      a ^= lane1(long64(b, i));
      a = Long.rotateLeft(a, 27);
      a += c;
      a = a * 5 + 0x52dce729;
      c ^= lane2(long64(b, i + 8));
      c = Long.rotateLeft(c, 31);
      c += a;
      c = c * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int rest = len & 15;
    for (int j = rest - 1; j >= 8; j--) k2 = (k2 << 8) | (b[end + j] & 0xff);
    for (int j = Math.min(rest, 8) - 1; j >= 0; j--) k1 = (k1 << 8) | (b[end + j] & 0xff);
    // the tail and the part's length always go in, so an empty part still counts
    k2 ^= ((long) len) << 32 | rest;
    c ^= lane2(k2);
    a ^= lane1(k1);
    a += c;
    c += a;
    h1 = a;
    h2 = c;
    total += len;
    return this;
  }

  /** The 16 bytes of the fingerprint. */
  public byte[] bytes() {
    long a = h1 ^ total;
    long c = h2 ^ total;
    a += c;
    c += a;
    a = mix(a);
    c = mix(c);
    a += c;
    c += a;
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (a >>> (56 - 8 * i));
      out[8 + i] = (byte) (c >>> (56 - 8 * i));
    }
    return out;
  }

  /** The fingerprint as 32 lower-case hex digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  /** The fingerprint of some bytes. */
  public static byte[] of(byte[] b) {
    return new Fingerprint().add(b).bytes();
  }

  private static long lane1(long k) {
    return Long.rotateLeft(k * C1, 31) * C2;
  }

  private static long lane2(long k) {
    return Long.rotateLeft(k * C2, 33) * C1;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long long64(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
        | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
  }
}
