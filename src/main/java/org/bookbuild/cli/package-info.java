/** The command line ({@link org.bookbuild.cli.Main}): arguments in, diagnostics on stderr, exit status out. */
package org.bookbuild.cli;
