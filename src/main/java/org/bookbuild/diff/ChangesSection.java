package org.bookbuild.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.diff.Units.Numbered;
import org.bookbuild.diff.Units.Section;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.style.Style;

/**
 * The generated front-matter chapter "Changes in this edition": sections added, removed and moved; every section
 * whose text changed, with a link to it and its page; and every exercise, figure, equation, table or theorem whose
 * number changed, old → new (so that last term's homework sheet can still be read). Wording from the style's
 * {@code changes.*} strings.
 */
final class ChangesSection {
  static final String CHAPTER_ID = "changes-in-this-edition";
  private static final SourcePos AT = SourcePos.NONE;

  private ChangesSection() {}

  static Chapter chapter(Units now, Units before, Matching m, Style style, Compare.Options opts) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(AT, new Attr(CHAPTER_ID, List.of("unnumbered"), Map.of()), 1,
        text(style.string("changes.title"))));
    blocks.add(new Block.Para(AT, text(style.string("changes.intro", "version", opts.version(), "previous", opts.previous()))));

    // sections: matched by id, else by title
    Map<String, Section> oldById = new HashMap<>();
    Map<String, Section> oldByTitle = new HashMap<>();
    for (Section s : before.sections) {
      oldById.putIfAbsent(s.id(), s);
      oldByTitle.putIfAbsent(s.title(), s);
    }
    Set<Section> usedOld = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Section, Section> oldOf = new IdentityHashMap<>();
    List<Section> added = new ArrayList<>();
    List<Block.ListItem> moved = new ArrayList<>();
    for (Section s : now.sections) {
      Section o = oldById.get(s.id());
      if (o == null || usedOld.contains(o)) o = oldByTitle.get(s.title());
      if (o == null || usedOld.contains(o)) {
        added.add(s);
        continue;
      }
      usedOld.add(o);
      oldOf.put(o, s);
      if (!o.parents().equals(s.parents()) && s.level() > 1) {
        String from = o.parents().isEmpty() ? o.chapter() : o.parents().get(o.parents().size() - 1);
        List<Inline> line = new ArrayList<>(sectionLink(s));
        line.add(new Inline.Text(AT, " — " + style.string("changes.moved-from", "title", "", "from", from).strip()));
        line.addAll(page(s, style));
        moved.add(item(line));
      }
    }
    List<Block.ListItem> removed = new ArrayList<>();
    for (Section o : before.sections) {
      if (!usedOld.contains(o)) removed.add(item(text(title(o))));
    }

    // sections whose text changed: the innermost section around each added or changed piece, or a deleted one
    Set<Section> added0 = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    added0.addAll(added);
    Set<Section> changed = new LinkedHashSet<>();
    for (Units.Unit u : now.units) {
      Matching.Status st = m.status.get(u.node());
      if ((st == Matching.Status.CHANGED || st == Matching.Status.ADDED) && u.section() != null && !added0.contains(u.section())) {
        changed.add(u.section());
      }
    }
    for (Units.Unit d : m.deleted) {
      Section s = d.section() == null ? null : oldOf.get(d.section());
      if (s != null) changed.add(s);
    }
    List<Block.ListItem> changedItems = new ArrayList<>();
    for (Section s : now.sections) {
      if (!changed.contains(s)) continue;
      List<Inline> line = new ArrayList<>(sectionLink(s));
      line.addAll(page(s, style));
      changedItems.add(item(line));
    }
    List<Block.ListItem> addedItems = new ArrayList<>();
    for (Section s : added) {
      List<Inline> line = new ArrayList<>(sectionLink(s));
      line.addAll(page(s, style));
      addedItems.add(item(line));
    }

    group(blocks, "added", style, addedItems);
    group(blocks, "removed", style, removed);
    group(blocks, "moved", style, moved);
    group(blocks, "changed", style, changedItems);
    group(blocks, "renumbered", style, renumbered(now.numbered, before.numbered, style));
    if (addedItems.isEmpty() && removed.isEmpty() && moved.isEmpty() && changedItems.isEmpty()) {
      blocks.add(new Block.Para(AT, text(style.string("changes.none"))));
    }
    return new Chapter("", CHAPTER_ID, Chapter.Kind.FRONT, blocks);
  }

  /** Numbered things present in both editions under another number, and labelled ones that are gone. */
  private static List<Block.ListItem> renumbered(List<Numbered> now, List<Numbered> before, Style style) {
    List<Block.ListItem> out = new ArrayList<>();
    Set<Numbered> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Numbered, Numbered> match = new IdentityHashMap<>();
    // identical text, then the same label, then similar text
    for (Numbered n : now) {
      for (Numbered o : before) {
        if (!used.contains(o) && o.kind().equals(n.kind()) && o.text().equals(n.text())) {
          used.add(o);
          match.put(n, o);
          break;
        }
      }
    }
    for (Numbered n : now) {
      if (match.containsKey(n) || n.label().isEmpty()) continue;
      for (Numbered o : before) {
        if (!used.contains(o) && o.kind().equals(n.kind()) && o.label().equals(n.label())) {
          used.add(o);
          match.put(n, o);
          break;
        }
      }
    }
    for (Numbered n : now) {
      if (match.containsKey(n)) continue;
      Numbered best = null;
      double bestScore = Matching.SIMILAR;
      for (Numbered o : before) {
        if (used.contains(o) || !o.kind().equals(n.kind())) continue;
        double s = Matching.dice(Matching.words(n.text()), Matching.words(o.text()));
        if (s >= bestScore) {
          best = o;
          bestScore = s;
        }
      }
      if (best != null) {
        used.add(best);
        match.put(n, best);
      }
    }
    for (Numbered n : now) {
      Numbered o = match.get(n);
      if (o == null || o.number().equals(n.number())) continue;
      String line = style.string("changes.renumbered-item", "old", word(o, style), "new", word(n, style));
      List<Inline> content = new ArrayList<>();
      if (!n.label().isEmpty()) content.add(new Inline.Link(AT, "#" + n.label(), text(line)));
      else content.addAll(text(line));
      out.add(item(content));
    }
    for (Numbered o : before) {
      if (used.contains(o) || o.label().isEmpty() || o.label().matches(".*-\\d+$")) continue;
      out.add(item(text(style.string("changes.renumbered-removed", "old", word(o, style), "label", o.label()))));
    }
    return out;
  }

  private static String word(Numbered n, Style style) {
    String key = "ref." + n.kind();
    return style.hasString(key) ? style.string(key, "number", n.number()) : n.kind() + " " + n.number();
  }

  private static void group(List<Block> blocks, String key, Style style, List<Block.ListItem> items) {
    if (items.isEmpty()) return;
    // a run-in group title, not a heading: the contents list the chapter once
    blocks.add(new Block.Plain(AT, List.of(new Inline.Anchor(AT, CHAPTER_ID + "-" + key),
        new Inline.Styled(AT, "strong", text(style.string("changes." + key))))));
    blocks.add(new Block.BulletList(AT, true, items));
  }

  private static String title(Section s) {
    return s.number().isEmpty() ? s.title() : s.number() + " " + s.title();
  }

  private static List<Inline> sectionLink(Section s) {
    return List.of(new Inline.Link(AT, "#" + s.id(), text(title(s))));
  }

  private static List<Inline> page(Section s, Style style) {
    String tpl = style.string("changes.page", "page", "\u0000");
    int at = tpl.indexOf('\u0000');
    List<Inline> out = new ArrayList<>();
    out.add(new Inline.Text(AT, ", " + tpl.substring(0, Math.max(0, at))));
    out.add(new Inline.Link(AT, "#" + s.id(), List.of(new Inline.PageRef(AT, s.id()))));
    if (at >= 0 && at + 1 < tpl.length()) out.add(new Inline.Text(AT, tpl.substring(at + 1)));
    return out;
  }

  private static Block.ListItem item(List<Inline> content) {
    return new Block.ListItem(AT, null, List.of(new Block.Plain(AT, content)));
  }

  private static List<Inline> text(String s) {
    return List.of(new Inline.Text(AT, s));
  }
}
