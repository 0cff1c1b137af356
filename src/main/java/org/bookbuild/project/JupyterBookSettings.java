package org.bookbuild.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * Jupyter Book's {@code _config.yml}, shared by both {@code _toc.yml} readers: title, author, copyright, bibliography
 * files, MathJax/LaTeX macros and the LaTeX target name, put into a description's settings under book.yml's keys. Keys
 * with no use in print are noted once each; unknown keys are warnings at their line.
 */
final class JupyterBookSettings {
  static final String CONFIG = "_config.yml";

  private static final Set<String> CONFIG_IGNORED = Set.of(
      "logo", "exclude_patterns", "only_build_toc_files", "execute", "html", "launch_buttons", "repository", "binder",
      "jupyterhub", "thebe", "colab", "notebook_interface", "use_multitoc_numbering", "email", "baseurl", "google_analytics");

  private JupyterBookSettings() {}

  /** Reads {@code _config.yml}, when the project has one, into {@code out}. */
  static void read(World world, Map<String, Value> out, Diagnostics diags) throws ConfigException {
    if (world.exists(CONFIG)) config(parse(world, CONFIG), out, diags);
  }

  private static void config(Value cfg, Map<String, Value> out, Diagnostics diags) {
    if (cfg.map() == null) return;
    Map<String, Value> c = cfg.map();
    for (String k : YamlTree.keys(c)) {
      SourcePos at = YamlTree.keyPos(c, k, cfg.pos());
      Value v = c.get(k);
      switch (k) {
        case "title", "copyright", "description", "language" -> put(out, k, v);
        // this tool's own choice for print, which Jupyter Book has no key for
        case "hidden-cells" -> put(out, k, v);
        case "author" -> put(out, "authors", Authors.fromString(v));
        case "bibtex_bibfiles" -> put(out, "bibliography", v);
        case "parse" -> parseSettings(v, out, diags);
        case "sphinx" -> sphinx(v, out, diags);
        case "latex" -> latex(v, out, diags);
        case "repository" -> {
          Value url = path(v, "url");
          if (url != null && url.str() != null) put(out, "repository", url);
          noteOthers(v, Set.of("url"), "repository", diags);
        }
        default -> {
          if (CONFIG_IGNORED.contains(k)) ProjectLoader.info(diags, at, "'" + k + "' in " + CONFIG + " has no use in print and is ignored");
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
  private static void parseSettings(Value parse, Map<String, Value> out, Diagnostics diags) {
    Value subst = path(parse, "myst_substitutions");
    if (subst != null && subst.map() != null) put(out, "substitutions", subst);
    Value ext = path(parse, "myst_enable_extensions");
    if (ext != null && ext.list() != null) {
      Set<String> builtin = Set.of("dollarmath", "amsmath", "colon_fence", "deflist", "html_image", "linkify", "substitution",
          "tasklist", "fieldlist", "attrs_inline", "attrs_block", "smartquotes", "replacements", "strikethrough", "html_admonition");
      for (Value e : ext.list()) {
        if (e.str() != null && !builtin.contains(e.str())) {
          ProjectLoader.info(diags, e.pos(), "MyST extension '" + e.str() + "' is not known to this tool; its syntax may print as text");
        }
      }
    }
    if (parse != null && parse.map() != null) {
      for (String k : YamlTree.keys(parse.map())) {
        if (!k.equals("myst_enable_extensions") && !k.equals("myst_substitutions")) {
          ProjectLoader.info(diags, YamlTree.keyPos(parse.map(), k, parse.pos()), "parse option '" + k
              + "' is not needed: MyST syntax, its extensions and web links are always read");
        }
      }
    }
  }

  /** {@code sphinx.config}: MathJax macros, the citation style and the language are used; the rest is noted. */
  private static void sphinx(Value v, Map<String, Value> out, Diagnostics diags) {
    macros(path(v, "config", "mathjax3_config", "tex", "macros"), out);
    Value style = path(v, "config", "bibtex_reference_style");
    if (style != null && style.str() != null) {
      put(out, "citation-style", new Value(style.str().startsWith("author_year") ? "author-year" : "numeric", style.pos()));
    }
    Value lang = path(v, "config", "language");
    if (lang != null && lang.str() != null && !out.containsKey("language")) put(out, "language", lang);
    // other projects' documentation references may point into ({ref}`name:label`): printed as text, not ??
    Value inter = path(v, "config", "intersphinx_mapping");
    if (inter != null && inter.map() != null) put(out, "references", inter);
    // add_function_parentheses: False — {py:func}`f` prints "f", not "f()"
    Value parens = path(v, "config", "add_function_parentheses");
    if (parens != null && parens.plain() != null) {
      put(out, "function-parentheses", new Value(String.valueOf(parens.plain()).toLowerCase(java.util.Locale.ROOT), parens.pos()));
    }
    Value ext = path(v, "extra_extensions");
    if (ext != null && ext.list() != null && !ext.list().isEmpty()) {
      ProjectLoader.info(diags, ext.pos(), "Sphinx extensions (" + String.join(", ", ext.list().stream().map(x -> String.valueOf(x.plain())).toList())
          + ") are not run; directives they add are reported where they are used");
    }
    Value cfg = path(v, "config");
    if (cfg != null && cfg.map() != null) {
      for (String k : YamlTree.keys(cfg.map())) {
        if (!Set.of("mathjax3_config", "mathjax_config", "bibtex_reference_style", "language", "latex_elements",
            "intersphinx_mapping", "add_function_parentheses").contains(k)) {
          ProjectLoader.info(diags, YamlTree.keyPos(cfg.map(), k, cfg.pos()), "Sphinx setting '" + k + "' has no use in print and is ignored");
        }
      }
    }
  }

  /** {@code latex}: the target name names the PDF; the preamble's macros are read (below); the engine is noted. */
  private static void latex(Value v, Map<String, Value> out, Diagnostics diags) {
    Value target = path(v, "latex_documents", "targetname");
    if (target != null && target.str() != null) put(out, "output", new Value(target.str().replaceAll("(?i)\\.(tex|pdf)$", ""), target.pos()));
    noteOthers(v, Set.of("latex_documents", "latex_elements"), "latex", diags);
  }

  /** Notes each sub-key of a section this tool reads only in part. */
  private static void noteOthers(Value v, Set<String> used, String section, Diagnostics diags) {
    if (v == null || v.map() == null) return;
    for (String k : YamlTree.keys(v.map())) {
      if (!used.contains(k)) {
        ProjectLoader.info(diags, YamlTree.keyPos(v.map(), k, v.pos()), "'" + section + "." + k + "' in " + CONFIG + " has no use in print and is ignored");
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

  static Value parse(World world, String file) throws ConfigException {
    try {
      return YamlTree.parse(file, new String(world.read(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("config-unreadable", SourcePos.of(file, 1, 1), "cannot read " + file + ": " + e.getMessage());
    }
  }

  static void put(Map<String, Value> m, String key, Value v) {
    if (v == null) return;
    m.put(key, v);
    m.put("\u0000pos:" + key, new Value(null, v.pos()));
  }
}
