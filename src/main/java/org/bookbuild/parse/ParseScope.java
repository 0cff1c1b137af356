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
public record ParseScope(Map<String, Glued> glue, Map<String, Substitution> substitutions, Project.Reading reading,
    java.util.List<String> notebooks) {
  public static final ParseScope DEFAULT = new ParseScope(Map.of(), Map.of(), Project.Reading.DEFAULT, java.util.List.of());

  public ParseScope(Map<String, Glued> glue, Map<String, Substitution> substitutions, Project.Reading reading) {
    this(glue, substitutions, reading, java.util.List.of());
  }

  /** A substitution's value (MyST Markdown) and where it was defined, for diagnostics inside it. */
  public record Substitution(String markdown, SourcePos pos) {}

  public ParseScope {
    glue = Map.copyOf(glue);
    substitutions = Map.copyOf(substitutions);
    reading = reading == null ? Project.Reading.DEFAULT : reading;
    notebooks = notebooks == null ? java.util.List.of() : java.util.List.copyOf(notebooks);
  }

  /** The book's notebooks (project paths, in toc order), where a page may paste values they glued. */
  public ParseScope withNotebooks(java.util.List<String> files) {
    return new ParseScope(glue, substitutions, reading, files);
  }

  public ParseScope withGlue(Map<String, Glued> g) {
    return new ParseScope(g, substitutions, reading, notebooks);
  }

  public ParseScope withReading(Project.Reading r) {
    return new ParseScope(glue, substitutions, r, notebooks);
  }

  /** These substitutions over the ones in scope (a page's front matter over the project's). */
  public ParseScope withSubstitutions(Map<String, Substitution> s) {
    if (s.isEmpty()) return this;
    Map<String, Substitution> all = new LinkedHashMap<>(substitutions);
    all.putAll(s);
    return new ParseScope(glue, all, reading, notebooks);
  }

  /** A glued value by name; MyST-NB's {@code notebook::name} form looks the name up in this notebook too. */
  public Optional<Glued> glued(String key) {
    Glued g = glue.get(key);
    if (g == null && key.contains("::")) g = glue.get(key.substring(key.lastIndexOf("::") + 2));
    return Optional.ofNullable(g);
  }

  /**
   * A glued value by name as a page of the book finds it: this notebook's own; else, for {@code path::name}, the
   * named notebook's (the path relative to the page, else to the project, as Jupyter Book 1 reads it); else, for a
   * bare name, the first notebook of the book that glued it (Jupyter Book 0.x looked names up book-wide).
   */
  public Optional<Glued> glued(org.bookbuild.io.World world, String page, String key) {
    Optional<Glued> own = glued(key);
    if (own.isPresent() || world == null) return own;
    int sep = key.lastIndexOf("::");
    if (sep > 0) {
      String path = key.substring(0, sep).strip(), name = key.substring(sep + 2).strip();
      String dir = page == null || !page.contains("/") ? "" : page.substring(0, page.lastIndexOf('/') + 1);
      for (String f : java.util.List.of(normal(dir + path), normal(path))) {
        if (f.equals(page)) continue;
        Glued g = org.bookbuild.parse.notebook.NotebookGlue.of(world, f).get(name);
        if (g != null) return Optional.of(g);
      }
      return Optional.empty();
    }
    for (String f : notebooks) {
      if (f.equals(page)) continue;
      Glued g = org.bookbuild.parse.notebook.NotebookGlue.of(world, f).get(key);
      if (g != null) return Optional.of(g);
    }
    return Optional.empty();
  }

  /** A project path without {@code ./} and {@code x/..} steps (a path leaving the project stays as written). */
  private static String normal(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String s : path.replace('\\', '/').split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
      else parts.addLast(s);
    }
    return String.join("/", parts);
  }
}
