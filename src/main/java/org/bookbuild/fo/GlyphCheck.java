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
  private final List<String> textFamilies = new ArrayList<>();
  private final List<String> monoFamilies = new ArrayList<>();
  /** Characters reported, once per file ({@code file|codepoint}). */
  final Claims reported = new Claims();

  GlyphCheck(Style style, World world) {
    this.text = chain(style, style.prop("body", "font-family", ""), world, textFamilies);
    this.mono = chain(style, style.prop("code", "font-family", ""), world, monoFamilies);
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

  private static List<Font> chain(Style style, String families, World world, List<String> names) {
    List<Font> out = new ArrayList<>();
    for (String fam : families.split(",")) {
      String f = fam.trim().replace("\"", "").replace("'", "");
      for (Style.FontFace face : style.fonts()) {
        if (face.family().equals(f) && face.style().equals("normal") && face.weight().equals("normal")) {
          Font font = load(face.source(), world);
          if (font != null) {
            out.add(font);
            names.add(f);
          }
          break;
        }
      }
    }
    return out;
  }

  /** A piece of text and the family that must set it (null: the role's own chain may choose). */
  record Run(String text, String family) {}

  /**
   * Splits text into runs by the first font of the chain that has each character. FOP chooses one font per word (the
   * one that has most of its characters), so in {@code done 🚀')} it took the typewriter face for the rocket and printed
   * {@code #}; a run that only a later font of the chain has (an emoji, a symbol only DejaVu has) is therefore set in
   * that family explicitly. Plain text is one run.
   */
  List<Run> runs(String s, boolean monospaced) {
    List<Font> fonts = monospaced ? mono : text;
    List<String> names = monospaced ? monoFamilies : textFamilies;
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) plain = s.charAt(i) < 0x2000;
    if (plain || fonts.size() < 2) return List.of(new Run(s, null));
    List<Run> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int curFont = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      int f = first(fonts, cp, curFont);
      if (f != curFont && cur.length() > 0) {
        out.add(new Run(cur.toString(), curFont == 0 ? null : rest(names, curFont)));
        cur.setLength(0);
      }
      curFont = f;
      cur.append(s, i, i + n);
      i += n;
    }
    if (cur.length() > 0) out.add(new Run(cur.toString(), curFont == 0 ? null : rest(names, curFont)));
    return out;
  }

  /**
   * The chain from font {@code k} on: the bold or italic face of that family may lack what its regular face has, and
   * FOP then goes on to the next family.
   */
  private static String rest(List<String> names, int k) {
    return String.join(", ", names.subList(k, names.size()));
  }

  /** The index of the first font that has {@code cp}; marks and what no font has stay in {@code current}. */
  private static int first(List<Font> fonts, int cp, int current) {
    int type = Character.getType(cp);
    // a space belongs to the text font (an emoji font's space is as wide as its pictographs)
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return 0;
    if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) return current;
    for (int k = 0; k < fonts.size(); k++) if (fonts.get(k).canDisplay(cp)) return k;
    return current;
  }


  void check(String s, SourcePos pos, boolean monospaced, Diagnostics diags) {
    List<Font> fonts = monospaced ? mono : text;
    if (fonts.isEmpty()) return;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x7f || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT || cp == 0xAD) continue;
      if (Xml.silent(s, i - Character.charCount(cp))) continue; // emoji controls are dropped from the FO
      boolean ok = false;
      for (Font f : fonts) {
        if (f.canDisplay(cp)) {
          ok = true;
          break;
        }
      }
      if (!ok && reported.claim(pos.file() + "|" + cp)) {
        String name = Character.getName(cp);
        diags.warn("glyph-missing", pos, String.format("no font has a glyph for U+%04X %s (%s); it will print as '#'",
            cp, name == null ? "" : name, new String(Character.toChars(cp))));
      }
    }
  }
}
