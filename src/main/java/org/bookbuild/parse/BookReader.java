package org.bookbuild.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.Paths2;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Part;
import org.bookbuild.project.Project;
import org.bookbuild.project.TocEntry;

/**
 * Stage 3: reads every file the project names, in order, and parses it into a {@link Book}. Top-level toc entries with
 * a file are chapters; entries with children become parts holding their children as chapters.
 */
public final class BookReader {
  /** Chapter source formats by file extension. */
  public static final Map<String, ChapterFormat> FORMATS = new LinkedHashMap<>();

  static {
    MarkdownParser md = new MarkdownParser();
    FORMATS.put("md", new ChapterFormat() {
      @Override
      public List<Block> parse(String file, byte[] content, Diagnostics diags) {
        return parse(null, file, content, diags);
      }

      @Override
      public List<Block> parse(World world, String file, byte[] content, Diagnostics diags) {
        return parse(world, file, content, diags, ParseScope.DEFAULT);
      }

      @Override
      public List<Block> parse(World world, String file, byte[] content, Diagnostics diags, ParseScope scope) {
        String text = new String(content, StandardCharsets.UTF_8);
        return md.parse(world, new LineIndex(file, text), text, diags, true, scope);
      }
    });
    FORMATS.put("ipynb", new org.bookbuild.parse.notebook.NotebookFormat(md));
    FORMATS.put("rst", org.bookbuild.parse.rst.RstReader.FORMAT);
  }

  private final World world;
  private final Diagnostics diags;
  private final Set<String> ids = new HashSet<>();
  private final ParseScope scope;
  private final PageMemo memo;

  private BookReader(World world, Diagnostics diags, ParseScope scope, PageMemo memo) {
    this.world = world;
    this.diags = diags;
    this.scope = scope;
    this.memo = memo;
  }

  public static Book read(World world, Project project, Diagnostics diags) {
    return read(world, project, diags, null);
  }

  /** As {@link #read(World, Project, Diagnostics)}, taking unchanged pages from {@code memo} (null: none). */
  public static Book read(World world, Project project, Diagnostics diags, PageMemo memo) {
    BookReader r = new BookReader(world, diags, ParseScope.DEFAULT.withSubstitutions(Substitutions.of(project.substitutions(), 0))
        .withReading(project.options().reading()).withNotebooks(notebooks(project)), memo);
    List<Part> parts = new ArrayList<>();
    r.group(parts, project.frontmatter(), Chapter.Kind.FRONT);
    r.group(parts, project.toc(), Chapter.Kind.BODY);
    r.group(parts, project.appendices(), Chapter.Kind.APPENDIX);
    r.group(parts, project.backmatter(), Chapter.Kind.BACK);
    return new Book(project.meta(), parts);
  }

  /** The book's notebook pages in toc order, where a page may paste what they glued (ParseScope#glued). */
  private static List<String> notebooks(Project project) {
    List<String> out = new ArrayList<>();
    for (List<TocEntry> l : List.of(project.frontmatter(), project.toc(), project.appendices(), project.backmatter())) {
      collect(l, out);
    }
    return out;
  }

  private static void collect(List<TocEntry> entries, List<String> out) {
    for (TocEntry e : entries) {
      if (e.isFile() && e.file().endsWith(".ipynb") && !out.contains(e.file())) out.add(e.file());
      collect(e.children(), out);
    }
  }

