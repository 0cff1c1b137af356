package org.bookbuild.parse;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;

/**
 * What a parse needs beyond the text: the parser (for directive bodies parsed again), the project's World for
 * includes (null when parsing a bare string, as tests do: includes are then refused), the file, the sink, and how
 * deep in includes we are, and the ledger in which every source line read is accounted for ({@link SourceLedger}).
 */
record ParseEnv(MarkdownParser parser, World world, String file, Diagnostics diags, int depth, SourceLedger ledger,
    ParseScope scope) {
  ParseEnv forFile(String f) {
    return new ParseEnv(parser, world, f, diags, depth + 1, ledger, scope);
  }
}
