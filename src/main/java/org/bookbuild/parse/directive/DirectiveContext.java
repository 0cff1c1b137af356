package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Optional;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * What a directive's spec may ask of the parser while it builds its model: parse its body or any text as MyST
 * Markdown with true source positions, read project files (sandboxed), and report diagnostics.
 */
public interface DirectiveContext {
  Diagnostics diags();

  /** The project-relative path of the file being parsed. */
  String file();

  /** The directive's body parsed as MyST Markdown; positions point into the source file. */
  List<Block> body(Directive d);

  /**
   * The directive's body read as reStructuredText (MyST's {@code eval-rst}); positions point into the source file. A
   * context that reads rST already gives its ordinary body.
   */
  default List<Block> rstBody(Directive d) {
    return body(d);
  }

  /** Some text (an argument, a caption) parsed as inline Markdown; {@code pos} is where the text starts. */
  List<Inline> inlines(String text, SourcePos pos);

  /** Markdown text parsed as blocks; {@code pos} is where its first line starts. */
  List<Block> blocks(String text, SourcePos pos);

  /**
   * Reads a file named relative to the current file, through the project's World. Reports
   * {@code path-outside-project} or {@code include-missing} at {@code pos} and returns empty when it cannot.
   */
  Optional<Included> read(String path, SourcePos pos);

  /** Parses a whole included Markdown file with positions in that file. */
  List<Block> parseFile(Included file);

  /**
   * Says that the whole directive is left out on purpose (an {@code only} block for another format, a {@code raw}
   * block for HTML): its lines count as consumed in source accounting. The spec reports why (an info note).
   */
  void omit(Directive d);

  /** Says that one source line of the body (a separator such as a card's {@code ^^^}) was used on purpose. */
  void consumed(SourcePos line);

  /** A value the notebook being read glued under {@code key}, if its stored outputs have one. */
  default Optional<Glued> glue(String key) {
    return Optional.empty();
  }

  /** How the project reads web dialects (hidden cells printed or left out …). */
  default org.bookbuild.project.Project.Reading reading() {
    return org.bookbuild.project.Project.Reading.DEFAULT;
  }

  /** A file read for an include: its project-relative path and text. */
  record Included(String path, String text) {}
}
