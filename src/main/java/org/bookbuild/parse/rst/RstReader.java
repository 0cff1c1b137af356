package org.bookbuild.parse.rst;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.model.Block;
import org.bookbuild.parse.ChapterFormat;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.ParseScope;
import org.bookbuild.parse.SourceLedger;

/**
 * The reStructuredText reader: an {@code .rst} page of the toc (the chapter format {@link #FORMAT}), or the body of a
 * MyST {@code {eval-rst}} block ({@link #nested}). It gives the same model as the Markdown parser, runs directives
 * and roles through the same registries, and takes part in source accounting: a whole file is settled here, so every
 * line nothing read is reported as {@code content-dropped} and printed in a placeholder (docs/rst.md).
 */
public final class RstReader {
  private RstReader() {}

  /** The chapter format registered for {@code .rst} in {@code BookReader.FORMATS}. */
  public static final ChapterFormat FORMAT = new ChapterFormat() {
    @Override
    public List<Block> parse(String file, byte[] content, Diagnostics diags) {
      return parse(null, file, content, diags, ParseScope.DEFAULT);
    }

    @Override
    public List<Block> parse(World world, String file, byte[] content, Diagnostics diags, ParseScope scope) {
      return RstReader.parse(world, file, new String(content, StandardCharsets.UTF_8), diags, scope);
    }
  };

  /** Reads a whole rST file; {@code world} may be null (includes are then refused). */
  public static List<Block> parse(World world, String file, String text, Diagnostics diags, ParseScope scope) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    SourceLedger ledger = new SourceLedger();
    LineIndex ix = new LineIndex(file, t);
    RstBlocks b = new RstBlocks(new RstDoc(world, file, diags, 0, ledger, scope, 0), ix, true);
    List<Line> ls = Line.split(t);
    b.scan(ls);
    return ledger.settle(ix, t, b.blocks(ls), diags);
  }

  /**
   * Reads rST lines cut out of another file (an {@code eval-rst} body): offsets are into {@code ix}'s text, lines are
   * accounted in that file's {@code ledger}, and section titles start one level below the page's title.
   */
  public static List<Block> nested(World world, LineIndex ix, List<Line> lines, Diagnostics diags, int depth,
      SourceLedger ledger, ParseScope scope) {
    RstBlocks b = new RstBlocks(new RstDoc(world, ix.file(), diags, depth, ledger, scope, 1), ix, false);
    List<Line> ls = RstBlocks.dedentAll(lines);
    b.scan(ls);
    return b.blocks(ls);
  }
}
