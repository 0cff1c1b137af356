package org.bookbuild.diag;

/**
 * A position in a source file: project-relative path, 1-based line and column. Travels with every model node so
 * that a problem found late (in FO or in the PDF) still points at the author's text.
 */
public record SourcePos(String file, int line, int col) {
  /** Position for things that have no source text (generated pages, defaults). */
  public static final SourcePos NONE = new SourcePos("", 0, 0);

  public static SourcePos of(String file, int line, int col) {
    return new SourcePos(file, line, col);
  }

  /** The same file, a later line: used when a block's content starts after its opening line. */
  public SourcePos plusLines(int lines) {
    return new SourcePos(file, line + lines, col);
  }

  public boolean isKnown() {
    return !file.isEmpty();
  }

  @Override
  public String toString() {
    if (!isKnown()) return "<book>";
    return file + ":" + line + ":" + col;
  }
}
