package org.bookbuild.parse.directive;

import java.util.List;
import org.bookbuild.model.Block;

/**
 * One value a notebook glued ({@code myst_nb.glue}): its output as printable blocks, and the text/plain, text/latex
 * and text/markdown forms for the roles and for {@code glue:math}.
 */
public record Glued(List<Block> blocks, String plain, String latex, String markdown) {
  /** The scope key of a mystmd inline expression's stored result ({@code {eval}`expr`}). */
  public static String evalKey(String expression) {
    return "\u0000eval:" + expression.strip();
  }
}
