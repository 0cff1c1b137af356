package org.bookbuild.project;

import org.bookbuild.diag.SourcePos;

/** A configuration the build cannot use at all (exit status 2), with the place it was found. */
public final class ConfigException extends Exception {
  private final SourcePos pos;
  private final String ruleId;

  public ConfigException(String ruleId, SourcePos pos, String message) {
    super(message);
    this.ruleId = ruleId;
    this.pos = pos;
  }

  public SourcePos pos() {
    return pos;
  }

  public String ruleId() {
    return ruleId;
  }
}
