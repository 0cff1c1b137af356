package org.bookbuild.parse;

import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.model.Block;

/**
 * A kind of chapter source file (Markdown, notebook …), chosen by file extension. New formats are added to
 * {@link BookReader#FORMATS}; nothing else changes.
 */
public interface ChapterFormat {
  /** Parses a whole file into blocks; problems go to {@code diags} with positions in {@code file}. */
  List<Block> parse(String file, byte[] content, Diagnostics diags);
}
