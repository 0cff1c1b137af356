package org.bookbuild.render;

import java.util.HashMap;
import java.util.Map;
import org.apache.fop.fonts.Font;
import org.apache.fop.fonts.FontInfo;

/**
 * The join's font table, with FOP's lookup of a Java2D font remembered. Formulas are painted through Java2D
 * (jlatexmath draws every glyph with {@code drawString}), and for each call FOP's {@link FontInfo#getFontInstanceForAWTFont}
 * walks every registered font triplet, lower-casing each name: in a profile of a warm rebuild of a 300-page book this
 * was about a fifth of the join.
 *
 * <p>Sound: FOP's answer depends only on the Java2D font's name, family, italic and bold flags and size (those are
 * all it reads), and on the triplets registered, which do not change once the join has set up its fonts. The first
 * call for a key goes to FOP, so the font is marked used (and embedded) exactly as before; later calls get the very
 * {@link Font} object FOP's own instance cache would have returned. One join runs on one thread.
 */
final class JoinFonts extends FontInfo {
  private record Key(String name, String family, boolean italic, boolean bold, float size) {}

  private final Map<Key, Font> known = new HashMap<>();

  @Override
  public Font getFontInstanceForAWTFont(java.awt.Font awt) {
    Key k = new Key(awt.getName(), awt.getFamily(), awt.isItalic(), awt.isBold(), awt.getSize2D());
    Font f = known.get(k);
    if (f == null) {
      f = super.getFontInstanceForAWTFont(awt);
      known.put(k, f);
    }
    return f;
  }
}
