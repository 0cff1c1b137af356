package org.bookbuild.figure;

import org.bookbuild.diag.SourcePos;

/**
 * A problem in a figure spec or its data, found while reading or drawing. It never leaves the package: the engine turns
 * it into a diagnostic with the rule id and position and draws a placeholder instead of the figure.
 */
final class SpecException extends RuntimeException {
  private final String ruleId;
  private final SourcePos pos;

  SpecException(String ruleId, SourcePos pos, String message) {
    super(message, null, false, false);
    this.ruleId = ruleId;
    this.pos = pos == null ? SourcePos.NONE : pos;
  }

  String ruleId() {
    return ruleId;
  }

  SourcePos pos() {
    return pos;
  }
}
