package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * The registry of MyST directives by name. Families of directives register themselves in the static block; a new
 * directive is added with {@link #register} (from its own class) and nothing else in the parser changes.
 */
public final class DirectiveRegistry {
  private static final Map<String, DirectiveSpec> SPECS = new ConcurrentHashMap<>();

  static {
    Admonitions.register();
    Code.register();
    MathDirective.register();
    Figures.register();
    Plots.register();
    Tables.register();
    Includes.register();
    Exercises.register();
    Proofs.register();
    Layout.register();
    Iframe.register();
    Toc.register();
    BackMatterDirectives.register();
    Only.register();
    SphinxExtras.register();
    Glue.register();
    WebOnly.register();
    Embed.register();
    SphinxDocs.register();
  }

  private DirectiveRegistry() {}

  /** Adds a spec under its name and aliases, replacing any earlier spec of that name. */
  public static void register(DirectiveSpec spec) {
    SPECS.put(spec.name(), spec);
    for (String a : spec.aliases()) SPECS.put(a, spec);
  }

  /** The spec of a name; names are case-insensitive as in Sphinx ({@code prf:Theorem} is {@code prf:theorem}). */
  public static DirectiveSpec get(String name) {
    DirectiveSpec s = SPECS.get(name);
    return s != null ? s : SPECS.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** All registered names, sorted. */
  public static List<String> names() {
    List<String> n = new ArrayList<>(new TreeMap<>(SPECS).keySet());
    return Collections.unmodifiableList(n);
  }

  /**
   * Runs a directive: checks its argument and options against the spec and builds its model. An unknown name gives a
   * {@code directive-unknown} warning (with the closest known name as hint) and prints the directive as written.
   */
  public static List<Block> run(Directive d, DirectiveContext ctx) {
    DirectiveSpec spec = SPECS.get(d.name());
    if (spec == null && get(d.name()) != null) {
      // written in another case: the spec sees its own (lower-case) name
      d = new Directive(d.name().toLowerCase(java.util.Locale.ROOT), d.argument(), d.options(), d.body(), d.pos(),
          d.argPos(), d.bodyPos());
      spec = SPECS.get(d.name());
    }
    if (spec == null) return unknown(d, ctx);
    if (spec.argument() == DirectiveSpec.Argument.NONE && !d.argument().isEmpty()) {
      ctx.diags().warn("directive-argument", d.argPos(), "{" + d.name() + "} takes no argument; '" + d.argument()
          + "' is ignored");
    }
    if (spec.argument() == DirectiveSpec.Argument.REQUIRED && d.argument().isEmpty()) {
      ctx.diags().warn("directive-argument", d.pos(), "{" + d.name() + "} needs an argument");
    }
    for (Map.Entry<String, String> o : d.options().entrySet()) checkOption(spec, d, o.getKey(), o.getValue(), ctx);
    return spec.toModel(d, ctx);
  }

  private static void checkOption(DirectiveSpec spec, Directive d, String key, String value, DirectiveContext ctx) {
    if (key.equals("name") || key.equals("label") || key.equals("class")) return;
    DirectiveSpec.OptionType t = spec.options().get(key);
    // a nested YAML option (mystnb.figure.caption) is known when its first part is
    if (t == null && key.contains(".")) t = spec.options().get(key.substring(0, key.indexOf('.')));
    if (t == null) {
      ctx.diags().report(Diagnostic.warning("directive-option", d.pos(), "{" + d.name() + "} has no option :" + key
          + ": (ignored)").withHint(spec.options().isEmpty() ? "" : "known options: " + String.join(", ",
          new TreeMap<>(spec.options()).keySet())));
      return;
    }
    String v = value.trim();
    boolean ok = switch (t) {
      case INT -> v.matches("-?\\d+");
      case LENGTH -> v.matches("(?i)[0-9.]+\\s*(%|px|pt|pc|cm|mm|in|em|ex)?");
      default -> true;
    };
    if (!ok) ctx.diags().warn("directive-option", d.pos(), "{" + d.name() + "} option :" + key + ": expects "
        + t.name().toLowerCase() + ", got '" + v + "'");
  }

  private static List<Block> unknown(Directive d, DirectiveContext ctx) {
    String near = closest(d.name());
    ctx.diags().report(Diagnostic.warning("directive-unknown", d.pos(), "unknown directive {" + d.name()
        + "}: printed as a plain block").withHint(near.isEmpty() ? "" : "did you mean {" + near + "}?"));
    SourcePos pos = d.pos();
    List<Inline> title = new ArrayList<>();
    title.add(new Inline.Code(pos, "{" + d.name() + "}"));
    if (!d.argument().isEmpty()) {
      title.add(new Inline.Text(pos, " "));
      title.addAll(ctx.inlines(d.argument(), d.argPos()));
    }
    List<Block> content = new ArrayList<>();
    if (!d.options().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      d.options().forEach((k, v) -> sb.append(':').append(k).append(": ").append(v).append('\n'));
      content.add(new Block.CodeBlock(pos, Attr.EMPTY, "", sb.toString().stripTrailing()));
    }
    content.addAll(ctx.body(d));
    return List.of(new Block.Div(pos, Attr.classes("directive-unknown"), title, content));
  }

  /** The registered name nearest to {@code name} by edit distance, or empty if none is near. */
  public static String closest(String name) {
    return nearest(name, SPECS.keySet());
  }

  /** The name among {@code names} nearest to {@code name} by edit distance, or empty if none is near. */
  public static String nearest(String name, java.util.Collection<String> names) {
    String best = "";
    int bestD = Integer.MAX_VALUE;
    for (String n : new java.util.TreeSet<>(names)) {
      int dist = distance(name, n);
      if (dist < bestD) {
        bestD = dist;
        best = n;
      }
    }
    return bestD <= Math.max(2, name.length() / 3) ? best : "";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
