package org.bookbuild.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Hints;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.model.Book;
import org.bookbuild.model.Metadata;
import org.bookbuild.project.ConfigException;
import org.bookbuild.project.Project;
import org.bookbuild.project.YamlTree;
import org.bookbuild.project.YamlTree.Value;
import org.bookbuild.style.Style;

/**
 * Stage "edition": which edition of the book this build is. Reads the book options {@code editions:},
 * {@code version:} and {@code since:} (top level of book.yml, or under {@code project:} in myst.yml), applies a named
 * edition's options over the base ({@code solutions}, {@code output}, {@code title-line}, {@code include} tags), stamps
 * the release ({@link Releases}) and keeps or drops edition-only content ({@link SelectContent}).
 *
 * <p>Example: {@code editions: {student: {solutions: omit}, instructor: {solutions: inline, include: [instructor]}}}.
 */
public final class Editions {
  /** Keys an edition may set. */
  static final Set<String> KEYS = Set.of("solutions", "output", "title-line", "include", "archive");
  /** Tags every print build has ({@code {only} latex} is true, as in Sphinx's LaTeX builder). */
  static final Set<String> PRINT_TAGS = Set.of("latex", "pdf", "print");

  private Editions() {}

  /** One named edition as configured. */
  /** @param archive the edition's {@code archive:} ("true"/"false": PDF/A-2a or not), null to keep the book's */
  public record Spec(String name, String solutions, String output, String titleLine, List<String> include, SourcePos pos,
      String archive) {}

  /** The book options this stage reads. */
  public record Config(Map<String, Spec> editions, String version, String since) {
    public List<String> names() {
      return List.copyOf(editions.keySet());
    }
  }

  /** The chosen edition: the project with its options applied, the tags for content selection, the release stamp. */
  public record Chosen(Project project, String name, Set<String> tags, Set<String> editionTags, String version,
      String titleLine, String since) {}

  /** Reads the options; problems are warnings at their line, an unreadable file gives the defaults. */
  public static Config config(World world, Project project, Diagnostics diags) {
    Map<String, Spec> editions = new LinkedHashMap<>();
    String version = Releases.AUTO;
    String since = null;
    Map<String, Value> m;
    try {
      String file = project.configFile();
      Value root = YamlTree.parse(file, new String(world.read(file), StandardCharsets.UTF_8));
      m = root.map();
      if (m != null && file.endsWith("myst.yml") && m.get("project") != null) m = m.get("project").map();
    } catch (IOException | ConfigException | RuntimeException e) {
      return new Config(editions, version, since);
    }
    if (m == null) return new Config(editions, version, since);
    if (m.get("version") != null && m.get("version").plain() != null) version = String.valueOf(m.get("version").plain());
    if (m.get("since") != null && m.get("since").plain() != null) since = String.valueOf(m.get("since").plain());
    Value ed = m.get("editions");
    if (ed != null && ed.map() != null) {
      for (String name : YamlTree.keys(ed.map())) {
        Value v = ed.map().get(name);
        Map<String, Value> em = v.map() == null ? Map.of() : v.map();
        for (String k : YamlTree.keys(em)) {
          if (!KEYS.contains(k)) {
            diags.warn("edition-option", YamlTree.keyPos(em, k, v.pos()), "edition '" + name + "': option '" + k
                + "' is not one an edition can set (" + String.join(", ", new java.util.TreeSet<>(KEYS)) + "); ignored");
          }
        }
        List<String> include = new ArrayList<>();
        Value inc = em.get("include");
        if (inc != null && inc.list() != null) inc.list().forEach(x -> include.add(String.valueOf(x.plain())));
        else if (inc != null && inc.str() != null) include.add(inc.str());
        editions.put(name, new Spec(name, str(em, "solutions"), str(em, "output"), str(em, "title-line"), include, v.pos(),
            str(em, "archive")));
      }
    }
    return new Config(editions, version, since);
  }

