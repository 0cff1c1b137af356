package org.bookbuild.parse.rst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.ParseScope;
import org.bookbuild.parse.SourceLedger;

/**
 * What one rST document (a file, or the body of a Markdown {@code {eval-rst}} block) shares while it is read: the
 * project's World (for includes; null when parsing a bare string), the diagnostics sink and source ledger of the file,
 * the order in which section adornment styles first appeared (their levels), and the definitions found anywhere in
 * the text before it is read — hyperlink targets, substitutions, footnotes and citations — since rST lets a reference
 * come before its definition.
 */
final class RstDoc {
  /** A hyperlink target: an external URL, an internal label (the next block's id), or another target's name. */
  record Target(String url, String label, String alias) {}

  /** A footnote or citation: its body (read where it is referred to), its definition line, and where it stands. */
  record Note(List<Line> body, Line head, LineIndex ix, SourcePos pos) {}

  /** A substitution definition: its directive ({@code replace}, {@code image} …), argument, options and lines. */
  record Subst(String kind, Line argument, Map<String, String> options, List<Line> more, LineIndex ix, SourcePos pos) {}

  final World world;
  final String file;
  final Diagnostics diags;
  final int depth;
  final SourceLedger ledger;
  final ParseScope scope;
  /** Levels below the chapter title that rST sections start at (1 inside a Markdown page, 0 in an rST file). */
  final int baseLevel;
  final List<String> titleStyles;
  final Map<String, Target> targets;
  final List<String> anonymous;
  final Map<String, Subst> substitutions;
  final Map<String, Note> notes;
  final List<Note> autoNotes;
  final List<Note> symbolNotes;
  final int[] used;
  /** How many section titles of each name (as {@link #sectionName} gives it) the document has. */
  final Map<String, Integer> sections = new HashMap<>();

  /** The name a section title is referred to by ({@code `Title`_}): its text without markup characters, normalized. */
  static String sectionName(String title) {
    return normalize(title.replace("``", "").replaceAll("(?<!\\\\)[*`|]", "").replaceAll("\\\\(.)", "$1"));
  }

  /** The id a section title gets when its name is unique in the document, so {@code `Title`_} can point to it. */
  String sectionId(String name) {
    Integer count = sections.get(name);
    if (count == null || count != 1) return null;
    String page = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    return "rst-" + org.bookbuild.project.ProjectLoader.slug(page) + "-"
        + org.bookbuild.project.ProjectLoader.slug(name);
  }

  /** Settings later text is read with: {@code highlight} (literal blocks' language), {@code default-role}. */
  final String[] settings;
  static final int HIGHLIGHT = 0;
  static final int DEFAULT_ROLE = 1;
  /** Roles the document defines with {@code .. role:: name} or {@code name(base)}: " name=base" entries. */
  static final int CUSTOM_ROLES = 2;
  /** Footnotes and substitutions being expanded right now (one that refers to itself is not expanded again). */
  final Set<Object> open;

  RstDoc(World world, String file, Diagnostics diags, int depth, SourceLedger ledger, ParseScope scope, int baseLevel) {
    this(world, file, diags, depth, ledger, scope, baseLevel, new ArrayList<>(), new HashMap<>(), new ArrayList<>(),
        new HashMap<>(), new HashMap<>(), new ArrayList<>(), new ArrayList<>(), new int[3], new HashSet<>(), new String[] {"", "", ""});
  }

  private RstDoc(World world, String file, Diagnostics diags, int depth, SourceLedger ledger, ParseScope scope,
      int baseLevel, List<String> titleStyles, Map<String, Target> targets, List<String> anonymous,
      Map<String, Subst> substitutions, Map<String, Note> notes, List<Note> autoNotes, List<Note> symbolNotes,
      int[] used, Set<Object> open, String[] settings) {
    this.world = world;
    this.file = file;
    this.diags = diags;
    this.depth = depth;
    this.ledger = ledger;
    this.scope = scope;
    this.baseLevel = baseLevel;
    this.titleStyles = titleStyles;
    this.targets = targets;
    this.anonymous = anonymous;
    this.substitutions = substitutions;
    this.notes = notes;
    this.autoNotes = autoNotes;
    this.symbolNotes = symbolNotes;
    this.used = used;
    this.open = open;
    this.settings = settings;
  }

  /** The document an {@code include}d file is read into: its definitions and section styles are shared, as docutils does. */
  RstDoc forFile(String f) {
    return new RstDoc(world, f, diags, depth + 1, ledger, scope, baseLevel, titleStyles, targets, anonymous,
        substitutions, notes, autoNotes, symbolNotes, used, open, settings);
  }

  /** A reference name as docutils compares them: case and runs of white space do not count. */
  static String normalize(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The target a name leads to, following aliases; null when there is none (or the aliases go round). */
  Target target(String name) {
    Target t = targets.get(normalize(name));
    for (int hops = 0; t != null && t.alias() != null && hops < 16; hops++) t = targets.get(normalize(t.alias()));
    return t == null || t.alias() != null ? null : t;
  }

  /** The next anonymous target's URL ({@code __} references take them in order), or null. */
  String nextAnonymous() {
    return used[0] < anonymous.size() ? anonymous.get(used[0]++) : null;
  }

  /** The footnote a reference label names: {@code #} and {@code *} take the auto-numbered ones in order. */
  Note note(String label) {
    if (label.equals("#")) return used[1] < autoNotes.size() ? autoNotes.get(used[1]++) : null;
    if (label.equals("*")) return used[2] < symbolNotes.size() ? symbolNotes.get(used[2]++) : null;
    return notes.get(normalize(label));
  }
}
