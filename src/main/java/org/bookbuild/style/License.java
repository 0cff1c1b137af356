package org.bookbuild.style;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code styles/licenses.yml} in typed form: what the copyright page prints and the XMP metadata says
 * about the licence a book declares. The wording lives in the YAML file, not here.
 *
 * @param id the SPDX id as written in licenses.yml (for example {@code CC-BY-NC-4.0})
 * @param name the full official name
 * @param shortName the short form shown next to the badge
 * @param url the canonical deed URL
 * @param dedication true for a public-domain dedication (CC0), false for a licence that keeps copyright
 * @param badge the badge elements after the CC logo, in order ({@code by}, {@code nc}, {@code nd}, {@code sa},
 *     {@code zero})
 * @param summary a plain-language digest of the terms
 */
public record License(
    String id, String name, String shortName, String url, boolean dedication, List<String> badge, String summary) {

  /** The badge elements a drawing can show. */
  public static final List<String> BADGE_ELEMENTS = List.of("by", "nc", "nd", "sa", "zero");

  /**
   * The licence for an SPDX id (case-insensitive) from the style's licence table, or null when the table has no such
   * id. Fails with {@link StyleException} when the entry lacks a field or names an unknown badge element.
   */
  public static License lookup(Style style, String spdx) {
    if (spdx == null || spdx.isBlank()) return null;
    for (String id : style.licenseIds()) {
      if (id.equalsIgnoreCase(spdx.trim())) return of(id, style.license(id));
    }
    return null;
  }

  private static License of(String id, Map<String, Object> m) {
    List<String> badge = m.get("badge") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    for (String b : badge) {
      if (!BADGE_ELEMENTS.contains(b)) {
        throw new StyleException("licence " + id + " names unknown badge element '" + b + "' (known: " + BADGE_ELEMENTS + ")");
      }
    }
    String kind = text(id, m, "kind");
    if (!kind.equals("license") && !kind.equals("dedication")) {
      throw new StyleException("licence " + id + " has kind '" + kind + "'; expected license or dedication");
    }
    return new License(
        id, text(id, m, "name"), text(id, m, "short"), text(id, m, "url"), kind.equals("dedication"), badge,
        text(id, m, "summary").strip());
  }

  private static String text(String id, Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) throw new StyleException("licence " + id + " lacks '" + key + "'");
    return String.valueOf(v);
  }
}