  /**
   * Adds entries to parts (the mapping is described in docs/projects.md): an entry without a file but with children is
   * a part; an entry with a file is a chapter, its children its sections; but when a child has children of its own
   * the entry opens a part whose chapters are its children. Loose chapters go into an untitled part.
   */
  private void group(List<Part> parts, List<TocEntry> entries, Chapter.Kind kind) {
    List<Chapter> loose = new ArrayList<>();
    List<TocEntry> ahead = new ArrayList<>(); // web links before any chapter of this list
    int firstPart = parts.size();
    for (TocEntry e : entries) {
      if (e.isLink()) {
        // a web link in the toc: listed in the contents after the chapter before it (Chapter.TOC_LINK)
        if (!loose.isEmpty()) loose.set(loose.size() - 1, withLink(loose.get(loose.size() - 1), e, 1, false));
        else if (parts.size() > firstPart) lastChapterLink(parts, e);
        else ahead.add(e);
        continue;
      }
      boolean part = !e.children().isEmpty() && (!e.isFile() || e.children().stream().anyMatch(c -> !c.children().isEmpty()));
      if (part && !e.isFile() && chaptersOf(e.children()).stream().noneMatch(TocEntry::isFile)) {
        // a group of web links only (a "Contribute" caption over a url entry): no part of its own, which would be an
        // empty part page; its links are listed in the contents under the group's caption
        for (TocEntry c : chaptersOf(e.children())) {
          TocEntry l = e.title().isEmpty() ? c
              : TocEntry.link(c.url(), e.title() + ": " + (c.title().isEmpty() ? c.url() : c.title()), c.pos());
          if (!loose.isEmpty()) loose.set(loose.size() - 1, withLink(loose.get(loose.size() - 1), l, 1, false));
          else if (parts.size() > firstPart) lastChapterLink(parts, l);
          else ahead.add(l);
        }
        continue;
      }
      if (!part) {
        if (e.isFile()) loose.add(chapter(e, kind, TocEntry.NUMBERED_UNSET));
        continue;
      }
      if (!loose.isEmpty()) {
        parts.add(new Part("", "", loose));
        loose = new ArrayList<>();
      }
      List<Chapter> cs = new ArrayList<>();
      Chapter opening = e.isFile() ? chapter(new TocEntry(e.file(), e.title(), List.of(), e.pos(), e.found(), e.numbered()),
          kind, TocEntry.NUMBERED_UNSET) : null;
      if (opening != null) cs.add(opening);
      if (opening != null) open.push(e.file());
      List<TocEntry> early = new ArrayList<>();
      for (TocEntry c : chaptersOf(e.children())) {
        if (c.isLink() && cs.isEmpty()) early.add(c);
        else if (c.isLink()) cs.set(cs.size() - 1, withLink(cs.get(cs.size() - 1), c, 1, false));
        else if (open.contains(c.file())) cycle(c);
        else cs.add(chapter(c, kind, e.numbered()));
      }
      if (!cs.isEmpty()) for (TocEntry c : early) cs.set(0, withLink(cs.get(0), c, 1, true));
      if (opening != null) open.pop();
      String title = !e.title().isEmpty() ? e.title()
          : opening != null && opening.titleHeading().isPresent() ? org.bookbuild.model.Walk.text(opening.titleHeading().get().content())
          : Paths2.stem(e.file());
      parts.add(new Part(uniqueId("part-" + org.bookbuild.project.ProjectLoader.slug(title)), title, cs));
    }
    if (!loose.isEmpty()) parts.add(new Part("", "", loose));
    for (int i = firstPart; i < parts.size() && !ahead.isEmpty(); i++) {
      Part p = parts.get(i);
      if (p.chapters().isEmpty()) continue;
      List<Chapter> cs = new ArrayList<>(p.chapters());
      for (TocEntry e : ahead) cs.set(0, withLink(cs.get(0), e, 1, true));
      parts.set(i, new Part(p.id(), p.title(), cs));
      ahead.clear();
    }
  }

  /**
   * A chapter carrying a toc web link at its end (it prints nothing on the page; the contents list it at its level,
   * after the chapter's own entries, or before the chapter's entry when {@code before}).
   */
  private static Chapter withLink(Chapter c, TocEntry link, int level, boolean before) {
    List<Block> blocks = new ArrayList<>(c.blocks());
    blocks.add(linkBlock(link, level, before));
    return c.withBlocks(blocks);
  }

