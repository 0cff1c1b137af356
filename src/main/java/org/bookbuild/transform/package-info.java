/** Stage 4: small named transforms of the model, run in the order {@link org.bookbuild.transform.Transforms#LIST} gives. */
package org.bookbuild.transform;
