package org.bookbuild.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sphinx's {@code only} expressions over build tags: names, {@code and}, {@code or}, {@code not} and parentheses
 * ({@code instructor}, {@code latex or pdf}, {@code not (student and draft)}). A malformed expression is an
 * {@link IllegalArgumentException} with the reason.
 */
final class TagExpr {
  private final List<String> tokens;
  private int at;
  private final Set<String> tags;

  private TagExpr(String expr, Set<String> tags) {
    this.tokens = new ArrayList<>();
    for (String t : expr.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) if (!t.isEmpty()) tokens.add(t);
    this.tags = tags;
  }

  static boolean eval(String expr, Set<String> tags) {
    TagExpr e = new TagExpr(expr, tags);
    if (e.tokens.isEmpty()) throw new IllegalArgumentException("empty expression");
    boolean v = e.or();
    if (e.at < e.tokens.size()) throw new IllegalArgumentException("unexpected '" + e.tokens.get(e.at) + "'");
    return v;
  }

  private boolean or() {
    boolean v = and();
    while (peek("or")) {
      at++;
      v = and() | v;
    }
    return v;
  }

  private boolean and() {
    boolean v = not();
    while (peek("and")) {
      at++;
      v = not() & v;
    }
    return v;
  }

  private boolean not() {
    if (peek("not")) {
      at++;
      return !not();
    }
    if (peek("(")) {
      at++;
      boolean v = or();
      if (!peek(")")) throw new IllegalArgumentException("missing ')'");
      at++;
      return v;
    }
    if (at >= tokens.size()) throw new IllegalArgumentException("expression ends too early");
    String t = tokens.get(at++);
    if (t.equals(")") || t.equals("and") || t.equals("or")) throw new IllegalArgumentException("unexpected '" + t + "'");
    return tags.contains(t);
  }

  private boolean peek(String t) {
    return at < tokens.size() && tokens.get(at).equals(t);
  }
}
