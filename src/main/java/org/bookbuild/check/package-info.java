/**
 * Stage 9, check: reads a finished PDF back with PDFBox so that tests (and later the command line) can assert what a
 * reader will see: pages, labels, outline, links, text and its positions, fonts, images and metadata. Entry point:
 * {@link org.bookbuild.check.PdfInspector}.
 */
package org.bookbuild.check;
