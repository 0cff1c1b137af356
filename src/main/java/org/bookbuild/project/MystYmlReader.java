package org.bookbuild.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * mystmd's {@code myst.yml}: its {@code project:} section is mapped onto the description's (book.yml) keys; any key of
 * {@link ProjectLoader#KNOWN_KEYS} written under {@code project:} is taken as it is. Keys mystmd knows but print has no
 * use for are noted once (info); keys neither knows are warnings at their line.
 */
final class MystYmlReader implements ProjectReader {
  static final String FILE = "myst.yml";

  /** project: keys read with their own mapping. */
  private static final Set<String> MAPPED = Set.of("authors", "toc", "exports", "abbreviations", "lang", "license", "github");

  /** project: keys mystmd defines that have no meaning in print (or are not used yet). */
  private static final Set<String> MYST_ONLY = Set.of(
      "id", "short_title", "banner", "thumbnail", "venue", "biblio", "jupyter", "resources", "requirements",
      "plugins", "error_rules", "settings", "edit_url", "open_access", "funding", "affiliations",
      "contributors", "exclude", "index", "doi", "arxiv", "pmid", "pmcid", "source_url", "tags", "parts", "options",
      "downloads", "social", "site", "external_urls", "license_url", "enumerator", "kernelspec", "abstract");

  /** Top-level myst.yml keys. */
  private static final Set<String> TOP = Set.of("version", "project", "site", "extends");

  @Override
  public String file() {
    return FILE;
  }

  @Override
  public boolean accepts(Value root) {
    return root.map() != null;
  }

  @Override
  public ProjectDescription read(World world, Value root, Diagnostics diags) throws ConfigException {
    for (String k : YamlTree.keys(root.map())) {
      SourcePos at = YamlTree.keyPos(root.map(), k, root.pos());
      if (k.equals("site") || k.equals("extends")) ProjectLoader.info(diags, at, "'" + k + "' in " + FILE + " is for the web site and not used in print");
      else if (!TOP.contains(k)) diags.warn("config-unknown-key", at, "unknown key '" + k + "' in " + FILE + " is ignored");
    }
    Value project = root.map().get("project");
    if (project == null || project.map() == null) {
      throw new ConfigException("config-missing", root.pos(), FILE + " has no 'project:' section");
    }
    Map<String, Value> in = project.map();
    Map<String, Value> out = new LinkedHashMap<>();
    List<TocSpec> toc = null;
    for (String k : YamlTree.keys(in)) {
      SourcePos at = YamlTree.keyPos(in, k, project.pos());
      Value v = in.get(k);
      if (MAPPED.contains(k)) {
        switch (k) {
          case "lang" -> put(out, "language", v, at);
          case "authors" -> put(out, k, Authors.normalise(v), at);
          case "toc" -> toc = new TocLists(FILE, diags, "children").entries(v);
          case "exports" -> exports(v, out, diags);
          case "license" -> put(out, k, license(v, diags), at);
          case "github" -> put(out, "repository", v, at);
          default -> put(out, k, v, at);
        }
      } else if (ProjectLoader.KNOWN_KEYS.contains(k)) {
        put(out, k, v, at);
      } else if (MYST_ONLY.contains(k)) {
        ProjectLoader.info(diags, at, "'" + k + "' in " + FILE + " has no use in print and is ignored");
      } else {
        diags.warn("config-unknown-key", at, "unknown key '" + k + "' in the project section of " + FILE + " is ignored");
      }
    }
    if (toc == null) {
      diags.warn("config-toc", project.pos(), FILE + " has no 'toc': chapters are the Markdown and notebook files in alphabetical order");
      toc = TocFiles.allPages(world, project.pos());
    }
    return new ProjectDescription(FILE, new Value(out, project.pos()), List.of(), toc, List.of(), List.of());
  }

  /** mystmd's licence {@code {content, code}}: the content licence is printed; the code licence is noted. */
  private static Value license(Value v, Diagnostics diags) {
    if (v.map() != null && v.map().get("code") != null && v.map().get("content") != null) {
      ProjectLoader.info(diags, v.map().get("code").pos(), "the code licence (" + TocLists.str(v.map().get("code"))
          + ") is not printed: the book carries its content licence");
    }
    return v;
  }

  /** A pdf export's {@code output} names the PDF; its other options are noted. */
  private static void exports(Value v, Map<String, Value> out, Diagnostics diags) {
    List<Value> items = v.list() != null ? v.list() : List.of(v);
    for (Value e : items) {
      if (e.map() == null) continue;
      String f = TocLists.str(e.map().get("format"));
      Value output = e.map().get("output");
      boolean pdf = f.equals("pdf") || f.equals("typst") || f.equals("tex")
          || (f.isEmpty() && output != null && output.str() != null && output.str().endsWith(".pdf"));
      if (!pdf) {
        ProjectLoader.info(diags, e.pos(), "export " + (f.isEmpty() ? "" : "'" + f + "' ") + "is not a PDF and is not made by this tool");
        continue;
      }
      if (output != null && output.str() != null && !out.containsKey("output")) {
        String name = output.str().replaceAll(".*/", "").replaceAll("(?i)\\.pdf$", "");
        if (!name.isEmpty()) put(out, "output", new Value(name, output.pos()), output.pos());
      }
      for (String k : YamlTree.keys(e.map())) {
        if (!Set.of("format", "output", "id").contains(k)) {
          ProjectLoader.info(diags, YamlTree.keyPos(e.map(), k, e.pos()), "export option '" + k + "' is not used: the book's style decides the layout");
        }
      }
    }
  }

  private static void put(Map<String, Value> m, String key, Value v, SourcePos keyPos) {
    m.put(key, v);
    m.put("\u0000pos:" + key, new Value(null, keyPos));
  }
}
