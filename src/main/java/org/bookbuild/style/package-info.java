/** Appearance as data: loads {@code styles/<name>/} and the project's overlay into a {@link org.bookbuild.style.Style}. */
package org.bookbuild.style;