  /** The names of the editions the project in {@code world} defines, in the order written. */
  public static List<String> names(World world, Diagnostics diags) {
    try {
      return config(world, org.bookbuild.project.ProjectLoader.load(world, diags), diags).names();
    } catch (ConfigException | RuntimeException e) {
      return List.of();
    }
  }

  /** The output file name (without .pdf) of edition {@code name} ({@code ""}: the base book); null if unusable. */
  public static String outputName(World world, String name, Diagnostics diags) {
    try {
      Project p = org.bookbuild.project.ProjectLoader.load(world, diags);
      if (name.isEmpty()) return p.output();
      Spec spec = config(world, p, diags).editions().get(name);
      if (spec == null) return null;
      return spec.output() != null ? spec.output() : p.output() + "-" + name;
    } catch (ConfigException | RuntimeException e) {
      return null;
    }
  }

  private static String str(Map<String, Value> m, String key) {
    Value v = m.get(key);
    return v == null || v.plain() == null ? null : String.valueOf(v.plain());
  }

  /**
   * Applies edition {@code name} ({@code ""}: the base book) over the project. Returns null for an unknown name
   * (reported as {@code edition-unknown}).
   */
  public static Chosen choose(World world, Project project, String name, Style style, Diagnostics diags) {
    Config cfg = config(world, project, diags);
    Set<String> editionTags = new LinkedHashSet<>(cfg.editions().keySet());
    cfg.editions().values().forEach(s -> editionTags.addAll(s.include()));
    Set<String> tags = new LinkedHashSet<>(PRINT_TAGS);
    if (name == null || name.isEmpty()) return new Chosen(project, "", tags, editionTags, cfg.version(), "", cfg.since());
    Spec spec = cfg.editions().get(name);
    if (spec == null) {
      String hint = Hints.closest(name, cfg.editions().keySet()).map(c -> "did you mean '" + c + "'?")
          .orElse(cfg.editions().isEmpty() ? "the book defines no editions (editions: in " + project.configFile() + ")"
              : "editions: " + String.join(", ", cfg.editions().keySet()));
      diags.error("edition-unknown", project.where("editions"), "no edition named '" + name + "' (" + hint + ")");
      return null;
    }
    tags.add(name);
    tags.addAll(spec.include());
    Project.Options o = project.options();
    String solutions = o.solutions();
    if (spec.solutions() != null) {
      if (Set.of("inline", "end-of-chapter", "end-of-book", "omit").contains(spec.solutions())) {
        solutions = spec.solutions();
      } else {
        diags.warn("edition-option", spec.pos(), "edition '" + name + "': solutions must be inline, end-of-chapter,"
            + " end-of-book or omit; the book's setting is used");
      }
    }
    Project.Options opts = o.withSolutions(solutions);
    if (spec.archive() != null) {
      if (Set.of("true", "false").contains(spec.archive())) {
        opts = opts.withArchive(spec.archive().equals("true"));
      } else {
        diags.warn("edition-option", spec.pos(), "edition '" + name + "': archive must be true or false; the book's"
            + " setting is used");
      }
    }
    String output = spec.output() != null ? spec.output() : project.output() + "-" + name;
    Project p = project.with(output, opts);
    String line = spec.titleLine() != null ? spec.titleLine()
        : style.string("release.edition-line", "name", name, "Name", capitalised(name));
    return new Chosen(p, name, tags, editionTags, cfg.version(), line, cfg.since());
  }

  /** The book with edition-only content kept or dropped for this edition's tags. */
  public static Book apply(Book parsed, Chosen chosen, Diagnostics diags) {
    return SelectContent.apply(parsed, chosen.tags(), chosen.editionTags(), diags);
  }

  /**
   * The release stamped into the book's metadata. Called once the sources are read: a draft is a build that read a
   * file differing from the commit.
   */
  public static Book stamp(Book book, World world, Chosen chosen) {
    Metadata.Release r = Releases.of(world, chosen.version()).withEdition(chosen.name(), chosen.titleLine());
    return new Book(book.meta().withRelease(r), book.parts());
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
