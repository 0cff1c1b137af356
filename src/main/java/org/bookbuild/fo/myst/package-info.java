/** FO renderers for the Div kinds MyST directives produce (admonitions, exercises, theorems, layout, iframes, toc). */
package org.bookbuild.fo.myst;
