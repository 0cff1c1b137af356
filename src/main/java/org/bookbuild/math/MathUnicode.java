package org.bookbuild.math;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.io.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What each glyph jlatexmath draws means in Unicode, so that text extraction, search and screen readers get α, ∑, ×,
 * →, ∈, ℝ rather than the fonts' private codes. jlatexmath draws a symbol as a character code in one of its
 * {@code jlm_*} TrueType fonts (TeX's font positions, moved above 160 where TeX used control codes); FOP's ToUnicode
 * maps then say that code (α as "®"). The table is built from jlatexmath's own resources:
 * <ul>
 *   <li>{@code TeXFormulaSettings.xml}: the Unicode characters it accepts in input, each mapped to a symbol name
 *       ({@code α → alpha}) or a formula ({@code ∑ → \sum}, {@code ℝ → \mathbb{R}});</li>
 *   <li>the symbol mappings ({@code *.map.xml}): symbol name → font id and code;</li>
 *   <li>the font descriptions: font id → TTF file, and the larger sizes of big operators and delimiters
 *       ({@code NextLarger}), which mean the same character;</li>
 *   <li>the text-style mappings ({@code DefaultTeXFont.xml}): letters and digits of {@code mathnormal},
 *       {@code mathbb}, {@code mathcal}, {@code mathfrak} … by font and start code.</li>
 * </ul>
 * Symbols these tables give no character for (accents, radical and brace pieces) come from
 * {@code unicode-extra.tsv} beside this class. Where a symbol has several characters the ASCII one wins (a minus
 * copied into code is "-"), then the first listed.
 */
public final class MathUnicode {
  private static final String BASE = "org/scilab/forge/jlatexmath/";

  /** Fonts whose printable ASCII positions are the ASCII characters unless a symbol says otherwise. */
  private static final Set<String> SYMBOL_FONTS = Set.of("jlm_cmsy10", "jlm_cmbsy10", "jlm_cmex10", "jlm_msam10",
      "jlm_msbm10", "jlm_stmary10", "jlm_special", "jlm_rsfs10", "jlm_dsrom10");

  private static volatile Map<String, Map<Integer, String>> table;

  private MathUnicode() {}

  /** The Unicode text of the glyph at {@code code} in the jlatexmath font {@code family} ({@code jlm_cmmi10}), or null. */
  public static String text(String family, int code) {
    Map<Integer, String> m = table().get(family);
    return m == null ? null : m.get(code);
  }

  /** Whether {@code family} is one of jlatexmath's fonts (a subset prefix {@code ABCDEF+} is ignored). */
  public static boolean isMathFont(String family) {
    return table().containsKey(family.substring(family.indexOf('+') + 1));
  }

  /** Font family ({@code jlm_cmmi10}) → code → Unicode text. */
  public static Map<String, Map<Integer, String>> table() {
    Map<String, Map<Integer, String>> t = table;
    if (t == null) {
      synchronized (MathUnicode.class) {
        if (table == null) table = build();
        t = table;
      }
    }
    return t;
  }

  private record Glyph(String fontId, int code) {}

  private static Map<String, Map<Integer, String>> build() {
    try {
      // font descriptions: id → family (TTF name), NextLarger chains
      Map<String, String> family = new HashMap<>();
      Map<Glyph, Glyph> larger = new HashMap<>();
      List<String> metrics = new ArrayList<>();
      List<String> maps = new ArrayList<>();
      Map<String, List<String[]>> styles = new LinkedHashMap<>(); // style → {range, fontId, start}
      parse(BASE + "DefaultTeXFont.xml", new DefaultHandler() {
        String style;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
          switch (q) {
            case "Metrics" -> metrics.add(a.getValue("include"));
            case "Mapping" -> maps.add(a.getValue("include"));
            case "TextStyleMapping" -> style = a.getValue("name");
            case "MapRange" -> styles.computeIfAbsent(style, k -> new ArrayList<>())
                .add(new String[] {a.getValue("code"), a.getValue("fontId"), a.getValue("start")});
            default -> { }
          }
        }
      });
      for (String file : metrics) {
        parse(BASE + file, new DefaultHandler() {
          String id;
          int code = -1;

          @Override
          public void startElement(String uri, String local, String q, Attributes a) {
            if (q.equals("Font")) {
              id = a.getValue("id");
              String name = a.getValue("name");
              family.put(id, name.endsWith(".ttf") ? name.substring(0, name.length() - 4) : name);
            } else if (q.equals("Char")) {
              code = Integer.parseInt(a.getValue("code"));
            } else if (q.equals("NextLarger") && code >= 0) {
              larger.put(new Glyph(id, code), new Glyph(a.getValue("fontId"), Integer.parseInt(a.getValue("code"))));
            }
          }
        });
      }
      // symbol name → glyph
      Map<String, Glyph> symbols = new HashMap<>();
      for (String file : maps) {
        parse(BASE + file, new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String q, Attributes a) {
            if (q.equals("SymbolMapping")) {
              symbols.put(a.getValue("name"), new Glyph(a.getValue("fontId"), Integer.parseInt(a.getValue("ch"))));
            }
          }
        });
      }
      // symbol name → characters, in the order listed; \mathbb{R} style formulas → (style, letter) → character
      Map<String, List<String>> chars = new LinkedHashMap<>();
      Map<String, String> styled = new HashMap<>();
      parse(BASE + "TeXFormulaSettings.xml", new DefaultHandler() {
        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
          if (!q.equals("Map") || a.getValue("char") == null) return;
          String ch = a.getValue("char");
          String symbol = a.getValue("symbol");
          String formula = a.getValue("formula");
          if (symbol != null) {
            chars.computeIfAbsent(symbol, k -> new ArrayList<>()).add(ch);
          } else if (formula != null && formula.matches("\\\\[A-Za-z]+")) {
            chars.computeIfAbsent(formula.substring(1), k -> new ArrayList<>()).add(ch);
          } else if (formula != null && formula.matches("\\\\math[a-z]+\\{[A-Za-z0-9]\\}")) {
            styled.putIfAbsent(formula.substring(1, formula.indexOf('{')) + ":" + formula.charAt(formula.length() - 2), ch);
          }
        }
      });
      Map<String, String> extra = extra();

      Map<String, Map<Integer, String>> out = new HashMap<>();
      for (String f : family.values()) {
        Map<Integer, String> m = out.computeIfAbsent(f, k -> new HashMap<>());
        if (!SYMBOL_FONTS.contains(f)) for (int c = 33; c < 127; c++) m.put(c, String.valueOf((char) c));
      }
      // symbols: ASCII first, then the first character listed. Several symbols can share one glyph (\Vert, \| and
      // \parallel are all cmsy10 107): the names in unicode-extra.tsv are written last, so that their character wins
      // (‖ for a norm, which course notes write far more often than ∥).
      List<Map.Entry<String, Glyph>> order = new ArrayList<>(symbols.entrySet());
      order.sort(java.util.Comparator.comparing((Map.Entry<String, Glyph> e) -> extra.containsKey(e.getKey())));
      for (Map.Entry<String, Glyph> e : order) {
        String u = extra.get(e.getKey());
        if (u == null) u = pick(chars.get(e.getKey()));
        if (u == null) continue;
        Glyph g = e.getValue();
        String f = family.get(g.fontId());
        if (f == null) continue;
        out.get(f).put(g.code(), u);
        // the larger sizes of a big operator or a delimiter are the same character
        for (Glyph next = larger.get(g), seen = g; next != null && !next.equals(seen); seen = next, next = larger.get(next)) {
          String nf = family.get(next.fontId());
          if (nf != null) out.get(nf).putIfAbsent(next.code(), u);
        }
      }
      // letters and digits of the text styles, last: a letter is a letter even where a symbol shares its glyph (\jlmEuler is cmmi10 "e")
      for (Map.Entry<String, List<String[]>> s : styles.entrySet()) {
        for (String[] r : s.getValue()) {
          String f = family.get(r[1]);
          if (f == null || r[0].equals("unicode")) continue;
          int start = Integer.parseInt(r[2]);
          char first = switch (r[0]) {
            case "numbers" -> '0';
            case "capitals" -> 'A';
            default -> 'a';
          };
          int n = r[0].equals("numbers") ? 10 : 26;
          for (int i = 0; i < n; i++) {
            char plain = (char) (first + i);
            String u = styled.get(s.getKey() + ":" + plain);
            if (u == null) u = Alphanumerics.of(s.getKey(), plain);
            out.get(f).put(start + i, u);
          }
        }
      }
      Map<String, Map<Integer, String>> frozen = new HashMap<>();
      out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
      return Map.copyOf(frozen);
    } catch (IOException | org.xml.sax.SAXException e) {
      throw new IllegalStateException("jlatexmath's symbol tables cannot be read: " + e.getMessage(), e);
    }
  }

  private static String pick(List<String> cs) {
    if (cs == null || cs.isEmpty()) return null;
    for (String c : cs) if (c.length() == 1 && c.charAt(0) < 127) return c;
    return cs.get(0);
  }

  private static Map<String, String> extra() throws IOException {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = MathUnicode.class.getResourceAsStream("unicode-extra.tsv")) {
      if (in == null) throw new IOException("unicode-extra.tsv is missing");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.strip().split("\t");
        StringBuilder sb = new StringBuilder();
        for (String cp : f[1].trim().split(" ")) sb.appendCodePoint(Integer.parseInt(cp, 16));
        m.put(f[0], sb.toString());
      }
    }
    return m;
  }

  private static void parse(String resource, DefaultHandler h) throws IOException, org.xml.sax.SAXException {
    try (InputStream in = MathUnicode.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException("no class-path resource " + resource);
      var reader = SafeXml.reader();
      reader.setContentHandler(h);
      reader.parse(new InputSource(in));
    }
  }

  /** Unicode's mathematical alphanumeric symbols for a text style, with the letters Unicode encoded earlier. */
  static final class Alphanumerics {
    private Alphanumerics() {}

    private static final Map<String, String> HOLES = Map.ofEntries(
        Map.entry("script:B", "ℬ"), Map.entry("script:E", "ℰ"), Map.entry("script:F", "ℱ"), Map.entry("script:H", "ℋ"),
        Map.entry("script:I", "ℐ"), Map.entry("script:L", "ℒ"), Map.entry("script:M", "ℳ"), Map.entry("script:R", "ℛ"),
        Map.entry("script:e", "ℯ"), Map.entry("script:g", "ℊ"), Map.entry("script:o", "ℴ"),
        Map.entry("fraktur:C", "ℭ"), Map.entry("fraktur:H", "ℌ"), Map.entry("fraktur:I", "ℑ"),
        Map.entry("fraktur:R", "ℜ"), Map.entry("fraktur:Z", "ℨ"),
        Map.entry("double:C", "ℂ"), Map.entry("double:H", "ℍ"), Map.entry("double:N", "ℕ"), Map.entry("double:P", "ℙ"),
        Map.entry("double:Q", "ℚ"), Map.entry("double:R", "ℝ"), Map.entry("double:Z", "ℤ"));

    static String of(String style, char c) {
      String kind = switch (style) {
        case "mathbb", "mathds" -> "double";
        case "mathcal", "mathscr" -> "script";
        case "mathfrak" -> "fraktur";
        default -> null;
      };
      if (kind == null || c < 'A') return String.valueOf(c); // mathnormal, digits: the plain character
      String hole = HOLES.get(kind + ":" + c);
      if (hole != null) return hole;
      int base = switch (kind) {
        case "double" -> 0x1D538;
        case "script" -> 0x1D49C;
        default -> 0x1D504;
      };
      int offset = c >= 'a' ? 26 + (c - 'a') : c - 'A';
      return new String(Character.toChars(base + offset));
    }
  }
}
