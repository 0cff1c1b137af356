package org.bookbuild.diag;

/** How bad a diagnostic is. Errors set exit status 1; warnings only under {@code --strict}. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
