/** All input and output behind one interface, {@link org.bookbuild.io.World}: project files (sandboxed), built-in resources, environment, atomic output. */
package org.bookbuild.io;
