/** Stage 7: XSL-FO to PDF with Apache FOP ({@link org.bookbuild.render.Renderer#render}). */
package org.bookbuild.render;
