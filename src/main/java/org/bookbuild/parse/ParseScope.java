package org.bookbuild.parse;

import java.util.Map;
import java.util.Optional;
import org.bookbuild.parse.directive.Glued;

/**
 * What a parse may know beyond the file itself: the values the notebook being read glued (MyST-NB {@code glue}), by
 * name. ({@code only} tags are applied after parsing, by the editions stage.)
 */
public record ParseScope(Map<String, Glued> glue) {
  public static final ParseScope DEFAULT = new ParseScope(Map.of());

  public ParseScope {
    glue = Map.copyOf(glue);
  }

  public ParseScope withGlue(Map<String, Glued> g) {
    return new ParseScope(g);
  }

  /** A glued value by name; MyST-NB's {@code notebook::name} form looks the name up in this notebook too. */
  public Optional<Glued> glued(String key) {
    Glued g = glue.get(key);
    if (g == null && key.contains("::")) g = glue.get(key.substring(key.lastIndexOf("::") + 2));
    return Optional.ofNullable(g);
  }
}
