package org.bookbuild.parse;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;

/**
 * What a parse needs beyond the text: the parser (for directive bodies parsed again), the project's World for
 * includes (null when parsing a bare string, as tests do: includes are then refused), the file, the sink, and how
 * deep in includes we are, and the ledger in which every source line read is accounted for ({@link SourceLedger}).
 * {@code notes} gives the converters of directive bodies (and included files) the footnote definitions of the page
 * they stand in: MyST defines a footnote anywhere in the page, so {@code [^1]} in a note box may be defined at the
 * page's foot.
 */
record ParseEnv(MarkdownParser parser, World world, String file, Diagnostics diags, int depth, SourceLedger ledger,
    ParseScope scope, PageNotes notes) {
  ParseEnv forFile(String f) {
    return new ParseEnv(parser, world, f, diags, depth + 1, ledger, scope, notes);
  }

  /** The page's own converter, which owns its footnote definitions; set by the first converter of the page. */
  static final class PageNotes {
    FlexmarkConverter page;
    /** The notebook's notes across cells when this page is one Markdown cell of a notebook, else null. */
    NotebookNotes shared;
  }
}
