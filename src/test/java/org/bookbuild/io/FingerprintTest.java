package org.bookbuild.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void everyByteOfEveryLengthCounts() {
    // each length 0..40 (every tail length, one and two blocks), each byte flipped in turn: all fingerprints distinct
    Set<String> seen = new HashSet<>();
    int made = 0;
    for (int len = 0; len <= 40; len++) {
      byte[] b = new byte[len];
      seen.add(new Fingerprint().add(b).hex());
      made++;
      for (int i = 0; i < len; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] c = b.clone();
          c[i] ^= (byte) (1 << bit);
          seen.add(new Fingerprint().add(c).hex());
          made++;
        }
      }
    }
    assertEquals(made, seen.size(), "a flipped bit or a longer run of zeros gave a fingerprint seen before");
  }

  @Test
  void aRangeOfCharactersCountsEveryCharacterAndItsPlace() {
    Set<String> seen = new HashSet<>();
    int made = 0;
    for (int len = 0; len <= 20; len++) {
      String base = "x".repeat(3) + "a".repeat(len) + "y";
      seen.add(new Fingerprint().add(base, 3, 3 + len).hex());
      made++;
      for (int i = 0; i < len; i++) {
        for (char c : new char[] {'b', '\u2202', '\u0100'}) {
          StringBuilder v = new StringBuilder(base);
          v.setCharAt(3 + i, c);
          seen.add(new Fingerprint().add(v.toString(), 3, 3 + len).hex());
          made++;
        }
      }
    }
    assertEquals(made, seen.size(), "a changed character or length gave a fingerprint seen before");
    String big = "λ".repeat(9000) + "tail";
    assertEquals(new Fingerprint().add(big, 100, 9004).hex(),
        new Fingerprint().add("q" + big.substring(100, 9004), 1, 8905).hex(),
        "the same characters, wherever they sit in their string");
  }

  @Test
  void partsAreKeptApart() {
    String ab = new Fingerprint().add("ab").add("c").hex();
    String a = new Fingerprint().add("a").add("bc").hex();
    String abc = new Fingerprint().add("abc").hex();
    String withEmpty = new Fingerprint().add("abc").add("").hex();
    assertEquals(4, Set.of(ab, a, abc, withEmpty).size());
  }

  @Test
  void sameContentSameFingerprintAndStringsAreUtf8() {
    Random r = new Random(7);
    byte[] b = new byte[10_007];
    r.nextBytes(b);
    assertArrayEquals(Fingerprint.of(b), Fingerprint.of(b.clone()));
    assertArrayEquals(new Fingerprint().add(b, 3, 500).bytes(),
        new Fingerprint().add(java.util.Arrays.copyOfRange(b, 3, 503)).bytes());
    String s = "Ableitung ∂f/∂x — “quoted”";
    assertEquals(new Fingerprint().add(s.getBytes(StandardCharsets.UTF_8)).hex(), new Fingerprint().add(s).hex());
    assertNotEquals(new Fingerprint().add("∂").hex(), new Fingerprint().add("?").hex());
  }

  @Test
  void theValueIsStableAcrossRunsAndMachines() {
    // the layout cache on disk is named by these: a change here must also change LayoutCache.VERSION
    assertEquals("e4fe5196abbedf7301351b6fc12342b0", new Fingerprint().add("bookbuild").hex());
    assertEquals(32, new Fingerprint().hex().length());
    assertTrue(new Fingerprint().hex().matches("[0-9a-f]{32}"));
  }
}
