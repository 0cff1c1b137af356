/**
 * The document model: one tree of records in the middle of the pipeline, with no library types in it. Parsers produce
 * it, transforms rewrite it ({@link org.bookbuild.model.Rewriter}, {@link org.bookbuild.model.Walk}), the FO writer
 * consumes it. {@link org.bookbuild.model.Dump} gives it a stable text form for tests.
 */
package org.bookbuild.model;
