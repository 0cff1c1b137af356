package org.bookbuild.project;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * Tables of contents of other tools rewritten into the {@code book.yml} form ({@code file}, {@code title},
 * {@code children}): mystmd's {@code toc} (with {@code pattern} globs) and Jupyter Book 1's {@code _toc.yml}
 * ({@code parts}/{@code chapters}/{@code sections}, file names without extension). Where each entry lands in the
 * printed book is decided by the parse stage and described in docs/projects.md.
 */
final class TocReader {
  /** Source file types a page can be, tried in this order for a name given without extension. */
  static final List<String> EXTENSIONS = List.of(".md", ".ipynb", ".myst.md");

  private TocReader() {}

  /** mystmd's toc entries. */
  static List<Value> myst(World world, Value toc, Diagnostics diags) {
    Set<String> named = new HashSet<>();
    collectFiles(world, toc, named);
    return entries(world, toc, diags, "children", named);
  }

  private static List<Value> entries(World world, Value v, Diagnostics diags, String childKey, Set<String> named) {
    List<Value> out = new ArrayList<>();
    if (v == null || v.value() == null) return out;
    for (Value e : v.list() != null ? v.list() : List.of(v)) {
      if (e.str() != null) {
        out.add(entry(resolve(world, e.str()), "", List.of(), e.pos()));
        continue;
      }
      if (e.map() == null) {
        diags.warn("config-toc", e.pos(), "toc entry must be a file name or a mapping");
        continue;
      }
      Map<String, Value> m = e.map();
      String title = str(m.get("title"));
      if (m.containsKey("url")) {
        MystConfig.info(diags, e.pos(), "toc entry with a url is a web link and is not printed");
        continue;
      }
      Value pattern = m.containsKey("pattern") ? m.get("pattern") : m.get("glob");
      if (pattern != null && pattern.str() != null) {
        for (String f : glob(world, pattern.str())) {
          if (named.add(f)) out.add(entry(f, "", List.of(), pattern.pos()));
        }
        continue;
      }
      List<Value> children = new ArrayList<>();
      for (String key : new java.util.LinkedHashSet<>(List.of(childKey, "sections", "chapters", "children"))) {
        if (m.containsKey(key)) children.addAll(entries(world, m.get(key), diags, childKey, named));
      }
      String file = str(m.get("file"));
      if (file.isEmpty() && children.isEmpty()) {
        diags.warn("config-toc", e.pos(), "toc entry has neither 'file' nor 'children' and is skipped");
        continue;
      }
      out.add(entry(file.isEmpty() ? "" : resolve(world, file), title, children, e.pos()));
    }
    return out;
  }

  /** Jupyter Book 1: {@code parts} (each a part of the book) or top-level {@code chapters}; {@code jb-article} has sections. */
  static List<Value> jupyterBook(World world, Map<String, Value> toc, Diagnostics diags) {
    Set<String> named = new HashSet<>();
    List<Value> out = new ArrayList<>();
    if (toc.containsKey("parts")) {
      Value parts = toc.get("parts");
      for (Value p : parts.list() != null ? parts.list() : List.of(parts)) {
        if (p.map() == null) continue;
        String caption = str(p.map().get("caption"));
        List<Value> chapters = entries(world, p.map().get("chapters"), diags, "sections", named);
        if (caption.isEmpty()) out.addAll(chapters);
        else out.add(entry("", caption, chapters, p.pos()));
      }
    }
    for (String key : List.of("chapters", "sections")) {
      if (toc.containsKey(key)) out.addAll(entries(world, toc.get(key), diags, "sections", named));
    }
    return out;
  }

  /** Every page in the project, alphabetically, the landing page ({@code index}, {@code README}) first. */
  static List<Value> allPages(World world, SourcePos pos) {
    List<Value> out = new ArrayList<>();
    List<String> files = glob(world, "**");
    files.sort((a, b) -> Boolean.compare(!isLanding(a), !isLanding(b)));
    for (String f : files) out.add(entry(f, "", List.of(), pos));
    return out;
  }

  private static boolean isLanding(String f) {
    return f.matches("(?i)(index|readme)\\.(md|ipynb)");
  }

  /** Project files matching a glob, sorted; only pages, never the build output or hidden folders. */
  static List<String> glob(World world, String pattern) {
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<String> out = new ArrayList<>();
    try {
      for (String f : world.list("", true)) {
        if (f.startsWith("out/") || f.startsWith("_build/") || f.startsWith(".") || f.contains("/.")) continue;
        if (!f.endsWith(".md") && !f.endsWith(".ipynb")) continue;
        if (m.matches(Path.of(f))) out.add(f);
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  /** A page named without extension is the .md or .ipynb file of that name; unchanged when none exists. */
  static String resolve(World world, String file) {
    String f = file.startsWith("/") ? file.substring(1) : file;
    if (world.exists(f)) return f;
    for (String ext : EXTENSIONS) if (world.exists(f + ext)) return f + ext;
    return f;
  }

  /** The files a toc names explicitly, so that a pattern does not list them a second time. */
  private static void collectFiles(World world, Value v, Set<String> out) {
    if (v == null) return;
    if (v.list() != null) v.list().forEach(x -> collectFiles(world, x, out));
    if (v.map() != null) {
      Value f = v.map().get("file");
      if (f != null && f.str() != null) out.add(resolve(world, f.str()));
      for (String k : YamlTree.keys(v.map())) if (!k.equals("file")) collectFiles(world, v.map().get(k), out);
    }
  }

  static Value entry(String file, String title, List<Value> children, SourcePos pos) {
    Map<String, Value> m = new LinkedHashMap<>();
    if (!file.isEmpty()) m.put("file", new Value(file, pos));
    if (!title.isEmpty()) m.put("title", new Value(title, pos));
    if (!children.isEmpty()) m.put("children", new Value(children, pos));
    return new Value(m, pos);
  }

  private static String str(Value v) {
    return v == null || v.str() == null ? "" : v.str();
  }
}
