package org.bookbuild.fo;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.style.Style;

/**
 * Finds characters that none of the fonts in a role's font-family chain can show, before FOP would print them as
 * {@code #}. Each missing character is reported once per file with its position and Unicode name.
 */
final class GlyphCheck {
  private final List<Font> text;
  private final List<Font> mono;
  private final Set<String> reported = new HashSet<>();

  GlyphCheck(Style style, World world) {
    this.text = chain(style, style.prop("body", "font-family", ""), world);
    this.mono = chain(style, style.prop("code", "font-family", ""), world);
  }

  /** AWT fonts by source and content: creating one parses the whole file, and tests and fuzzing build many books per JVM. */
  private static final java.util.Map<String, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Built-in fonts are cached by name (they cannot change while the JVM runs); project fonts by name and content.
   */
  private static Font load(String source, World world) {
    boolean builtin = source.startsWith("classpath:") || !world.exists(source);
    if (builtin) return FONTS.computeIfAbsent(source, k -> FontFiles.bytes(source, world).map(GlyphCheck::create).orElse(null));
    return FontFiles.bytes(source, world)
        .map(b -> FONTS.computeIfAbsent(source + "#" + b.length + "#" + java.util.Arrays.hashCode(b), k -> create(b)))
        .orElse(null);
  }

  private static Font create(byte[] b) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(b));
    } catch (Exception e) {
      return null; // a font that AWT cannot read is reported by FOP when it loads it
    }
  }

  private static List<Font> chain(Style style, String families, World world) {
    List<Font> out = new ArrayList<>();
    for (String fam : families.split(",")) {
      String f = fam.trim().replace("\"", "").replace("'", "");
      for (Style.FontFace face : style.fonts()) {
        if (face.family().equals(f) && face.style().equals("normal") && face.weight().equals("normal")) {
          Font font = load(face.source(), world);
          if (font != null) out.add(font);
          break;
        }
      }
    }
    return out;
  }

  void check(String s, SourcePos pos, boolean monospaced, Diagnostics diags) {
    List<Font> fonts = monospaced ? mono : text;
    if (fonts.isEmpty()) return;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x7f || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT || cp == 0xAD) continue;
      boolean ok = false;
      for (Font f : fonts) {
        if (f.canDisplay(cp)) {
          ok = true;
          break;
        }
      }
      if (!ok && reported.add(pos.file() + "|" + cp)) {
        String name = Character.getName(cp);
        diags.warn("glyph-missing", pos, String.format("no font has a glyph for U+%04X %s (%s); it will print as '#'",
            cp, name == null ? "" : name, new String(Character.toChars(cp))));
      }
    }
  }
}
