package org.bookbuild.fo.highlight;

/**
 * One run of source text with the style role that colours it ({@code code.keyword}, {@code code.string} …); a null
 * role is plain code text.
 */
public record Token(String role, String text) {}
