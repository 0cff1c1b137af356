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
    return where + ": " + severity.label() + ": " + message + " [" + ruleId + "]";
  }
}
