/**
 * Stage 8, finish: turns FOP's PDF into the one we ship, with a document id derived from the content (so that equal
 * sources give equal bytes) and viewer preferences FOP cannot set. Entry point:
 * {@link org.bookbuild.finish.Finisher#finish(byte[], org.bookbuild.model.Metadata)}.
 */
package org.bookbuild.finish;
