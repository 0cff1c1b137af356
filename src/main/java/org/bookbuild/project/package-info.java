/** Stage 1: the project configuration ({@code book.yml}) read into a {@link org.bookbuild.project.Project}. */
package org.bookbuild.project;
