/**
 * Stage 3: source files to the document model. flexmark is used only inside this package; its extensions for math
 * and MyST syntax live here too. Entry point: {@link org.bookbuild.parse.BookReader#read}.
 */
package org.bookbuild.parse;