  private static Block linkBlock(TocEntry link, int level, boolean before) {
    Attr a = Attr.classes(Chapter.TOC_LINK).with("url", link.url()).with("level", String.valueOf(level));
    if (before) a = a.with("before", "true");
    String title = link.title().isEmpty() ? link.url() : link.title();
    return new Block.Div(link.pos(), a, List.of(new Inline.Text(link.pos(), title)), List.of());
  }

  private static void lastChapterLink(List<Part> parts, TocEntry e) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      Part p = parts.get(i);
      if (p.chapters().isEmpty()) continue;
      List<Chapter> cs = new ArrayList<>(p.chapters());
      cs.set(cs.size() - 1, withLink(cs.get(cs.size() - 1), e, 1, false));
      parts.set(i, new Part(p.id(), p.title(), cs));
      return;
    }
  }

  /** The chapters of a part: entries with a file; a titled group without one gives its children instead. */
  private static List<TocEntry> chaptersOf(List<TocEntry> entries) {
    List<TocEntry> out = new ArrayList<>();
    for (TocEntry e : entries) {
      if (e.isFile() || e.isLink()) out.add(e);
      else out.addAll(chaptersOf(e.children()));
    }
    return out;
  }

  /** @param inherited Jupyter Book's {@code numbered:} of the part around the entry, for an entry that sets none */
  private Chapter chapter(TocEntry e, Chapter.Kind kind, int inherited) {
    String file = e.file();
    String id = uniqueId(org.bookbuild.project.ProjectLoader.slug(Paths2.stem(file)));
    List<Block> blocks = new ArrayList<>(ensureTitle(page(e), e, file));
    open.push(file);
    sections(e.children(), 1, blocks);
    open.pop();
    return new Chapter(file, id, kind, numbered(blocks, e.numbered() != TocEntry.NUMBERED_UNSET ? e.numbered() : inherited));
  }

  /**
   * Jupyter Book's {@code numbered:} for a chapter, as attributes of its title heading that the numbering transform
   * reads: false, no numbers; a depth, that many heading levels.
   */
  private static List<Block> numbered(List<Block> blocks, int numbered) {
    if (numbered == TocEntry.NUMBERED_UNSET || numbered == Integer.MAX_VALUE) return blocks;
    List<Block> out = new ArrayList<>(blocks);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Block.Heading h && h.level() == 1) {
        Attr a = numbered == 0 ? h.attr().with(org.bookbuild.transform.Numbering.UNNUMBERED, "true")
            : h.attr().with(org.bookbuild.transform.Numbering.DEPTH, String.valueOf(numbered));
        out.set(i, new Block.Heading(h.pos(), a, h.level(), h.content()));
        break;
      }
    }
    return out;
  }

  /** Files being read, innermost first: a file among its own sections is a cycle in the toc. */
  private final java.util.Deque<String> open = new java.util.ArrayDeque<>();

  /** Appends section files to a chapter, each one's headings moved {@code depth} levels down. */
  private void sections(List<TocEntry> entries, int depth, List<Block> out) {
    for (TocEntry c : entries) {
      if (c.isLink()) {
        out.add(linkBlock(c, depth + 1, false));
        continue;
      }
      if (c.isFile() && open.contains(c.file())) {
        out.add(cycle(c));
        continue;
      }
      if (c.isFile()) {
        out.addAll(Sections.shift(ensureTitle(page(c), c, c.file()), depth));
        open.push(c.file());
        sections(c.children(), depth + 1, out);
        open.pop();
      } else {
        SourcePos pos = c.pos();
        out.add(new Block.Heading(pos, Attr.EMPTY, depth + 1, List.of(new Inline.Text(pos, c.title()))));
        sections(c.children(), depth + 1, out);
      }
    }
  }

  /** Reports a page the toc puts inside itself; returns the placeholder that stands where it would repeat. */
  private Block cycle(TocEntry c) {
    List<String> chain = new ArrayList<>(open);
    java.util.Collections.reverse(chain);
    diags.error("toc-cycle", c.pos(), "the toc puts " + c.file() + " inside itself (" + String.join(" \u2192 ", chain)
        + " \u2192 " + c.file() + "); the repeated entry is left out");
    return new Block.Problem(c.pos(), "toc cycle: " + c.file() + " is not included inside itself", c.file());
  }

  /** One page's blocks, or a placeholder saying why it could not be read. */
  private List<Block> page(TocEntry e) {
    String file = e.file();
    String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase() : "";
    ChapterFormat format = FORMATS.get(ext);
    if (!e.found()) return missing(e, "file not found"); // reported by the project stage at the toc line
    try {
      world.resolve("", file); // a path or symlink leading out of the project is refused, not "not found"
      if (!world.exists(file) && (format == null || ext.isEmpty())) {
        diags.error("chapter-missing", e.pos(), "page not found: " + file + (ext.isEmpty() ? " (nor " + file + ".md, " + file + ".ipynb or " + file + ".rst)" : ""));
        return missing(e, "file not found");
      } else if (format == null) {
        diags.error("chapter-format", e.pos(), "cannot read " + file + ": unknown file type '." + ext + "'");
        return missing(e, "unknown file type");
      } else if (!world.exists(file)) {
        diags.error("chapter-missing", e.pos(), "chapter file not found: " + file);
        return missing(e, "file not found");
      }
      byte[] raw = world.read(file);
      // a resident process takes an unchanged file's blocks whole: encoding, parse and front matter
      boolean md = ext.equals("md");
      return memo == null ? read(world, file, raw, format, md, diags)
          : memo.page(world, file, raw, scope, diags, (w, d) -> read(w, file, raw, format, md, d));
    } catch (RuntimeException | StackOverflowError ex) {
      // a bug in a parser must not cost the rest of the book: the chapter keeps its title and a problem box
      diags.internal(SourcePos.of(file, 1, 1), "reading " + file, ex);
      return missing(e, "internal error while reading it");
    } catch (SandboxException ex) {
      diags.error("path-outside-project", e.pos(), ex.getMessage());
      return missing(e, "outside the project");
    } catch (IOException ex) {
      diags.error("chapter-unreadable", e.pos(), "cannot read " + file + ": " + ex.getMessage());
      return missing(e, "unreadable");
    }
  }

  /** A page's blocks from its bytes as read: the encoding checked, parsed, its front matter applied. */
  private List<Block> read(World world, String file, byte[] raw, ChapterFormat format, boolean md, Diagnostics diags) {
    byte[] content = SourceText.utf8(file, raw, diags);
    List<Block> blocks = format.parse(world, file, content, diags, scope);
    return md ? PageFrontMatter.apply(file, content, blocks, diags) : blocks;
  }

  private List<Block> missing(TocEntry e, String why) {
    SourcePos pos = e.pos();
    return List.of(new Block.Problem(pos, "chapter " + e.file() + " is missing (" + why + ")", e.file()));
  }

  /** A chapter needs a title: the toc entry's title or the file name when the source has no level-1 heading. */
  private static List<Block> ensureTitle(List<Block> blocks, TocEntry e, String file) {
    for (Block b : blocks) if (b instanceof Block.Heading h && h.level() == 1) return blocks;
    String title = e.title().isEmpty() ? Paths2.stem(file) : e.title();
    SourcePos pos = SourcePos.of(file, 1, 1);
    List<Block> out = new ArrayList<>();
    out.add(new Block.Heading(pos, Attr.EMPTY, 1, List.of(new Inline.Text(pos, title))));
    out.addAll(blocks);
    return out;
  }

  private String uniqueId(String base) {
    String id = base;
    for (int i = 2; !ids.add(id); i++) id = base + "-" + i;
    return id;
  }
}
