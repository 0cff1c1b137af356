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
 * Jupyter Book 0.7–0.10 {@code _toc.yml}: a YAML list, read as {@code jupyter-book toc migrate} reads it. The first
 * entry is the root page (front matter, as a {@code jb-book} root); its own {@code sections}/{@code chapters} and the
 * entries after it are the book. When those entries are {@code - part:} (or {@code - chapter:}) entries, each is a part
 * titled by that value whose {@code chapters} are its chapters; otherwise they are chapters. A chapter's
 * {@code sections} are its sections, at any depth. A {@code - header:} entry (0.7–0.9) starts a part titled by it that
 * holds the entries up to the next header. {@code numbered} on the root entry applies to every part that does not say
 * otherwise; on a part or chapter it is kept on that entry. {@code url} entries are web links (listed in the contents with their address);
 * {@code title} overrides a page's title. {@code _config.yml} is read by {@link JupyterBookSettings}.
 */
final class LegacyTocReader implements ProjectReader {
  @Override
  public String file() {
    return JupyterBookReader.TOC;
  }

  @Override
  public boolean accepts(Value root) {
    return root.list() != null;
  }

  @Override
  public ProjectDescription read(World world, Value toc, Diagnostics diags) throws ConfigException {
    String file = JupyterBookReader.TOC;
    List<Value> items = toc.list();
    if (items.isEmpty() || items.get(0).map() == null || TocLists.str(items.get(0).map().get("file")).isEmpty()) {
      throw new ConfigException("config-toc", items.isEmpty() ? toc.pos() : items.get(0).pos(),
          file + " in the list format needs a first entry '- file: <root page>'");
    }
    ProjectLoader.info(diags, toc.pos(), file + " is in the list format of Jupyter Book 0.7-0.10; it is read as "
        + "'jupyter-book toc migrate' would convert it");
    TocLists lists = new TocLists(file, diags, "sections", "chapters");
    Value first = items.get(0);
    Map<String, Value> fm = first.map();
    lists.noteKeys(fm, first.pos(), Set.of());
    int bookNumbered = TocLists.numbered(fm.get("numbered"));
    TocSpec root = TocSpec.page(TocLists.str(fm.get("file")), TocLists.str(fm.get("title")), List.of(), first.pos(), bookNumbered);

    List<Value> rest = new ArrayList<>();
    for (String key : List.of("sections", "chapters")) {
      Value v = fm.get(key);
      if (v != null && v.list() != null) rest.addAll(v.list());
    }
    rest.addAll(items.subList(1, items.size()));

    List<TocSpec> book = new ArrayList<>();
    TocSpec open = null; // the part a header started, collecting the entries after it
    List<TocSpec> openChapters = null;
    for (Value e : rest) {
      Map<String, Value> m = e.map();
      String caption = m == null ? "" : !TocLists.str(m.get("part")).isEmpty() ? TocLists.str(m.get("part")) : TocLists.str(m.get("chapter"));
      if (m != null && (m.containsKey("part") || m.containsKey("chapter"))) {
        lists.noteKeys(m, e.pos(), Set.of("part", "chapter"));
        int numbered = TocLists.numbered(m.get("numbered"));
        List<TocSpec> chapters = lists.entries(m.get("chapters"));
        chapters.addAll(lists.entries(m.get("sections")));
        if (chapters.isEmpty()) {
          diags.warn("config-toc", e.pos(), "part '" + caption + "' has no chapters and is skipped");
          continue;
        }
        open = null;
        if (caption.isEmpty()) book.addAll(chapters);
        else book.add(TocSpec.group(caption, chapters, e.pos(), numbered == TocEntry.NUMBERED_UNSET ? bookNumbered : numbered));
      } else if (m != null && m.containsKey("header")) {
        lists.noteKeys(m, e.pos(), Set.of("header"));
        openChapters = new ArrayList<>();
        open = TocSpec.group(TocLists.str(m.get("header")), openChapters, e.pos(), bookNumbered);
        book.add(open);
      } else if (m != null && m.keySet().stream().filter(k -> !k.startsWith("\u0000")).allMatch(TocLists.WEB_ONLY::contains)) {
        lists.noteKeys(m, e.pos(), Set.of()); // a sidebar divider or the like: nothing to print
      } else {
        TocSpec s = lists.entry(e);
        if (s == null) continue;
        if (open != null) openChapters.add(s);
        else book.add(s);
      }
    }
    book.removeIf(s -> s.file().isEmpty() && s.pattern().isEmpty() && s.children().isEmpty());

    Map<String, Value> out = new LinkedHashMap<>();
    JupyterBookSettings.read(world, out, diags);
    Value settings = new Value(out, toc.pos());
    if (book.isEmpty()) return new ProjectDescription(file, settings, List.of(), List.of(root), List.of(), List.of());
    return new ProjectDescription(file, settings, List.of(root), book, List.of(), List.of());
  }
}
