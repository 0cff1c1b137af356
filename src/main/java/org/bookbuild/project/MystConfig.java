package org.bookbuild.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * Reads mystmd's {@code myst.yml}: its {@code project:} section is mapped onto the keys of {@code book.yml} and handed
 * to {@link ProjectLoader#fromMapping}. Keys mystmd knows but print has no use for are noted (info); keys neither knows
 * are warnings at their line. The {@code toc} is expanded here ({@code pattern} entries become the files they match).
 */
final class MystConfig {
  static final String FILE = "myst.yml";

  /** project: keys read into the book. */
  private static final Set<String> USED = Set.of(
      "title", "subtitle", "authors", "date", "license", "copyright", "keywords", "description", "math", "numbering",
      "bibliography", "toc", "exports", "abbreviations", "language", "lang");

  /** project: keys mystmd defines that have no meaning in print (or are not used yet). */
  private static final Set<String> MYST_ONLY = Set.of(
      "id", "short_title", "github", "banner", "thumbnail", "venue", "biblio", "jupyter", "resources", "requirements",
      "plugins", "error_rules", "settings", "edit_url", "references", "open_access", "funding", "affiliations",
      "contributors", "exclude", "index", "doi", "arxiv", "pmid", "pmcid", "source_url", "tags", "parts", "options",
      "downloads", "social", "site", "external_urls", "license_url", "enumerator", "kernelspec", "abstract");

  /** Top-level myst.yml keys. */
  private static final Set<String> TOP = Set.of("version", "project", "site", "extends");

  private MystConfig() {}

  static Project load(World world, Diagnostics diags) throws ConfigException {
    String text;
    try {
      text = new String(world.read(FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("config-unreadable", SourcePos.of(FILE, 1, 1), "cannot read " + FILE + ": " + e.getMessage());
    }
    Value root = YamlTree.parse(FILE, text);
    if (root.map() == null) throw new ConfigException("config-yaml", root.pos(), FILE + " must be a mapping of keys to values");
    for (String k : YamlTree.keys(root.map())) {
      SourcePos at = YamlTree.keyPos(root.map(), k, root.pos());
      if (k.equals("site") || k.equals("extends")) info(diags, at, "'" + k + "' in " + FILE + " is for the web site and not used in print");
      else if (!TOP.contains(k)) diags.warn("config-unknown-key", at, "unknown key '" + k + "' in " + FILE + " is ignored");
    }
    Value project = root.map().get("project");
    if (project == null || project.map() == null) {
      throw new ConfigException("config-missing", root.pos(), FILE + " has no 'project:' section");
    }
    Map<String, Value> in = project.map();
    Map<String, Value> out = new LinkedHashMap<>();
    for (String k : YamlTree.keys(in)) {
      SourcePos at = YamlTree.keyPos(in, k, project.pos());
      Value v = in.get(k);
      if (USED.contains(k)) {
        switch (k) {
          case "lang" -> put(out, "language", v, at);
          case "authors" -> put(out, k, Authors.normalise(v), at);
          case "toc" -> put(out, k, new Value(TocReader.myst(world, v, diags), v.pos()), at);
          case "exports" -> exports(v, out, diags);
          case "abbreviations" -> info(diags, at, "abbreviations are not expanded in print yet");
          default -> put(out, k, v, at);
        }
      } else if (MYST_ONLY.contains(k)) {
        info(diags, at, "'" + k + "' in " + FILE + " has no use in print and is ignored");
      } else {
        diags.warn("config-unknown-key", at, "unknown key '" + k + "' in the project section of " + FILE + " is ignored");
      }
    }
    if (!out.containsKey("toc")) {
      diags.warn("config-toc", project.pos(), FILE + " has no 'toc': chapters are the Markdown and notebook files in alphabetical order");
      put(out, "toc", new Value(TocReader.allPages(world, project.pos()), project.pos()), project.pos());
    }
    return ProjectLoader.fromMapping(FILE, new Value(out, project.pos()), ProjectLoader.KNOWN_KEYS, diags);
  }

  /** A pdf export's {@code output} names the PDF; its other options are noted. */
  private static void exports(Value v, Map<String, Value> out, Diagnostics diags) {
    List<Value> items = v.list() != null ? v.list() : List.of(v);
    for (Value e : items) {
      if (e.map() == null) continue;
      Value format = e.map().get("format");
      String f = format == null || format.str() == null ? "" : format.str();
      Value output = e.map().get("output");
      boolean pdf = f.equals("pdf") || f.equals("typst") || f.equals("tex")
          || (f.isEmpty() && output != null && output.str() != null && output.str().endsWith(".pdf"));
      if (!pdf) continue;
      if (output != null && output.str() != null && !out.containsKey("output")) {
        String name = output.str().replaceAll(".*/", "").replaceAll("(?i)\\.pdf$", "");
        if (!name.isEmpty()) put(out, "output", new Value(name, output.pos()), output.pos());
      }
      for (String k : YamlTree.keys(e.map())) {
        if (!Set.of("format", "output", "id").contains(k)) {
          info(diags, YamlTree.keyPos(e.map(), k, e.pos()), "export option '" + k + "' is not used: the book's style decides the layout");
        }
      }
    }
  }

  private static void put(Map<String, Value> m, String key, Value v, SourcePos keyPos) {
    m.put(key, v);
    m.put("\u0000pos:" + key, new Value(null, keyPos));
  }

  static void info(Diagnostics diags, SourcePos pos, String message) {
    diags.report(new Diagnostic("config-ignored", Severity.INFO, message, pos, ""));
  }
}
