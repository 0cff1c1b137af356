package org.bookbuild.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * Jupyter Book 1 (0.11 and later) {@code _toc.yml}, a mapping: {@code format} ({@code jb-book} or {@code jb-article}),
 * {@code root}, then {@code parts} (each with {@code caption}, {@code numbered} and {@code chapters}) or top-level
 * {@code chapters} (or {@code sections} for an article), entries having {@code sections}. The root page of a book is
 * front matter (an unnumbered opening chapter, as a preface); an article is the root page with its sections.
 * {@code _config.yml} is read by {@link JupyterBookSettings}.
 */
final class JupyterBookReader implements ProjectReader {
  static final String TOC = "_toc.yml";

  private static final Set<String> TOC_KEYS = Set.of("format", "root", "parts", "chapters", "sections", "defaults", "options", "title");

  @Override
  public String file() {
    return TOC;
  }

  @Override
  public boolean accepts(Value root) {
    return root.map() != null;
  }

  @Override
  public ProjectDescription read(World world, Value toc, Diagnostics diags) throws ConfigException {
    Map<String, Value> t = toc.map();
    for (String k : YamlTree.keys(t)) {
      if (!TOC_KEYS.contains(k)) diags.warn("config-unknown-key", YamlTree.keyPos(t, k, toc.pos()), "unknown key '" + k + "' in " + TOC + " is ignored");
    }
    String format = TocLists.str(t.get("format"));
    if (format.isEmpty()) format = "jb-book";
    if (!format.equals("jb-book") && !format.equals("jb-article")) {
      diags.warn("config-value", t.get("format").pos(), "unknown _toc.yml format '" + format + "'; read as jb-book");
      format = "jb-book";
    }
    Value rootV = t.get("root");
    if (rootV == null || rootV.str() == null) throw new ConfigException("config-toc", toc.pos(), TOC + " needs a 'root' page");
    int defaultNumbered = TocLists.numbered(path(t, "defaults", "numbered"));
    if (defaultNumbered == TocEntry.NUMBERED_UNSET) defaultNumbered = TocLists.numbered(path(t, "options", "numbered"));
    TocLists lists = new TocLists(TOC, diags, "sections");
    List<TocSpec> entries = new ArrayList<>();
    if (t.containsKey("parts")) {
      Value parts = t.get("parts");
      for (Value p : parts.list() != null ? parts.list() : List.of(parts)) {
        if (p.map() == null) continue;
        lists.noteKeys(p.map(), p.pos(), Set.of("caption"));
        String caption = TocLists.str(p.map().get("caption"));
        List<TocSpec> chapters = lists.entries(p.map().get("chapters"));
        int numbered = TocLists.numbered(p.map().get("numbered"));
        if (numbered == TocEntry.NUMBERED_UNSET) numbered = defaultNumbered;
        if (chapters.isEmpty()) continue;
        if (caption.isEmpty()) entries.addAll(chapters);
        else entries.add(TocSpec.group(caption, chapters, p.pos(), numbered));
      }
    }
    for (String key : List.of("chapters", "sections")) {
      if (t.containsKey(key)) entries.addAll(lists.entries(t.get(key)));
    }
    TocSpec root = TocSpec.page(rootV.str(), "", List.of(), rootV.pos(), TocEntry.NUMBERED_UNSET);
    Map<String, Value> out = new LinkedHashMap<>();
    JupyterBookSettings.read(world, out, diags);
    Value settings = new Value(out, toc.pos());
    if (format.equals("jb-article")) {
      // one chapter whatever the depth of its sections: inside an untitled group, so that sections with sections of
      // their own do not make the root page open a part (a part page titled with the article's title, its sections
      // chapters), as a jb-book's top-level page would
      TocSpec article = TocSpec.page(rootV.str(), "", entries, rootV.pos(), TocEntry.NUMBERED_UNSET);
      return new ProjectDescription(TOC, settings, List.of(),
          List.of(TocSpec.group("", List.of(article), rootV.pos(), TocEntry.NUMBERED_UNSET)), List.of(), List.of());
    }
    if (entries.isEmpty()) return new ProjectDescription(TOC, settings, List.of(), List.of(root), List.of(), List.of());
    return new ProjectDescription(TOC, settings, List.of(root), entries, List.of(), List.of());
  }

  private static Value path(Map<String, Value> m, String a, String b) {
    Value v = m.get(a);
    return v == null || v.map() == null ? null : v.map().get(b);
  }
}
