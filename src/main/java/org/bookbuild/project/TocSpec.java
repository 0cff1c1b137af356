package org.bookbuild.project;

import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * One toc entry as a project format wrote it, before its files are looked up: a page name (maybe without extension), a
 * glob {@code pattern}, or a titled group. Every reader produces these; {@link TocFiles} turns them into
 * {@link TocEntry}s in one place.
 */
record TocSpec(String file, String pattern, String title, List<TocSpec> children, SourcePos pos, int numbered,
    String url) {
  static TocSpec page(String file, String title, List<TocSpec> children, SourcePos pos, int numbered) {
    return new TocSpec(file, "", title, children, pos, numbered, "");
  }

  static TocSpec group(String title, List<TocSpec> children, SourcePos pos, int numbered) {
    return new TocSpec("", "", title, children, pos, numbered, "");
  }

  static TocSpec glob(String pattern, SourcePos pos) {
    return new TocSpec("", pattern, "", List.of(), pos, TocEntry.NUMBERED_UNSET, "");
  }

  /** A web link in the toc ({@code - url: …}): listed in the contents with its address. */
  static TocSpec link(String url, String title, SourcePos pos) {
    return new TocSpec("", "", title, List.of(), pos, TocEntry.NUMBERED_UNSET, url);
  }
}
