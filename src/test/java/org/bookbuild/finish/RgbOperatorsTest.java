package org.bookbuild.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The byte-level rewrite of device-RGB colour operators: what is an operator and what only looks like one (strings,
 * comments, inline image data), neutrals to gray, colour spaces through q/Q.
 */
class RgbOperatorsTest {
  /** A stand-in profile: CMYK = (1-r, 1-g, 1-b, 0), so the tests read the numbers back. */
  static String rewrite(String content) {
    byte[] out = RgbOperators.rewrite(content.getBytes(StandardCharsets.ISO_8859_1), name -> name.equals("CS1"),
        rgb -> new float[] {1 - rgb[0], 1 - rgb[1], 1 - rgb[2], 0});
    return out == null ? null : new String(out, StandardCharsets.ISO_8859_1);
  }

  @Test
  void colourBecomesCmykAndNeutralsGray() {
    assertEquals("q 0.8 0.5 0 0 k 0 0 10 10 re f 0 G 1 0.2 0.75 0 K Q",
        rewrite("q .2 0.5 1 rg 0 0 10 10 re f 0 0 0 RG 0 0.8 0.25 RG Q"));
    assertEquals("0.5 g", rewrite("0.5 0.5 0.5 rg"));
  }

  @Test
  void lookalikesInStringsCommentsAndImageDataStay() {
    String s = "BT (1 0 0 rg \\( ) Tj [<0102> -20 (a rg\\)) ] TJ ET % 1 0 0 rg\n"
        + "BI /W 2 /H 1 /CS /RGB /BPC 8 ID \u0001 1 0 0 rg x\u0000 EI 1 0 0 rg";
    assertEquals(s.substring(0, s.length() - "1 0 0 rg".length()) + "0 1 1 0 k", rewrite(s));
    assertNull(rewrite("BT /F1 12 Tf (org) Tj ET 0 g 1 w 0 0 m 5 5 l S"), "nothing to change: null");
  }

  @Test
  void deviceRgbSpacesAndTheirScThroughSaveAndRestore() {
    assertEquals("/DeviceCMYK cs 0 1 1 0 sc q /DeviceCMYK CS 0 0 0 0.5 SCN /Pattern cs Q 1 0 1 0 scn /Pattern cs /P1 scn 1 0 0 scn",
        rewrite("/DeviceRGB cs 1 0 0 sc q /CS1 CS .5 .5 .5 SCN /Pattern cs Q 0 1 0 scn /Pattern cs /P1 scn 1 0 0 scn"),
        "after Q the fill space is the one set before q; a pattern's scn is not a colour");
  }
}
