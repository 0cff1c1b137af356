package org.bookbuild.render;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Hears a per-chapter layout once every chapter's pages are settled, before they are joined into the book (which is
 * most of a rebuild's time): {@code book watch} uses it to show an edit that changed one chapter at once, by putting
 * that chapter's new pages into the PDF already shown ({@code finish.PageSwap}) while the full build goes on.
 */
public interface Preview {
  /** A chapter (page-sequence) of the layout: its layout-cache key, first page (0-based) and page count. */
  record Chapter(String key, int first, int pages) {}

  /**
   * @param chapters every page-sequence in book order; equal keys and pages mean equal pages in the book
   * @param chapterPdf lays the given chapter's pages into a PDF of their own (links to other chapters left out); null
   *     when that fails
   */
  void settled(List<Chapter> chapters, IntFunction<byte[]> chapterPdf);
}
