package org.bookbuild.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.project.YamlTree.Value;

/**
 * Reads toc entry lists as the formats write them into {@link TocSpec}s. The entry keys are common to all of them:
 * {@code file}, {@code title}, a list of children under the format's key ({@code children}, {@code sections},
 * {@code chapters}), {@code pattern}/{@code glob}, {@code url} (a web link: listed in the contents with its address)
 * and {@code numbered}.
 * Keys that steer only a web site's navigation ({@code hidden}, {@code expand_sections} …) are noted once per file.
 */
final class TocLists {
  /** Entry keys other tools use for their web navigation; each is noted once per file and otherwise ignored. */
  static final Set<String> WEB_ONLY = Set.of(
      "hidden", "expand_sections", "search", "class", "titlesonly", "maxdepth", "reversed", "caption_hidden",
      "short_title", "options", "style", "url_text", "external", "prefix", "divider", "limit");

  private final String configFile;
  private final Diagnostics diags;
  private final List<String> childKeys;
  private final Set<String> noted = new HashSet<>();

  /** @param childKeys the keys that hold an entry's children in this format */
  TocLists(String configFile, Diagnostics diags, String... childKeys) {
    this.configFile = configFile;
    this.diags = diags;
    this.childKeys = List.of(childKeys);
  }

  List<TocSpec> entries(Value v) {
    List<TocSpec> out = new ArrayList<>();
    if (v == null || v.value() == null) return out;
    for (Value e : v.list() != null ? v.list() : List.of(v)) {
      TocSpec s = entry(e);
      if (s != null) out.add(s);
    }
    return out;
  }

  /** One entry, or null (with a diagnostic) when it cannot be printed. */
  TocSpec entry(Value e) {
    if (e.str() != null) return TocSpec.page(e.str(), "", List.of(), e.pos(), TocEntry.NUMBERED_UNSET);
    if (e.map() == null) {
      diags.warn("config-toc", e.pos(), "toc entry must be a file name or a mapping");
      return null;
    }
    Map<String, Value> m = e.map();
    noteKeys(m, e.pos(), Set.of());
    if (m.containsKey("url")) {
      String url = str(m.get("url")).strip();
      if (url.isEmpty()) {
        diags.warn("config-toc", e.pos(), "toc entry has an empty 'url' and is skipped");
        return null;
      }
      return TocSpec.link(url, str(m.get("title")).strip(), e.pos());
    }
    Value pattern = m.containsKey("pattern") ? m.get("pattern") : m.get("glob");
    if (pattern != null && pattern.str() != null) return TocSpec.glob(pattern.str(), pattern.pos());
    List<TocSpec> children = new ArrayList<>();
    for (String key : childKeys) if (m.containsKey(key)) children.addAll(entries(m.get(key)));
    String file = str(m.get("file"));
    String title = str(m.get("title"));
    if (file.isEmpty() && children.isEmpty()) {
      diags.warn("config-toc", e.pos(), "toc entry has neither 'file' nor children and is skipped");
      return null;
    }
    return file.isEmpty()
        ? TocSpec.group(title, children, e.pos(), numbered(m.get("numbered")))
        : TocSpec.page(file, title, children, e.pos(), numbered(m.get("numbered")));
  }

  /** Notes keys of an entry that print ignores (once per key and file); {@code more} are keys the caller reads. */
  void noteKeys(Map<String, Value> m, SourcePos at, Set<String> more) {
    for (String k : YamlTree.keys(m)) {
      if (WEB_ONLY.contains(k) && noted.add(k)) {
        ProjectLoader.info(diags, YamlTree.keyPos(m, k, at), "toc key '" + k + "' in " + configFile
            + " steers web navigation and is ignored in print (noted once)");
      } else if (!WEB_ONLY.contains(k) && !more.contains(k) && !ENTRY_KEYS.contains(k) && !childKeys.contains(k) && noted.add(k)) {
        diags.warn("config-unknown-key", YamlTree.keyPos(m, k, at), "unknown toc key '" + k + "' in " + configFile + " is ignored");
      }
    }
  }

  private static final Set<String> ENTRY_KEYS = Set.of("file", "title", "url", "pattern", "glob", "numbered", "children", "sections", "chapters");

  /** Jupyter Book's {@code numbered}: true, false or a depth. */
  static int numbered(Value v) {
    if (v == null || v.str() == null) return TocEntry.NUMBERED_UNSET;
    String s = v.str().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("yes") || s.equals("on")) return Integer.MAX_VALUE;
    if (s.equals("false") || s.equals("no") || s.equals("off")) return 0;
    try {
      return Math.max(0, Integer.parseInt(s));
    } catch (NumberFormatException ex) {
      return TocEntry.NUMBERED_UNSET;
    }
  }

  static String str(Value v) {
    return v == null || v.str() == null ? "" : v.str();
  }
}
