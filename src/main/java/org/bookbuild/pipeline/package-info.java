/** The order of the stages, written down once: {@link org.bookbuild.pipeline.Pipeline#build}. */
package org.bookbuild.pipeline;
