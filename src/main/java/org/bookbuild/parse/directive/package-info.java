/**
 * MyST directives as specs ({@link org.bookbuild.parse.directive.DirectiveSpec}) in one registry
 * ({@link org.bookbuild.parse.directive.DirectiveRegistry}): each turns a parsed {@code ```{name}} or
 * {@code :::{name}} block into model nodes. No flexmark types here; the parser hands specs a
 * {@link org.bookbuild.parse.directive.DirectiveContext}.
 */
package org.bookbuild.parse.directive;
