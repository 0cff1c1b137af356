package org.bookbuild.model;

import java.util.List;
import org.bookbuild.diag.SourcePos;

/** Inline nodes. Character styles are one generic {@link Styled} whose role names a style in {@code styles/}. */
public sealed interface Inline extends Node {

  record Text(SourcePos pos, String text) implements Inline {}

  /** A line end inside a paragraph: printed as a space. */
  record SoftBreak(SourcePos pos) implements Inline {}

  /** A forced line break. */
  record LineBreak(SourcePos pos) implements Inline {}

  /**
   * Character styling: {@code role} is one of emph, strong, strike, sub, sup, underline, smallcaps, kbd, abbr … and
   * maps to the style role {@code inline.<role>}.
   */
  record Styled(SourcePos pos, String role, List<Inline> content) implements Inline {}

  record Code(SourcePos pos, String text) implements Inline {}

  /** A link: {@code target} is a URL, {@code mailto:} address, or {@code #label} inside the book. */
  record Link(SourcePos pos, String target, List<Inline> content) implements Inline {}

  /** An image; inside a {@link Block.Figure} it is the figure's picture. */
  record Image(SourcePos pos, Attr attr, String src, List<Inline> alt) implements Inline {}

  /** Inline math in TeX. */
  record MathInline(SourcePos pos, String tex) implements Inline {}

  /** A footnote; its content is set at the page foot. */
  record Note(SourcePos pos, List<Block> content) implements Inline {}

  /**
   * A cross-reference not yet resolved: {@code kind} is the role ({@code ref}, {@code numref}, {@code eq}, {@code doc},
   * {@code term}, {@code cite} …), {@code label} its target, {@code text} the author's explicit text (may be empty).
   */
  record Ref(SourcePos pos, String kind, String label, List<Inline> text) implements Inline {}

  /** The page number on which the element with this id starts (for "see page 41"). */
  record PageRef(SourcePos pos, String id) implements Inline {}

  /** A generic inline container with attributes. */
  record Span(SourcePos pos, Attr attr, List<Inline> content) implements Inline {
    /** Class of the empty span an HTML {@code <a id>} becomes: a label of its own document's scope. */
    public static final String HTML_ANCHOR = "html-anchor";
  }

  /** A link target with no content (labels inside paragraphs, index entries). */
  record Anchor(SourcePos pos, String id) implements Inline {}

  /** An inline construct that could not be printed as written: a visible framed placeholder. */
  record Problem(SourcePos pos, String message, String source) implements Inline {}
}
