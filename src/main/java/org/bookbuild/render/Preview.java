package org.bookbuild.render;

import java.util.List;

/**
 * Hears a per-chapter layout once every chapter's pages are settled, before they are joined into the book (which is
 * most of a rebuild's time): {@code book watch} uses it to show an edit that changed one chapter at once, by putting
 * that chapter's new pages into the PDF already shown ({@code finish.PageSwap}) while the full build goes on.
 */
public interface Preview {
  /** A chapter (page-sequence) of the layout: its layout-cache key, first page (0-based) and page count. */
  record Chapter(String key, int first, int pages) {}

  /**
   * Pages of one chapter laid out again, in a PDF of their own.
   *
   * @param pages the chapter's pages (0-based, from its first) the PDF's pages are, in order
   */
  record Pages(int[] pages, byte[] pdf) {}

  /** Lays a chapter's new pages into a PDF. */
  interface ChapterPages {
    /**
     * The pages of chapter {@code i} that differ from its layout under {@code shownKey} (the one on show; null: all
     * its pages), in a PDF of their own (links to other chapters, and to its pages that did not change, left out);
     * null when that fails.
     */
    Pages of(int i, String shownKey);
  }

  /**
   * @param chapters every page-sequence in book order; equal keys and pages mean equal pages in the book
   * @param chapterPages lays a chapter's changed pages into a PDF of their own
   */
  void settled(List<Chapter> chapters, ChapterPages chapterPages);
}
