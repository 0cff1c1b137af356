package org.bookbuild.project;

import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * One entry of the book's table of contents, resolved: a file (a chapter or section page), or a titled group of entries
 * (a part). {@code pos} points into the configuration file so that a problem with the entry is reported where it is
 * named. Produced by {@link TocFiles} from whichever toc format the project uses.
 *
 * @param file project-relative path of the page, with its extension; empty for a group
 * @param found false when no file of that name exists (already reported as {@code chapter-missing} at {@code pos}: the
 *     book shows a placeholder and says nothing more)
 * @param numbered Jupyter Book's {@code numbered:} on this entry: {@link #NUMBERED_UNSET} when not written, 0 for
 *     {@code false}, a depth for a number, {@link Integer#MAX_VALUE} for {@code true}
 * @param url a web link the toc lists ({@code - url: …}, with its {@code title}); empty for a page or a group
 */
public record TocEntry(String file, String title, List<TocEntry> children, SourcePos pos, boolean found, int numbered,
    String url) {
  public static final int NUMBERED_UNSET = -1;

  public TocEntry(String file, String title, List<TocEntry> children, SourcePos pos, boolean found, int numbered) {
    this(file, title, children, pos, found, numbered, "");
  }

  /** A web link listed in the toc. */
  public static TocEntry link(String url, String title, SourcePos pos) {
    return new TocEntry("", title, List.of(), pos, true, NUMBERED_UNSET, url);
  }

  public boolean isLink() {
    return url != null && !url.isEmpty();
  }

  public TocEntry(String file, String title, List<TocEntry> children, SourcePos pos) {
    this(file, title, children, pos, true, NUMBERED_UNSET);
  }

  public boolean isFile() {
    return file != null && !file.isEmpty();
  }
}
