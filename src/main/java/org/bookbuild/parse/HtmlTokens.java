package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, safe tokenizer for the HTML fragments people put in Markdown: start tags with attributes, end tags,
 * comments and text with the common character references decoded. No XML parser is involved, so there are no
 * external entities, no DTDs and nothing is fetched; malformed markup simply stays text.
 */
final class HtmlTokens {
  /** A token: {@code kind} is TEXT, START or END; {@code offset} is its position in the fragment. */
  record Token(Kind kind, String name, Map<String, String> attrs, boolean selfClosing, String text, int offset) {}

  enum Kind {
    TEXT,
    START,
    END
  }

  /** Elements that never have content or an end tag. */
  static final Set<String> VOID = Set.of("br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area",
      "embed", "param", "track", "base");

  private static final Pattern TAG = Pattern.compile(
      "<!--.*?-->|<!\\[CDATA\\[.*?]]>|<![^>]*>|<\\?.*?\\?>|</\\s*([A-Za-z][A-Za-z0-9-]*)\\s*>|<([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*(/?)>",
      Pattern.DOTALL);
  private static final Pattern ATTR = Pattern.compile(
      "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
  private static final Pattern REF = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
      Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("deg", "°"),
      Map.entry("times", "×"), Map.entry("middot", "·"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
      Map.entry("rarr", "→"), Map.entry("larr", "←"), Map.entry("le", "≤"), Map.entry("ge", "≥"),
      Map.entry("ne", "≠"), Map.entry("plusmn", "±"), Map.entry("euro", "€"), Map.entry("pound", "£"));

  private HtmlTokens() {}

  static List<Token> tokenize(String html) {
    List<Token> out = new ArrayList<>();
    Matcher m = TAG.matcher(html);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) out.add(text(html.substring(last, m.start()), last));
      last = m.end();
      if (m.group(1) != null) {
        out.add(new Token(Kind.END, m.group(1).toLowerCase(Locale.ROOT), Map.of(), false, m.group(), m.start()));
      } else if (m.group(2) != null) {
        String name = m.group(2).toLowerCase(Locale.ROOT);
        out.add(new Token(Kind.START, name, attrs(m.group(3)), !m.group(4).isEmpty() || VOID.contains(name), m.group(), m.start()));
      }
      // comments, doctype-like declarations and processing instructions never print
    }
    if (last < html.length()) out.add(text(html.substring(last), last));
    return out;
  }

  private static Token text(String raw, int offset) {
    return new Token(Kind.TEXT, "", Map.of(), false, decode(raw), offset);
  }

  private static Map<String, String> attrs(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) return out;
    Matcher m = ATTR.matcher(s);
    while (m.find()) {
      String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
      out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), decode(v));
    }
    return out;
  }

  /** Decodes numeric references and a fixed table of named ones; anything else stays as written. */
  static String decode(String s) {
    if (s.indexOf('&') < 0) return s;
    Matcher m = REF.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String r = m.group(1);
      String rep = null;
      if (r.startsWith("#x") || r.startsWith("#X")) rep = codePoint(Integer.parseInt(r.substring(2), 16));
      else if (r.startsWith("#")) rep = codePoint(Integer.parseInt(r.substring(1)));
      else rep = NAMED.get(r);
      m.appendReplacement(sb, Matcher.quoteReplacement(rep == null ? m.group() : rep));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String codePoint(int cp) {
    if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return "\uFFFD";
    return new String(Character.toChars(cp));
  }
}
