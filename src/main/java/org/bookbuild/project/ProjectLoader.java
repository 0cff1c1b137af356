package org.bookbuild.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.model.Metadata;
import org.bookbuild.project.YamlTree.Value;

/**
 * Stage 1: reads the project configuration into a {@link Project}. Each project format is one {@link ProjectReader}
 * in {@link #READERS} ({@code book.yml}, mystmd's {@code myst.yml}, Jupyter Book's {@code _toc.yml} as a mapping or in
 * the older list format) producing the same {@link ProjectDescription}: settings under {@code book.yml}'s key names
 * and toc lists. {@link TocFiles} then finds every toc page in one place, and {@link #build} makes the project.
 */
public final class ProjectLoader {
  public static final String BOOK_YML = BookYmlReader.FILE;

  /**
   * Keys of the description's settings (book.yml's top level; under {@code project:} in myst.yml). Anything else in
   * book.yml gives a warning at its line.
   */
  static final Set<String> KNOWN_KEYS = Set.of(
      "title", "subtitle", "authors", "date", "license", "copyright", "edition", "language", "keywords",
      "description", "math", "numbering", "bibliography", "toc", "frontmatter", "appendices", "backmatter",
      "solutions", "style", "output", "citation-style", "repository", "editions", "version", "since", "references",
      "press", "colour", "cover", "archive", "substitutions", "function-parentheses", "hidden-cells", "abbreviations");

  /** The project formats, in the order their files are looked for; the first whose file exists is read. */
  static final List<ProjectReader> READERS = List.of(
      new BookYmlReader(), new MystYmlReader(), new JupyterBookReader(), new LegacyTocReader());

  private ProjectLoader() {}

  /** Loads the project from its root: the first configuration file of {@link #READERS} that exists. */
  public static Project load(World world, Diagnostics diags) throws ConfigException {
    String file = READERS.stream().map(ProjectReader::file).filter(world::exists).findFirst().orElseThrow(() ->
        new ConfigException("config-missing", SourcePos.NONE, "no " + BOOK_YML + " (nor myst.yml or _toc.yml) in " + world.describeRoot()));
    READERS.stream().map(ProjectReader::file).distinct().filter(f -> !f.equals(file) && world.exists(f))
        .forEach(other -> info(diags, SourcePos.of(other, 1, 1), file + " is used; " + other + " is not read"));
    Value root = parse(world, file);
    ProjectReader reader = READERS.stream().filter(r -> r.file().equals(file) && r.accepts(root)).findFirst()
        .orElseThrow(() -> new ConfigException("config-yaml", root.pos(), file + " must be a mapping of keys to values"));
    return build(world, reader.read(world, root, diags), diags);
  }

