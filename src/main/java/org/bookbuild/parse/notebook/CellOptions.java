package org.bookbuild.parse.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell's tags and metadata ask of print: which parts to leave out, whether the output is a labelled figure, and
 * layout hints. Read from {@code metadata.tags}, {@code metadata.label}/{@code caption}, MyST-NB's
 * {@code metadata.mystnb.figure} and the {@code #| key: value} comment lines at the top of a code cell (which are
 * removed from the printed code).
 *
 * @param code the cell source without its {@code #|} option lines
 */
record CellOptions(Set<String> tags, String label, String caption, String code, java.util.Map<String, String> image) {
  private static final Pattern OPTION = Pattern.compile("^#\\|\\s*([A-Za-z0-9_-]+)\\s*:\\s*(.*?)\\s*$");

  static CellOptions of(JsonNode meta, String source) {
    Set<String> tags = new LinkedHashSet<>();
    JsonNode t = meta.path("tags");
    if (t.isArray()) t.forEach(x -> tags.add(x.asText()));
    String label = meta.path("label").asText("");
    String caption = meta.path("caption").asText("");
    JsonNode nbfig = meta.path("mystnb").path("figure");
    if (label.isEmpty()) label = nbfig.path("name").asText("");
    if (caption.isEmpty()) caption = nbfig.path("caption").asText("");
    if (label.isEmpty()) label = meta.path("name").asText("");
    // leading "#| key: value" lines (MyST and Quarto cell options)
    String[] lines = source.split("\n", -1);
    int i = 0;
    for (; i < lines.length; i++) {
      Matcher m = OPTION.matcher(lines[i]);
      if (!m.matches()) break;
      String key = m.group(1), value = unquote(m.group(2));
      switch (key) {
        case "label", "name" -> label = value;
        case "caption", "fig-cap" -> caption = value;
        case "tags" -> {
          for (String s : value.replaceAll("[\\[\\]]", "").split(",")) if (!s.isBlank()) tags.add(unquote(s.trim()));
        }
        default -> {
          if (value.equals("true") && key.matches("(remove|hide)-(cell|input|output)")) tags.add(key);
        }
      }
    }
    StringBuilder code = new StringBuilder();
    for (int j = i; j < lines.length; j++) code.append(j > i ? "\n" : "").append(lines[j]);
    // MyST-NB's mystnb.image: width, height, alt … apply to the images the cell's outputs print
    java.util.Map<String, String> image = new java.util.LinkedHashMap<>();
    meta.path("mystnb").path("image").fields().forEachRemaining(e -> image.put(e.getKey(), e.getValue().asText()));
    return new CellOptions(tags, label, caption, code.toString(), image);
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /**
   * Nothing of the cell is printed: removed, or hidden ({@code hide-*}, a collapsed toggle on the web) unless the project
   * prints hidden cells ({@code hidden-cells: print}); by default hidden parts are left out, as mystmd's PDF exports
   * leave them out.
   */
  boolean dropCell(boolean printHidden) {
    return tags.contains("remove-cell") || !printHidden && tags.contains("hide-cell");
  }

  boolean dropInput(boolean printHidden) {
    return tags.contains("remove-input") || !printHidden && tags.contains("hide-input");
  }

  boolean dropOutput(boolean printHidden) {
    return tags.contains("remove-output") || !printHidden && tags.contains("hide-output");
  }

  /** The hide tags that leave something out of print (not those a remove tag already covers). */
  java.util.List<String> hiddenOmitted(boolean printHidden, boolean hasInput, boolean hasOutput) {
    if (printHidden || tags.contains("remove-cell")) return java.util.List.of();
    if (tags.contains("hide-cell")) return java.util.List.of("hide-cell");
    java.util.List<String> out = new java.util.ArrayList<>();
    if (hasInput && tags.contains("hide-input") && !tags.contains("remove-input")) out.add("hide-input");
    if (hasOutput && tags.contains("hide-output") && !tags.contains("remove-output")) out.add("hide-output");
    return out;
  }

  /** The output is a numbered, referable figure. */
  boolean figure() {
    return !label.isEmpty() || !caption.isEmpty();
  }
}
