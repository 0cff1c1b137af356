package org.bookbuild.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.parse.directive.Glued;
import org.bookbuild.project.Project;

/**
 * What a parse may know beyond the file itself: the values the notebook being read glued (MyST-NB {@code glue}), by
 * name, the substitutions ({@code {{ key }}}) the project and the page define, and how the project asks web dialects
 * to be read ({@link Project.Reading}). ({@code only} tags are applied after parsing, by the editions stage.)
 */
public record ParseScope(Map<String, Glued> glue, Map<String, Substitution> substitutions, Project.Reading reading) {
  public static final ParseScope DEFAULT = new ParseScope(Map.of(), Map.of(), Project.Reading.DEFAULT);

  /** A substitution's value (MyST Markdown) and where it was defined, for diagnostics inside it. */
  public record Substitution(String markdown, SourcePos pos) {}

  public ParseScope {
    glue = Map.copyOf(glue);
    substitutions = Map.copyOf(substitutions);
    reading = reading == null ? Project.Reading.DEFAULT : reading;
  }

  public ParseScope withGlue(Map<String, Glued> g) {
    return new ParseScope(g, substitutions, reading);
  }

  public ParseScope withReading(Project.Reading r) {
    return new ParseScope(glue, substitutions, r);
  }

  /** These substitutions over the ones in scope (a page's front matter over the project's). */
  public ParseScope withSubstitutions(Map<String, Substitution> s) {
    if (s.isEmpty()) return this;
    Map<String, Substitution> all = new LinkedHashMap<>(substitutions);
    all.putAll(s);
    return new ParseScope(glue, all, reading);
  }

  /** A glued value by name; MyST-NB's {@code notebook::name} form looks the name up in this notebook too. */
  public Optional<Glued> glued(String key) {
    Glued g = glue.get(key);
    if (g == null && key.contains("::")) g = glue.get(key.substring(key.lastIndexOf("::") + 2));
    return Optional.ofNullable(g);
  }
}
