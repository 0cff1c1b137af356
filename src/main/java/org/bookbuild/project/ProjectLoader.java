package org.bookbuild.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;
import org.bookbuild.project.YamlTree.Value;

/**
 * Stage 1: reads the project configuration ({@code book.yml}) into a {@link Project}. Key names follow the
 * {@code project:} section of mystmd's {@code myst.yml} wherever the two overlap (title, subtitle, authors, date,
 * license, copyright, keywords, description, math, numbering, bibliography, toc), so that the {@code myst.yml} reader
 * can share {@link #fromMapping}.
 */
public final class ProjectLoader {
  public static final String BOOK_YML = "book.yml";

  /** Keys understood at the top level of book.yml. Anything else gives a warning at its line. */
  static final Set<String> KNOWN_KEYS = Set.of(
      "title", "subtitle", "authors", "date", "license", "copyright", "edition", "language", "keywords",
      "description", "math", "numbering", "bibliography", "toc", "frontmatter", "appendices", "backmatter",
      "solutions", "style", "output", "citation-style");

  private ProjectLoader() {}

  /**
   * Loads the project configuration from the project root: {@code book.yml}, else mystmd's {@code myst.yml}, else
   * Jupyter Book 1's {@code _toc.yml} (with {@code _config.yml}).
   */
  public static Project load(World world, Diagnostics diags) throws ConfigException {
    if (!world.exists(BOOK_YML)) {
      if (world.exists(MystConfig.FILE)) return MystConfig.load(world, diags);
      if (world.exists(JupyterBookConfig.TOC)) return JupyterBookConfig.load(world, diags);
      throw new ConfigException("config-missing", SourcePos.NONE,
          "no " + BOOK_YML + " (nor myst.yml or _toc.yml) in " + world.describeRoot());
    }
    for (String other : java.util.List.of(MystConfig.FILE, JupyterBookConfig.TOC)) {
      if (world.exists(other)) MystConfig.info(diags, SourcePos.of(other, 1, 1), BOOK_YML + " is used; " + other + " is not read");
    }
    String text;
    try {
      text = new String(world.read(BOOK_YML), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("config-unreadable", SourcePos.of(BOOK_YML, 1, 1), "cannot read " + BOOK_YML + ": " + e.getMessage());
    }
    Value root = YamlTree.parse(BOOK_YML, text);
    if (root.map() == null) {
      throw new ConfigException("config-yaml", root.pos(), BOOK_YML + " must be a mapping of keys to values");
    }
    return fromMapping(BOOK_YML, root, KNOWN_KEYS, diags);
  }

  /** Builds a project from a parsed mapping (the whole book.yml, or the {@code project:} section of a myst.yml). */
  public static Project fromMapping(String file, Value root, Set<String> known, Diagnostics diags) throws ConfigException {
    Map<String, Value> m = root.map();
    for (String k : YamlTree.keys(m)) {
      if (!known.contains(k)) {
        diags.warn("config-unknown-key", YamlTree.keyPos(m, k, root.pos()), "unknown key '" + k + "' in " + file + " is ignored");
      }
    }
    Fields f = new Fields(m, root.pos());
    Metadata meta = new Metadata(
        f.string("title", "Untitled"),
        f.string("subtitle", ""),
        authors(m.get("authors")),
        f.string("date", ""),
        license(m.get("license")),
        f.string("copyright", ""),
        f.string("edition", ""),
        f.string("language", "en"),
        f.strings("keywords"),
        f.string("description", ""));
    Map<String, String> macros = new LinkedHashMap<>();
    Value math = m.get("math");
    if (math != null && math.map() != null) {
      for (String k : YamlTree.keys(math.map())) {
        Value v = math.map().get(k);
        String body = v.str() != null ? v.str() : v.map() != null && v.map().get("macro") != null ? v.map().get("macro").str() : null;
        if (body == null) diags.warn("config-math", v.pos(), "math macro '" + k + "' needs a text value");
        else macros.put(k, body);
      }
    }
    Map<String, Object> numbering = new LinkedHashMap<>();
    Value num = m.get("numbering");
    if (num != null && num.plain() instanceof Map<?, ?> nm) nm.forEach((k, v) -> numbering.put(String.valueOf(k), v));
    String solutions = f.string("solutions", "end-of-chapter");
    if (!Set.of("inline", "end-of-chapter", "end-of-book", "omit").contains(solutions)) {
      diags.warn("config-value", m.get("solutions").pos(), "solutions must be inline, end-of-chapter, end-of-book or omit; using end-of-chapter");
      solutions = "end-of-chapter";
    }
    String citations = f.string("citation-style", "numeric");
    if (!Set.of("numeric", "author-year").contains(citations)) {
      diags.warn("config-value", m.get("citation-style").pos(), "citation-style must be numeric or author-year; using numeric");
      citations = "numeric";
    }
    Object depth = numbering.getOrDefault("depth", 3);
    Project.Options opts = new Project.Options(
        f.string("style", "default"),
        f.strings("bibliography"),
        solutions,
        !"false".equals(String.valueOf(numbering.getOrDefault("headings", "true"))),
        parseInt(depth, 3),
        String.valueOf(numbering.getOrDefault("equations", "labelled")),
        numbering,
        citations);
    String output = f.string("output", slug(meta.title()));
    return new Project(file, output, meta, toc(file, m.get("frontmatter"), diags), toc(file, m.get("toc"), diags),
        toc(file, m.get("appendices"), diags), toc(file, m.get("backmatter"), diags), macros, opts, positions(m));
  }

  private static Map<String, SourcePos> positions(Map<String, Value> m) {
    Map<String, SourcePos> out = new LinkedHashMap<>();
    for (String k : YamlTree.keys(m)) out.put(k, m.get(k).pos());
    return out;
  }

  private static int parseInt(Object o, int dflt) {
    try {
      return Integer.parseInt(String.valueOf(o));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /** File-name-safe lower-case form of a title. */
  public static String slug(String s) {
    String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    t = t.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return t.isEmpty() ? "book" : t;
  }

  private static List<Metadata.Author> authors(Value v) {
    List<Metadata.Author> out = new ArrayList<>();
    if (v == null) return out;
    List<Value> items = v.list() != null ? v.list() : List.of(v);
    for (Value a : items) {
      if (a.str() != null) {
        out.add(new Metadata.Author(a.str(), "", ""));
      } else if (a.map() != null) {
        Fields af = new Fields(a.map(), a.pos());
        String aff = af.string("affiliation", "");
        if (aff.isEmpty()) aff = String.join("; ", af.strings("affiliations"));
        out.add(new Metadata.Author(af.string("name", ""), aff, af.string("email", "")));
      }
    }
    return out;
  }

  private static String license(Value v) {
    if (v == null) return "";
    if (v.str() != null) return v.str().trim();
    if (v.map() != null && v.map().get("content") != null) return String.valueOf(v.map().get("content").str()).trim();
    return "";
  }

  private static List<TocEntry> toc(String file, Value v, Diagnostics diags) {
    List<TocEntry> out = new ArrayList<>();
    if (v == null || v.value() == null) return out;
    List<Value> items = v.list() != null ? v.list() : List.of(v);
    for (Value e : items) {
      if (e.str() != null) {
        out.add(new TocEntry(e.str(), "", List.of(), e.pos()));
      } else if (e.map() != null) {
        Fields ef = new Fields(e.map(), e.pos());
        String f = ef.string("file", "");
        List<TocEntry> children = toc(file, e.map().get("children"), diags);
        String title = ef.string("title", "");
        if (f.isEmpty() && children.isEmpty()) {
          diags.warn("config-toc", e.pos(), "toc entry has neither 'file' nor 'children' and is skipped");
          continue;
        }
        out.add(new TocEntry(f, title, children, e.pos()));
      } else {
        diags.warn("config-toc", e.pos(), "toc entry must be a file name or a mapping");
      }
    }
    return out;
  }

  /** Typed access to the scalar fields of one mapping. */
  private record Fields(Map<String, Value> m, SourcePos pos) {
    String string(String key, String dflt) {
      Value v = m.get(key);
      if (v == null || v.value() == null) return dflt;
      return v.str() != null ? v.str() : String.valueOf(v.plain());
    }

    List<String> strings(String key) {
      Value v = m.get(key);
      if (v == null || v.value() == null) return List.of();
      if (v.list() != null) return v.list().stream().map(x -> String.valueOf(x.plain())).toList();
      return List.of(v.str() != null ? v.str() : String.valueOf(v.plain()));
    }
  }
}
