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
import org.bookbuild.project.YamlTree.Value;

/**
 * Reads a Jupyter Book 1 project: {@code _toc.yml} (formats {@code jb-book} and {@code jb-article}) and, when present,
 * {@code _config.yml} (title, author, copyright, bibliography files, MathJax/LaTeX macros). The root page of a
 * {@code jb-book} is front matter (an unnumbered opening chapter, as a preface); a {@code jb-article} is the root page
 * with its sections.
 */
final class JupyterBookConfig {
  static final String TOC = "_toc.yml";
  static final String CONFIG = "_config.yml";

  private static final Set<String> TOC_KEYS = Set.of("format", "root", "parts", "chapters", "sections", "defaults", "options", "title");
  private static final Set<String> CONFIG_USED = Set.of("title", "author", "copyright", "bibtex_bibfiles", "parse", "sphinx", "latex", "language", "description");
  private static final Set<String> CONFIG_IGNORED = Set.of(
      "logo", "exclude_patterns", "only_build_toc_files", "execute", "html", "launch_buttons", "repository", "binder",
      "jupyterhub", "thebe", "colab", "notebook_interface", "use_multitoc_numbering", "email", "baseurl", "google_analytics");

  private JupyterBookConfig() {}

  static Project load(World world, Diagnostics diags) throws ConfigException {
    Value toc = parse(world, TOC);
    if (toc.map() == null) throw new ConfigException("config-yaml", toc.pos(), TOC + " must be a mapping of keys to values");
    Map<String, Value> t = toc.map();
    for (String k : YamlTree.keys(t)) {
      if (!TOC_KEYS.contains(k)) diags.warn("config-unknown-key", YamlTree.keyPos(t, k, toc.pos()), "unknown key '" + k + "' in " + TOC + " is ignored");
    }
    String format = t.get("format") == null || t.get("format").str() == null ? "jb-book" : t.get("format").str();
    if (!format.equals("jb-book") && !format.equals("jb-article")) {
      diags.warn("config-value", t.get("format").pos(), "unknown _toc.yml format '" + format + "'; read as jb-book");
      format = "jb-book";
    }
    Value rootV = t.get("root");
    if (rootV == null || rootV.str() == null) throw new ConfigException("config-toc", toc.pos(), TOC + " needs a 'root' page");
    String root = TocReader.resolve(world, rootV.str());
    List<Value> entries = TocReader.jupyterBook(world, t, diags);
    Map<String, Value> out = new LinkedHashMap<>();
    if (format.equals("jb-article")) {
      put(out, "toc", new Value(List.of(TocReader.entry(root, "", entries, rootV.pos())), rootV.pos()));
    } else if (entries.isEmpty()) {
      put(out, "toc", new Value(List.of(TocReader.entry(root, "", List.of(), rootV.pos())), rootV.pos()));
    } else {
      put(out, "frontmatter", new Value(List.of(TocReader.entry(root, "", List.of(), rootV.pos())), rootV.pos()));
      put(out, "toc", new Value(entries, toc.pos()));
    }
    if (world.exists(CONFIG)) config(parse(world, CONFIG), out, diags);
    SourcePos at = toc.pos();
    return ProjectLoader.fromMapping(TOC, new Value(out, at), ProjectLoader.KNOWN_KEYS, diags);
  }