  static Value parse(World world, String file) throws ConfigException {
    try {
      return YamlTree.parse(file, new String(world.read(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("config-unreadable", SourcePos.of(file, 1, 1), "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Makes the project of a description: the toc pages found ({@link TocFiles}), metadata and options read. */
  static Project build(World world, ProjectDescription d, Diagnostics diags) throws ConfigException {
    String file = d.configFile();
    Value root = d.settings();
    Map<String, Value> m = root.map();
    for (String k : YamlTree.keys(m)) {
      if (!KNOWN_KEYS.contains(k)) {
        diags.warn("config-unknown-key", YamlTree.keyPos(m, k, root.pos()), "unknown key '" + k + "' in " + file + " is ignored");
      }
    }
    List<List<TocEntry>> tocs = TocFiles.resolve(world, List.of(d.frontmatter(), d.toc(), d.appendices(), d.backmatter()), diags);
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
    String solutions = f.oneOf("solutions", "end-of-chapter", diags, "inline", "end-of-chapter", "end-of-book", "omit");
    String citations = f.oneOf("citation-style", "numeric", diags, "numeric", "author-year");
    String archive = f.oneOf("archive", "false", diags, "true", "false");
    Object depth = numbering.getOrDefault("depth", 3);
    Project.Options opts = new Project.Options(
        f.string("style", "default"),
        f.strings("bibliography"),
        solutions,
        !"false".equals(String.valueOf(numbering.getOrDefault("headings", "true"))),
        parseInt(depth, 3),
        String.valueOf(numbering.getOrDefault("equations", "labelled")),
        numbering,
        citations,
        f.string("repository", ""),
        references(m.get("references")),
        print(m, f, diags),
        archive.equals("true"),
        reading(m, f, diags));
    String output = f.string("output", slug(meta.title()));
    return new Project(file, output, meta, tocs.get(0), tocs.get(1), tocs.get(2), tocs.get(3), macros, opts, positions(m),
        m.get("substitutions") != null && m.get("substitutions").map() != null ? m.get("substitutions") : null);
  }

  /** {@code references:} name → address (a mapping; a list value, as intersphinx writes it, gives its first item). */
  private static Map<String, String> references(Value v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.map() == null) return out;
    for (String k : YamlTree.keys(v.map())) {
      Value x = v.map().get(k);
      Object plain = x.plain();
      if (plain instanceof List<?> l) plain = l.isEmpty() ? "" : l.get(0);
      out.put(k, plain == null ? "" : String.valueOf(plain));
    }
    return out;
  }

  /** {@code function-parentheses:} (true/false) and {@code hidden-cells:} (omit/print). */
  private static Project.Reading reading(Map<String, Value> m, Fields f, Diagnostics diags) {
    String parens = f.oneOf("function-parentheses", "true", diags, "true", "false");
    String hidden = f.oneOf("hidden-cells", "omit", diags, "omit", "print");
    Map<String, String> abbr = new LinkedHashMap<>();
    Value a = m.get("abbreviations");
    if (a != null && a.map() != null) {
      for (String k : YamlTree.keys(a.map())) {
        Value v = a.map().get(k);
        if (v.str() != null && !k.isBlank() && !v.str().isBlank()) abbr.put(k.strip(), v.str().strip());
        else diags.warn("config-value", v.pos(), "abbreviation '" + k + "' needs a text expansion");
      }
    } else if (a != null) {
      diags.warn("config-value", a.pos(), "abbreviations takes a mapping of abbreviations to their expansions");
    }
    return new Project.Reading(parens.equals("true"), hidden.equals("print"), abbr);
  }

  /** {@code press:}, {@code colour:} and {@code cover: image:} (the press name itself is checked against styles/press.yml). */
  private static Project.Print print(Map<String, Value> m, Fields f, Diagnostics diags) {
    String colour = f.oneOf("colour", "colour", diags, "colour", "grayscale");
    String image = "";
    Value cover = m.get("cover");
    if (cover != null) {
      Value img = cover.map() == null ? null : cover.map().get("image");
      if (img == null || img.str() == null) diags.warn("config-value", cover.pos(), "cover takes a mapping with image: a project path");
      else image = img.str();
    }
    return new Project.Print(f.string("press", "none"), colour, image);
  }

  static void info(Diagnostics diags, SourcePos pos, String message) {
    diags.report(new Diagnostic("config-ignored", Severity.INFO, message, pos, ""));
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

  /** Typed access to the scalar fields of one mapping. */
  private record Fields(Map<String, Value> m, SourcePos pos) {
    String string(String key, String dflt) {
      Value v = m.get(key);
      if (v == null || v.value() == null) return dflt;
      return v.str() != null ? v.str() : String.valueOf(v.plain());
    }

    /**
     * The value of {@code key}, one of {@code allowed}; {@code dflt} when it is absent, and with a {@code config-value}
     * warning at the key when it is something else ("solutions must be inline, …, end-of-book or omit; using …").
     */
    String oneOf(String key, String dflt, Diagnostics diags, String... allowed) {
      String v = string(key, dflt);
      if (Arrays.asList(allowed).contains(v)) return v;
      String list = String.join(", ", Arrays.copyOf(allowed, allowed.length - 1)) + " or " + allowed[allowed.length - 1];
      diags.warn("config-value", m.get(key).pos(), key + " must be " + list + "; using " + dflt);
      return dflt;
    }

    List<String> strings(String key) {
      Value v = m.get(key);
      if (v == null || v.value() == null) return List.of();
      if (v.list() != null) return v.list().stream().map(x -> String.valueOf(x.plain())).toList();
      return List.of(v.str() != null ? v.str() : String.valueOf(v.plain()));
    }
  }
}
