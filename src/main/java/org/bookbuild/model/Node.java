package org.bookbuild.model;

import org.bookbuild.diag.SourcePos;

/** Any node of the document model. Every node knows where in the sources it came from. */
public sealed interface Node permits Block, Inline {
  SourcePos pos();
}
