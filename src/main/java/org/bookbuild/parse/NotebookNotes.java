package org.bookbuild.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;

/**
 * Footnotes across a notebook's Markdown cells. Each cell is parsed alone, but Jupyter Book (MyST-NB) reads a notebook
 * as one page, so {@code [^1]} in one cell finds {@code [^1]: …} in any other cell of it. Before the cells are parsed,
 * their sources are scanned for definitions and references; a cell that defines a note another cell refers to
 * converts it itself (so its lines are accounted in its own ledger and its positions are its own), and a reference to
 * a note defined in another cell is a placeholder until every cell is read. {@link #resolve} then puts each note in
 * its place, or reports {@code footnote-undefined} where no cell defines it after all.
 */
public final class NotebookNotes {
  private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[\\^([^\\]\\s]+)\\]:");
  private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]+)\\](?!:)");

  /** Labels (lower case) some cell defines. */
  private final Set<String> defined = new HashSet<>();
  /** Labels (lower case) some cell refers to without defining them itself. */
  private final Set<String> wanted = new HashSet<>();
  /** The notes converted by the cells that define them. */
  private final Map<String, Inline.Note> notes = new HashMap<>();
  /** Placeholders for references to another cell's note, with their label. */
  private final Map<Inline, String> pending = new IdentityHashMap<>();

  /** The notebook's Markdown cell sources, in order. */
  public NotebookNotes(List<String> markdownCells) {
    for (String src : markdownCells) {
      Set<String> own = new HashSet<>();
      Matcher d = DEFINITION.matcher(src);
      while (d.find()) own.add(d.group(1).toLowerCase(Locale.ROOT));
      defined.addAll(own);
      Matcher r = REFERENCE.matcher(src);
      while (r.find()) {
        String label = r.group(1).toLowerCase(Locale.ROOT);
        if (!own.contains(label)) wanted.add(label);
      }
    }
  }

  /** Whether any cell is worth the trouble: some cell refers to a note only another one defines. */
  public boolean needed() {
    return wanted.stream().anyMatch(defined::contains);
  }

  boolean wanted(String label) {
    return wanted.contains(label);
  }

  boolean definedElsewhere(String label) {
    return defined.contains(label);
  }

  void converted(String label, Inline.Note note) {
    notes.putIfAbsent(label, note);
  }

  void placeholder(Inline p, String label) {
    pending.put(p, label);
  }

  /** Every placeholder replaced by its note, or reported as undefined and left as the visible problem it is. */
  public List<Block> resolve(List<Block> blocks, Diagnostics diags) {
    if (pending.isEmpty()) return blocks;
    return new Rewriter() {
      @Override
      protected List<Inline> inline(Inline i) {
        String label = pending.get(i);
        if (label == null) return List.of(i);
        Inline.Note note = notes.get(label);
        if (note != null) return List.of(new Inline.Note(i.pos(), note.content()));
        Inline.Problem p = (Inline.Problem) i;
        diags.warn("footnote-undefined", p.pos(), "footnote " + p.source() + " has no definition");
        return List.of(i);
      }
    }.blocks(blocks);
  }
}
