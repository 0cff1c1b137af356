package org.bookbuild.parse.role;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.Glued;

/**
 * MyST-NB's glue roles: {@code glue} ({@code glue:}, {@code glue:any}) prints a glued value inline (its LaTeX as
 * math, else its text), {@code glue:text} its text, formatted by a Python format spec after the last colon
 * ({@code {glue:text}`ratio:.2f`}), {@code glue:md} its Markdown. Values come from the notebook's stored outputs; a key
 * no output carries gives {@code glue-missing} and a placeholder.
 */
final class GlueRoles {
  private static final Pattern SPEC = Pattern.compile("^(,)?(?:\\.(\\d+))?([fFeE%dgG])?$");

  private GlueRoles() {}

  static void register() {
    for (String name : List.of("glue", "glue:", "glue:any")) {
      RoleRegistry.register(RoleSpec.of(name, (r, ctx) -> find(r, ctx, r.content().strip()).map(g -> {
        if (!g.latex().isEmpty()) return List.<Inline>of(new Inline.MathInline(r.pos(), g.latex()));
        return List.<Inline>of(new Inline.Text(r.contentPos(), g.plain()));
      }).orElseGet(() -> missing(r, ctx, r.content().strip()))));
    }
    RoleRegistry.register(RoleSpec.of("glue:text", (r, ctx) -> {
      String c = r.content().strip();
      int colon = c.lastIndexOf(':');
      String key = c;
      String spec = "";
      if (colon > 0 && SPEC.matcher(c.substring(colon + 1)).matches()) {
        key = c.substring(0, colon);
        spec = c.substring(colon + 1);
      }
      String k = key;
      String s = spec;
      return find(r, ctx, key).map(g -> List.<Inline>of(new Inline.Text(r.contentPos(), format(unquote(g.plain()), s))))
          .orElseGet(() -> missing(r, ctx, k));
    }));
    // mystmd's inline expression: its result as the last run stored it in the markdown cell's user_expressions
    // (the notebook reader puts it in scope), LaTeX as math, else Markdown, else the text; none stored, the expression
    // in a placeholder with eval-not-run
    RoleRegistry.register(RoleSpec.of("eval", (r, ctx) -> find(r, ctx, Glued.evalKey(r.content())).map(g -> {
      if (!g.latex().isBlank()) return List.<Inline>of(new Inline.MathInline(r.pos(), stripDollars(g.latex())));
      if (!g.markdown().isBlank()) return ctx.inlines(g.markdown().strip(), r.contentPos());
      return List.<Inline>of(new Inline.Text(r.contentPos(), unquote(g.plain())));
    }).orElseGet(() -> {
      ctx.diags().report(Diagnostic.warning("eval-not-run", r.pos(), "{eval}`" + r.content().strip() + "` has no stored"
          + " result: print runs no kernel; the expression is printed in its place")
          .withHint("execute the notebook with mystmd (myst build --execute) and save it, so the result is stored"));
      return List.of(new Inline.Problem(r.pos(), "expression not evaluated", r.content().strip()));
    })));
    RoleRegistry.register(RoleSpec.of("glue:md", (r, ctx) -> find(r, ctx, r.content().strip())
        .map(g -> ctx.inlines(g.markdown().isEmpty() ? unquote(g.plain()) : g.markdown(), r.contentPos()))
        .orElseGet(() -> missing(r, ctx, r.content().strip()))));
  }

  private static Optional<Glued> find(RoleSpec.Role r, RoleSpec.RoleContext ctx, String key) {
    return ctx.glue(key);
  }

  private static List<Inline> missing(RoleSpec.Role r, RoleSpec.RoleContext ctx, String key) {
    ctx.diags().report(Diagnostic.warning("glue-missing", r.pos(), "no stored notebook output is glued as '" + key + "'")
        .withHint("run the notebook with its glue() calls and save it with outputs"));
    return List.of(new Inline.Problem(r.pos(), "glued value '" + key + "' not found", key));
  }

  /** Display LaTeX as Jupyter writes it ($x$, $\\displaystyle x$) without its dollars. */
  static String stripDollars(String latex) {
    String t = latex.strip();
    while (t.length() >= 2 && t.startsWith("$") && t.endsWith("$")) t = t.substring(1, t.length() - 1).strip();
    return t;
  }

  /** A text/plain repr of a string is quoted ('abc'); the text is what is inside. */
  static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** A number formatted by a Python format spec ({@code .2f}, {@code ,.0f}, {@code .1%}, {@code .3e}, {@code d}). */
  static String format(String value, String spec) {
    if (spec.isEmpty()) return value;
    Matcher m = SPEC.matcher(spec);
    BigDecimal v;
    try {
      v = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      return value;
    }
    if (!m.matches()) return value;
    boolean group = m.group(1) != null;
    int prec = m.group(2) == null ? 6 : Integer.parseInt(m.group(2));
    String type = m.group(3) == null ? "g" : m.group(3);
    String out;
    switch (type) {
      case "%" -> out = String.format(Locale.ROOT, "%" + (group ? "," : "") + "." + prec + "f", v.movePointRight(2)) + "%";
      case "e", "E" -> out = String.format(Locale.ROOT, "%." + prec + type, v);
      case "d" -> out = String.format(Locale.ROOT, "%" + (group ? "," : "") + "d", v.toBigInteger());
      case "g", "G" -> out = m.group(2) == null && !group ? value.strip()
          : String.format(Locale.ROOT, "%." + Math.max(1, prec) + "g", v);
      default -> out = String.format(Locale.ROOT, "%" + (group ? "," : "") + "." + prec + "f", v);
    }
    return out;
  }
}
