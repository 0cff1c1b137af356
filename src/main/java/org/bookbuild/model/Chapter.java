package org.bookbuild.model;

import java.util.List;

/**
 * One source file of the book, parsed. {@code id} is unique in the book (derived from the file name); {@code kind}
 * decides numbering and page style. The chapter's title is its first level-1 heading.
 */
public record Chapter(String file, String id, Kind kind, List<Block> blocks) {
  /** Where in the book a chapter sits. */
  public enum Kind {
    /** Preface, notation …: unnumbered, roman folios. */
    FRONT,
    /** Numbered chapters 1, 2, 3 …, arabic folios. */
    BODY,
    /** Appendices, lettered A, B …. */
    APPENDIX,
    /** Unnumbered back matter after the appendices (generated glossary, bibliography, index). */
    BACK
  }

  /**
   * Kind of the Div that carries a web link the toc lists ({@code - url:}) to the table of contents: its title, its
   * {@code url}, its {@code level} there (1 chapter, 2 section …), {@code before} when it comes before the chapter's
   * own entry. It prints nothing on the page.
   */
  public static final String TOC_LINK = "toc-link";

  public Chapter withBlocks(List<Block> newBlocks) {
    return new Chapter(file, id, kind, newBlocks);
  }

  /** The chapter's title heading, if it has one. */
  public java.util.Optional<Block.Heading> titleHeading() {
    for (Block b : blocks) {
      if (b instanceof Block.Heading h && h.level() == 1) return java.util.Optional.of(h);
    }
    return java.util.Optional.empty();
  }
}
