package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts the transforms take give what the regular expressions they stand in for give, on any text. */
class TransformShortcutsTest {
  /** Random text over characters that matter here: spaces of several kinds, URL and address punctuation, letters. */
  private static String text(Random r) {
    String alphabet = " \t\n\u000B\f\r\u00A0\u2003\u3000:/.@w-ab\u00e9x1?";
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    if (r.nextInt(4) == 0) sb.insert(r.nextInt(sb.length() + 1), List.of("http://", "www.", "a@b.c", "ftp://x").get(r.nextInt(4)));
    return sb.toString();
  }

  @Test
  void firstWordsAreTheFirstWordsOfSplittingTheWholeText() {
    Random r = new Random(7);
    for (int k = 0; k < 20000; k++) {
      String s = text(r).strip();
      String[] all = s.split("\\s+");
      List<String> want = all.length == 1 && all[0].isEmpty() ? List.of() : Arrays.asList(all);
      int max = 1 + r.nextInt(9);
      assertEquals(want.subList(0, Math.min(max, want.size())), CollectLabels.firstWords(s, max), "'" + s + "'");
    }
  }

  @Test
  void textTheUrlPatternMatchesIsNeverPassedOver() {
    Random r = new Random(11);
    int urls = 0;
    for (int k = 0; k < 20000; k++) {
      String s = text(r);
      boolean found = SmartQuotes.URL.matcher(s).find();
      if (found) {
        urls++;
        assertTrue(SmartQuotes.mayHoldUrl(s), "'" + s + "'");
      }
    }
    assertTrue(urls > 1000, "the sample holds URLs: " + urls);
  }
}
