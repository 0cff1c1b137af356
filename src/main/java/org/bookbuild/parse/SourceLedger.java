package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;

/**
 * Source accounting: nothing a file says is dropped in silence. While a text is parsed, every place that takes source
 * lines into the model, or consumes them as something known not to print (front matter, comments, targets, directive
 * options and fences, link definitions, {@code only} blocks for other formats …), accounts for those lines here, in
 * file line numbers (so directive bodies parsed again and notebook cells count in the file's own lines). When the
 * whole text has been parsed, {@link #settle} looks at every non-blank line: one nobody accounted for was lost on the
 * way, whatever the cause, and is reported as {@code content-dropped} at its line and printed as written in a
 * placeholder where it stood. The check does not know which constructs exist, so a new way of losing text is caught
 * the first time it happens.
 */
public final class SourceLedger {
  private final Map<String, BitSet> accounted = new HashMap<>();

  /** Marks one source line as taken into the model or consumed on purpose. */
  public void account(SourcePos p) {
    if (p == null || p.line() < 1) return;
    accounted.computeIfAbsent(p.file(), f -> new BitSet()).set(p.line());
  }

  /** Marks every line of {@code lines}' text that the offsets [from, to) touch. */
  public void account(LineIndex lines, int from, int to) {
    for (SourcePos p : lines.lineStarts(from, to)) account(p);
  }

  boolean isAccounted(SourcePos p) {
    BitSet b = accounted.get(p.file());
    return b != null && b.get(p.line());
  }

  /**
   * Reports each run of non-blank lines of {@code text} (positions by {@code lines}) that nothing accounted for, and
   * puts its text, as written, into a placeholder among {@code blocks} where it stood.
   */
  public List<Block> settle(LineIndex lines, String text, List<Block> blocks, Diagnostics diags) {
    List<SourcePos> runStarts = new ArrayList<>();
    List<String> runTexts = new ArrayList<>();
    int start = 0;
    StringBuilder run = null;
    SourcePos runPos = null;
    int blanksInRun = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end);
      if (!blank(line)) {
        SourcePos p = lines.pos(start);
        if (!isAccounted(p)) {
          if (run == null) {
            run = new StringBuilder();
            runPos = p;
          } else {
            run.append("\n".repeat(blanksInRun));
          }
          if (run.length() > 0) run.append('\n');
          run.append(line);
          blanksInRun = 0;
        } else if (run != null) {
          runStarts.add(runPos);
          runTexts.add(run.toString());
          run = null;
        }
      } else if (run != null) {
        blanksInRun++;
      }
      if (nl < 0) break;
      start = nl + 1;
    }
    if (run != null) {
      runStarts.add(runPos);
      runTexts.add(run.toString());
    }
    if (runStarts.isEmpty()) return blocks;
    List<Block> out = new ArrayList<>(blocks);
    for (int i = 0; i < runStarts.size(); i++) {
      SourcePos p = runStarts.get(i);
      String t = runTexts.get(i);
      int n = (int) t.lines().filter(l -> !blank(l)).count();
      String first = t.lines().findFirst().orElse("").strip();
      if (first.length() > 60) first = first.substring(0, 57) + "\u2026";
      diags.warn("content-dropped", p, (n == 1 ? "a line" : n + " lines") + " of source did not reach the book ('"
          + first + "'); printed as written in a placeholder");
      out.add(insertAt(out, p), new Block.Problem(p, "source not taken into the book", t));
    }
    return out;
  }

  /** The index of the first top-level block that starts after {@code p} in the same file. */
  private static int insertAt(List<Block> blocks, SourcePos p) {
    for (int i = 0; i < blocks.size(); i++) {
      SourcePos q = blocks.get(i).pos();
      if (q != null && q.file().equals(p.file()) && q.line() > p.line()) return i;
    }
    return blocks.size();
  }

  /** Blank for accounting: only spaces, tabs and block-quote markers. */
  static boolean blank(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '>' && c != '\r') return false;
    }
    return true;
  }
}
