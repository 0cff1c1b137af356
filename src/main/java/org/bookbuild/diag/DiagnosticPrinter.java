package org.bookbuild.diag;

import java.io.PrintWriter;

/**
 * Prints diagnostics for people: the one-line form ({@code path:line:col: severity: message [rule-id]}), then the
 * offending source line with a caret under the column, then the hint. The context lines are indented, so tools that
 * read the first form line by line are not confused by them.
 */
public final class DiagnosticPrinter {
  /** Longest stretch of a source line shown; very long lines are cut around the column. */
  static final int WINDOW = 100;

  private final PrintWriter out;
  private final SourceLines lines;
  private final boolean strict;

  /**
   * @param lines source text for the context lines (null: print the one-line form only)
   * @param strict print warnings as errors ({@code --strict} fails the build on them)
   */
  public DiagnosticPrinter(PrintWriter out, SourceLines lines, boolean strict) {
    this.out = out;
    this.lines = lines;
    this.strict = strict;
  }

  public void print(Diagnostic d) {
    Diagnostic shown = strict && d.severity() == Severity.WARNING
        ? new Diagnostic(d.ruleId(), Severity.ERROR, d.message(), d.pos(), d.hint()) : d;
    out.println(shown.format());
    SourcePos p = d.pos();
    if (lines != null && p.isKnown()) {
      lines.line(p.file(), p.line()).ifPresent(l -> context(l, p.col()));
    }
    if (!d.hint().isEmpty()) out.println("    = hint: " + Diagnostic.oneLine(d.hint()));
    out.flush();
  }

  private void context(String line, int col) {
    int c = Math.max(1, Math.min(col, line.length() + 1)) - 1;
    int from = 0;
    int to = line.length();
    if (line.length() > WINDOW) {
      from = Math.max(0, Math.min(c - WINDOW / 2, line.length() - WINDOW));
      to = Math.min(line.length(), from + WINDOW);
    }
    StringBuilder text = new StringBuilder("    | ");
    StringBuilder caret = new StringBuilder("    | ");
    if (from > 0) {
      text.append('…');
      caret.append(' ');
    }
    for (int i = from; i < to; i++) {
      char ch = line.charAt(i);
      boolean tab = ch == '\t';
      text.append(tab ? '\t' : Character.isISOControl(ch) ? '?' : ch);
      // keep the caret under the column: tabs stay tabs, low surrogates take no cell
      if (i < c && !Character.isLowSurrogate(ch)) caret.append(tab ? '\t' : ' ');
    }
    if (to < line.length()) text.append('…');
    caret.append('^');
    out.println(text);
    out.println(caret);
  }
}
