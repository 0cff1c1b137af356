package org.bookbuild.project;

import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * One entry of the book's table of contents as configured: a file (a chapter), or a titled group of entries (a part).
 * {@code pos} points into the configuration file so that a missing file is reported where it is named.
 */
public record TocEntry(String file, String title, List<TocEntry> children, SourcePos pos) {
  public boolean isFile() {
    return file != null && !file.isEmpty();
  }
}
