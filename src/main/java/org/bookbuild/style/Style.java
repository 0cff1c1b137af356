package org.bookbuild.style;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A book's appearance as data, loaded from {@code styles/<name>/style.yml} and the project's overlay: page geometry,
 * named style roles (FO properties with {@code inherits}), generated wording, fonts, licences. The FO writer asks this
 * class for every size, colour and word it prints.
 */
public final class Style {
  private final Map<String, Object> page;
  private final Map<String, Map<String, Object>> roles;
  private final Map<String, String> strings;
  private final List<FontFace> fonts;
  private final Map<String, Map<String, Object>> licenses;
  private final Map<String, Map<String, String>> resolved = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One font file for one family/style/weight. {@code source} is a classpath resource or a project path; {@code also}
   * lists further family names the face answers to (generic CSS families and the PDF base-14 names an SVG figure or a
   * bare FO may ask for, which FOP would otherwise set in a base-14 font it cannot embed).
   */
  public record FontFace(String family, String style, String weight, String source, List<String> also) {
    public FontFace(String family, String style, String weight, String source) {
      this(family, style, weight, source, List.of());
    }
  }

  Style(
      Map<String, Object> page,
      Map<String, Map<String, Object>> roles,
      Map<String, String> strings,
      List<FontFace> fonts,
      Map<String, Map<String, Object>> licenses) {
    this.page = page;
    this.roles = roles;
    this.strings = strings;
    this.fonts = fonts;
    this.licenses = licenses;
  }

  /**
   * Two styles are equal when every page setting, role, string, font face and licence is: a resident process loads the
   * style again for every build, and its memos hold while the loaded style is the same.
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Style s && page.equals(s.page) && roles.equals(s.roles) && strings.equals(s.strings)
        && fonts.equals(s.fonts) && licenses.equals(s.licenses);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(page, roles, strings, fonts, licenses);
  }

  /** A copy with some page settings replaced or added (a press's gutter and bleed). */
  public Style withPage(Map<String, Object> changes) {
    Map<String, Object> p = new LinkedHashMap<>(page);
    p.putAll(changes);
    return new Style(p, roles, strings, fonts, licenses);
  }

  /**
   * A copy whose colours are all passed through {@code map}: every {@code #rgb}/{@code #rrggbb} in a role's colour,
   * background and border properties (a grayscale interior maps them to gray when the style is loaded).
   */
  public Style mapColours(java.util.function.UnaryOperator<String> map) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    java.util.regex.Pattern hex = java.util.regex.Pattern.compile("#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b");
    roles.forEach((name, props) -> {
      Map<String, Object> r = new LinkedHashMap<>();
      props.forEach((k, v) -> {
        boolean colourish = k.contains("color") || k.startsWith("border") || k.equals("background");
        r.put(k, colourish && v != null ? hex.matcher(String.valueOf(v)).replaceAll(m -> map.apply(m.group())) : v);
      });
      out.put(name, r);
    });
    return new Style(page, out, strings, fonts, licenses);
  }

  /** A page-geometry value such as {@code width}, {@code margin-inner}; never null for a known key. */
  public String page(String key) {
    Object v = page.get(key);
    if (v == null) throw new StyleException("style has no page setting '" + key + "'");
    return String.valueOf(v);
  }

  public Map<String, Object> pageSettings() {
    return Collections.unmodifiableMap(page);
  }

  public boolean hasRole(String name) {
    return roles.containsKey(name);
  }

  /**
   * The FO properties of a role with its {@code inherits} chain applied (parents first, the role's own last). Unknown
   * roles yield an empty map, so that a new kind of block renders plainly until styled.
   */
  public Map<String, String> role(String name) {
    return resolved.computeIfAbsent(name, n -> resolve(n, new ArrayList<>()));
  }

  private Map<String, String> resolve(String name, List<String> chain) {
    Map<String, Object> r = roles.get(name);
    if (r == null) return Map.of();
    if (chain.contains(name)) throw new StyleException("style roles inherit in a cycle: " + chain + " -> " + name);
    chain.add(name);
    Map<String, String> out = new LinkedHashMap<>();
    Object parent = r.get("inherits");
    if (parent != null) {
      for (String p : String.valueOf(parent).split(",")) out.putAll(resolve(p.trim(), chain));
    }
    for (Map.Entry<String, Object> e : r.entrySet()) {
      if (!e.getKey().equals("inherits")) out.put(e.getKey(), String.valueOf(e.getValue()));
    }
    chain.remove(chain.size() - 1);
    return Collections.unmodifiableMap(out);
  }

  /** A single property of a role, or {@code dflt}. */
  public String prop(String role, String key, String dflt) {
    return role(role).getOrDefault(key, dflt);
  }

  /**
   * Generated wording: the string under {@code key} with {@code {name}} placeholders filled from {@code args} given as
   * alternating name, value. A missing key returns the key itself in brackets so that the gap is visible.
   */
  public String string(String key, Object... args) {
    String s = strings.get(key);
    if (s == null) return "[" + key + "]";
    for (int i = 0; i + 1 < args.length; i += 2) s = s.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
    return s;
  }

  public boolean hasString(String key) {
    return strings.containsKey(key);
  }

  public List<FontFace> fonts() {
    return fonts;
  }

  /** The licence entry for an SPDX id (case-insensitive), or null. */
  public Map<String, Object> license(String spdx) {
    for (Map.Entry<String, Map<String, Object>> e : licenses.entrySet()) {
      if (e.getKey().equalsIgnoreCase(spdx)) return e.getValue();
    }
    return null;
  }

  public java.util.Set<String> licenseIds() {
    return licenses.keySet();
  }
}