  private static void config(Value cfg, Map<String, Value> out, Diagnostics diags) {
    if (cfg.map() == null) return;
    Map<String, Value> c = cfg.map();
    for (String k : YamlTree.keys(c)) {
      SourcePos at = YamlTree.keyPos(c, k, cfg.pos());
      Value v = c.get(k);
      switch (k) {
        case "title", "copyright", "description", "language" -> put(out, k, v);
        case "author" -> put(out, "authors", Authors.fromString(v));
        case "bibtex_bibfiles" -> put(out, "bibliography", v);
        case "parse" -> extensions(v, diags);
        case "sphinx" -> macros(path(v, "config", "mathjax3_config", "tex", "macros"), out);
        case "latex" -> {
          Value target = path(v, "latex_documents", "targetname");
          if (target != null && target.str() != null) put(out, "output", new Value(target.str().replaceAll("(?i)\\.(tex|pdf)$", ""), target.pos()));
        }
        default -> {
          if (CONFIG_IGNORED.contains(k)) MystConfig.info(diags, at, "'" + k + "' in " + CONFIG + " has no use in print and is ignored");
          else diags.warn("config-unknown-key", at, "unknown key '" + k + "' in " + CONFIG + " is ignored");
        }
      }
    }
    // MathJax 2 style, still common in Jupyter Book 1 configurations
    Value mj2 = path(c.get("sphinx"), "config", "mathjax_config", "TeX", "Macros");
    if (mj2 != null && !out.containsKey("math")) macros(mj2, out);
    // \newcommand lines of the LaTeX preamble (latex.latex_elements or sphinx.config.latex_elements)
    for (Value pre : new Value[] {path(c.get("latex"), "latex_elements", "preamble"), path(c.get("sphinx"), "config", "latex_elements", "preamble")}) {
      if (pre != null && pre.str() != null) preambleMacros(pre, out);
    }
  }

  private static final java.util.regex.Pattern NEWCOMMAND =
      java.util.regex.Pattern.compile("\\\\(?:re)?newcommand\\*?\\s*\\{?\\s*(\\\\[A-Za-z]+)\\s*\\}?\\s*(?:\\[(\\d)\\])?\\s*\\{");

  /** {@code \newcommand{\name}[n]{body}} definitions; the book's other macros win over them. */
  private static void preambleMacros(Value pre, Map<String, Value> out) {
    String t = pre.str();
    Map<String, Value> math = new LinkedHashMap<>();
    Value old = out.get("math");
    java.util.regex.Matcher m = NEWCOMMAND.matcher(t);
    while (m.find()) {
      int depth = 1, i = m.end();
      for (; i < t.length() && depth > 0; i++) {
        char ch = t.charAt(i);
        if (ch == '\\') i++;
        else if (ch == '{') depth++;
        else if (ch == '}') depth--;
      }
      if (depth == 0) math.put(m.group(1), new Value(t.substring(m.end(), i - 1), pre.pos()));
    }
    if (old != null && old.map() != null) math.putAll(old.map());
    if (!math.isEmpty()) put(out, "math", new Value(math, pre.pos()));
  }

  /** MyST extensions are always on in this reader (dollar math, colon fences …); say which ones it does not know. */
  private static void extensions(Value parse, Diagnostics diags) {
    Value ext = path(parse, "myst_enable_extensions");
    if (ext == null || ext.list() == null) return;
    Set<String> builtin = Set.of("dollarmath", "amsmath", "colon_fence", "deflist", "html_image", "linkify", "substitution",
        "tasklist", "fieldlist", "attrs_inline", "attrs_block", "smartquotes", "replacements", "strikethrough", "html_admonition");
    for (Value e : ext.list()) {
      if (e.str() != null && !builtin.contains(e.str())) {
        MystConfig.info(diags, e.pos(), "MyST extension '" + e.str() + "' is not known to this tool; its syntax may print as text");
      }
    }
  }

  /** {@code name: body} or {@code name: [body, args]} (MathJax 3) into the book's math macros. */
  private static void macros(Value m, Map<String, Value> out) {
    if (m == null || m.map() == null) return;
    Map<String, Value> math = new LinkedHashMap<>();
    for (String k : YamlTree.keys(m.map())) {
      Value v = m.map().get(k);
      if (v.list() != null && !v.list().isEmpty()) v = v.list().get(0);
      if (v.str() != null) math.put(k, v);
    }
    if (!math.isEmpty()) put(out, "math", new Value(math, m.pos()));
  }

  private static Value path(Value v, String... keys) {
    for (String k : keys) {
      if (v == null || v.map() == null) return null;
      v = v.map().get(k);
    }
    return v;
  }

  private static Value parse(World world, String file) throws ConfigException {
    try {
      return YamlTree.parse(file, new String(world.read(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("config-unreadable", SourcePos.of(file, 1, 1), "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static void put(Map<String, Value> m, String key, Value v) {
    if (v == null) return;
    m.put(key, v);
    m.put("\u0000pos:" + key, new Value(null, v.pos()));
  }
}
