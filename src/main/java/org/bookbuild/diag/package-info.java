/** Diagnostics as data: rule id, severity, message and source position, collected in one sink by every stage. */
package org.bookbuild.diag;
