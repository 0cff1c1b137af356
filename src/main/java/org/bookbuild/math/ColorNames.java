package org.bookbuild.math;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour names from CSS and xcolor that jlatexmath does not know (it has the dvips names) become hex values in the
 * colour arguments of {@code \textcolor}, {@code \colorbox} and {@code \fcolorbox}; {@code #abc} short hex is widened.
 */
final class ColorNames {
  private ColorNames() {}

  private static final Map<String, String> HEX = Map.ofEntries(
      Map.entry("teal", "#008080"), Map.entry("navy", "#000080"), Map.entry("olive", "#808000"),
      Map.entry("silver", "#C0C0C0"), Map.entry("lime", "#00FF00"), Map.entry("aqua", "#00FFFF"),
      Map.entry("grey", "#808080"), Map.entry("darkgray", "#404040"), Map.entry("lightgray", "#BFBFBF"),
      Map.entry("darkgrey", "#404040"), Map.entry("lightgrey", "#BFBFBF"), Map.entry("pink", "#FFBFBF"),
      Map.entry("darkred", "#8B0000"), Map.entry("darkblue", "#00008B"),
      Map.entry("darkgreen", "#006400"), Map.entry("gold", "#FFD700"), Map.entry("indigo", "#4B0082"),
      Map.entry("crimson", "#DC143C"), Map.entry("coral", "#FF7F50"), Map.entry("tomato", "#FF6347"),
      Map.entry("khaki", "#F0E68C"), Map.entry("tan", "#D2B48C"), Map.entry("beige", "#F5F5DC"),
      Map.entry("ivory", "#FFFFF0"), Map.entry("chocolate", "#D2691E"), Map.entry("sienna", "#A0522D"),
      Map.entry("steelblue", "#4682B4"), Map.entry("slateblue", "#6A5ACD"), Map.entry("skyblue", "#87CEEB"),
      Map.entry("darkorange", "#FF8C00"), Map.entry("darkviolet", "#9400D3"));

  private static final Pattern COLOR_ARG =
      Pattern.compile("\\\\(textcolor|colorbox|fcolorbox)\\s*\\{\\s*([#A-Za-z0-9]+)\\s*\\}(\\s*\\{\\s*([#A-Za-z0-9]+)\\s*\\})?");

  static String rewrite(String s) {
    if (!s.contains("color")) return s;
    Matcher m = COLOR_ARG.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String rep = "\\" + m.group(1) + "{" + fix(m.group(2)) + "}";
      if (m.group(1).equals("fcolorbox") && m.group(4) != null) rep += "{" + fix(m.group(4)) + "}";
      else if (m.group(3) != null) rep += m.group(3);
      m.appendReplacement(sb, Matcher.quoteReplacement(rep));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String fix(String c) {
    String hex = HEX.get(c.toLowerCase(java.util.Locale.ROOT));
    if (hex != null) return hex;
    if (c.matches("#[0-9A-Fa-f]{3}")) {
      return "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
    }
    return c;
  }
}
