package org.bookbuild.diag;

/**
 * One problem found while building, as data: a stable rule id (such as {@code math-parse} or {@code config-unknown-key}),
 * a severity, a message for the author, where it is, and an optional hint.
 */
public record Diagnostic(String ruleId, Severity severity, String message, SourcePos pos, String hint) {
  public Diagnostic {
    if (pos == null) pos = SourcePos.NONE;
    if (hint == null) hint = "";
  }

  public static Diagnostic warning(String ruleId, SourcePos pos, String message) {
    return new Diagnostic(ruleId, Severity.WARNING, message, pos, "");
  }

  public static Diagnostic error(String ruleId, SourcePos pos, String message) {
    return new Diagnostic(ruleId, Severity.ERROR, message, pos, "");
  }

  public Diagnostic withHint(String h) {
    return new Diagnostic(ruleId, severity, message, pos, h);
  }

  /** The one-line form the command line prints: {@code path:line:col: warning: message [rule-id]}. */
  public String format() {
    String where = pos.isKnown() ? pos.toString() : "book";
    return where + ": " + severity.label() + ": " + oneLine(message) + " [" + ruleId + "]";
  }

  /**
   * A message as one printable line: line breaks become spaces and control characters are dropped, and very long
   * messages (which quote source text) are cut, so that each diagnostic stays one line of stderr.
   */
  public static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 400));
    int i = 0;
    for (; i < s.length() && sb.length() < 400; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') sb.append(' ');
      else if (!Character.isISOControl(c)) sb.append(c);
    }
    if (i < s.length()) sb.append('…');
    return sb.toString();
  }
}
