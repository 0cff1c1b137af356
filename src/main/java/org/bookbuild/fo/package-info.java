/**
 * Stage 6: the model to XSL-FO. {@link org.bookbuild.fo.FoWriter#write} is the entry point; renderers for each node
 * kind are registered in {@link org.bookbuild.fo.Renderers}; every size and word comes from the style.
 */
package org.bookbuild.fo;
