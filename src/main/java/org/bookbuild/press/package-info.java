/**
 * What a print shop asks of a book: the press profiles of {@code styles/press.yml} ({@link Presses}), the page
 * geometry and print filters they imply for the interior ({@link PressLayout}, {@link PrintFo}), page-count rules as a
 * registry ({@link PageCountRules}), and the full-wrap cover ({@link Cover}).
 */
package org.bookbuild.press;
