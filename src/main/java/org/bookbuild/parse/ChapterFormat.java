package org.bookbuild.parse;

import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.model.Block;

/**
 * A kind of chapter source file (Markdown, notebook …), chosen by file extension. New formats are added to
 * {@link BookReader#FORMATS}; nothing else changes.
 */
public interface ChapterFormat {
  /** Parses a whole file into blocks; problems go to {@code diags} with positions in {@code file}. */
  List<Block> parse(String file, byte[] content, Diagnostics diags);

  /**
   * Parses a whole file with access to the project (for {@code include} and {@code literalinclude}, and for a
   * notebook's stored images, written to the output cache); formats that need no other files keep the default.
   */
  default List<Block> parse(org.bookbuild.io.World world, String file, byte[] content, Diagnostics diags) {
    return parse(file, content, diags);
  }

  /** As above, with the build's tags and other facts a parse may use ({@link ParseScope}). */
  default List<Block> parse(org.bookbuild.io.World world, String file, byte[] content, Diagnostics diags, ParseScope scope) {
    return parse(world, file, content, diags);
  }
}
