package org.bookbuild.project;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;

/**
 * The one place where toc names become project files, for every format: a name without extension is looked up as
 * {@code .md}, {@code .ipynb}, {@code .myst.md}, {@code .rst} (in that order); a leading {@code /} means the project root; a glob
 * lists the matching pages not named elsewhere in the toc; a name that matches no file is one {@code chapter-missing}
 * error at its toc line, and the entry stays (marked not found) so that the book shows a placeholder there.
 */
public final class TocFiles {
  /** Page types a name without extension is tried as, in this order. */
  public static final List<String> EXTENSIONS = List.of(".md", ".ipynb", ".myst.md", ".rst");

  private final World world;
  private final Diagnostics diags;
  private final Set<String> named = new HashSet<>();

  private TocFiles(World world, Diagnostics diags) {
    this.world = world;
    this.diags = diags;
  }

  /** Resolves the four toc lists of a description together (a glob leaves out pages named in any of them). */
  static List<List<TocEntry>> resolve(World world, List<List<TocSpec>> lists, Diagnostics diags) {
    TocFiles r = new TocFiles(world, diags);
    for (List<TocSpec> l : lists) r.collect(l);
    List<List<TocEntry>> out = new ArrayList<>();
    for (List<TocSpec> l : lists) out.add(r.entries(l));
    return out;
  }

  private void collect(List<TocSpec> specs) {
    for (TocSpec s : specs) {
      if (!s.file().isEmpty()) {
        String f = find(s.file());
        if (f != null) named.add(f);
      }
      collect(s.children());
    }
  }

  private List<TocEntry> entries(List<TocSpec> specs) {
    List<TocEntry> out = new ArrayList<>();
    for (TocSpec s : specs) {
      if (!s.pattern().isEmpty()) {
        List<String> matches = glob(world, s.pattern());
        if (matches.isEmpty()) diags.warn("config-toc", s.pos(), "the pattern '" + s.pattern() + "' matches no page");
        for (String f : matches) if (named.add(f)) out.add(new TocEntry(f, "", List.of(), s.pos()));
        continue;
      }
      if (!s.url().isEmpty()) {
        out.add(TocEntry.link(s.url(), s.title(), s.pos()));
        continue;
      }
      List<TocEntry> children = entries(s.children());
      if (s.file().isEmpty()) {
        out.add(new TocEntry("", s.title(), children, s.pos(), true, s.numbered()));
        continue;
      }
      String f = find(s.file());
      boolean found = f != null;
      if (!found) {
        f = strip(s.file());
        missing(s.file(), f, s.pos());
      }
      out.add(new TocEntry(f, s.title(), children, s.pos(), found, s.numbered()));
    }
    return out;
  }

  private void missing(String written, String f, SourcePos pos) {
    if (outside(f)) return; // the parse stage reports it as outside the project, which is the true reason
    boolean bare = EXTENSIONS.stream().noneMatch(f::endsWith);
    diags.error("chapter-missing", pos, bare
        ? "page not found: " + written + " (nor " + f + ".md, " + f + ".ipynb, " + f + ".myst.md or " + f + ".rst)"
        : "chapter file not found: " + written);
  }

  private boolean outside(String f) {
    try {
      world.resolve("", f);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String strip(String file) {
    return file.startsWith("/") ? file.substring(1) : file;
  }

  /** The project file a toc name stands for, or null when there is none. */
  String find(String file) {
    String f = strip(file);
    if (outside(f)) return f; // left to the parse stage, which refuses it with the reason
    if (world.exists(f) && EXTENSIONS.stream().anyMatch(f::endsWith)) return f;
    for (String ext : EXTENSIONS) if (world.exists(f + ext)) return f + ext;
    return world.exists(f) ? f : null;
  }

  /** Project pages (.md, .ipynb, .rst) matching a glob, sorted; never the build output or hidden folders. */
  static List<String> glob(World world, String pattern) {
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<String> out = new ArrayList<>();
    try {
      for (String f : world.list("", true)) {
        if (f.startsWith("out/") || f.startsWith("_build/") || f.startsWith(".") || f.contains("/.")) continue;
        if (!f.endsWith(".md") && !f.endsWith(".ipynb") && !f.endsWith(".rst")) continue;
        if (m.matches(Path.of(f))) out.add(f);
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  /** Every page in the project, alphabetically, the landing page ({@code index}, {@code README}) first. */
  static List<TocSpec> allPages(World world, SourcePos pos) {
    List<String> files = glob(world, "**");
    files.sort((a, b) -> Boolean.compare(!isLanding(a), !isLanding(b)));
    return files.stream().map(f -> TocSpec.page(f, "", List.of(), pos, TocEntry.NUMBERED_UNSET)).toList();
  }

  private static boolean isLanding(String f) {
    return f.matches("(?i)(index|readme)\\.(md|ipynb)");
  }
}
