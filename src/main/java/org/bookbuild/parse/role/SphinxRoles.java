package org.bookbuild.parse.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Inline;

/**
 * The inline roles of Sphinx's standard domain, its Python (and C, C++, JavaScript) domain, sphinx-design and mystmd
 * that course books write, printed as Sphinx's LaTeX builder prints them:
 * <ul>
 *   <li>interface text: {@code guilabel} (an {@code &} accelerator mark dropped), {@code menuselection} (items joined
 *       by "‣", as Sphinx joins {@code -->}), {@code kbd}'s mystmd spelling {@code keyboard};</li>
 *   <li>literal text: {@code file} and {@code samp} (a {@code {variable}} part in italics), {@code envvar},
 *       {@code option}, {@code makevar}, {@code token}, {@code regexp}; {@code command} and {@code program} bold;
 *       {@code dfn} and {@code mimetype} italic;</li>
 *   <li>{@code pep} and {@code rfc} as "PEP 8" / "RFC 2616" linked to their published text, mystmd's {@code doi} and
 *       {@code wiki} as links;</li>
 *   <li>API references ({@code func}, {@code class}, {@code py:meth} …, {@code c:func}, {@code cpp:class} …): the
 *       object's name in code type (Sphinx's {@code ~} keeps the last component, {@code text <target>} prints the
 *       text, functions and methods get "()"); the web build links them to API documentation elsewhere, which paper
 *       does not have, so nothing is reported;</li>
 *   <li>sphinx-design badges ({@code bdg}, {@code bdg-primary}, {@code bdg-link-info-line} …) as a framed word
 *       (link badges link), and icons ({@code octicon}, {@code fa}, {@code fas} …), decorations with no printed
 *       form, left out with a {@code print-omitted} note.</li>
 * </ul>
 */
final class SphinxRoles {
  private static final Pattern EXPLICIT = Pattern.compile("(?s)^(.*?)\\s*<([^<>]+)>\\s*$");
  private static final List<String> API = List.of("func", "meth", "class", "mod", "attr", "data", "exc", "obj",
      "const", "type", "member", "var", "macro", "struct", "enum", "enumerator", "union", "function", "concept");
  private static final List<String> DOMAINS = List.of("py", "c", "cpp", "js");
  private static final List<String> COLOURS = List.of("primary", "secondary", "success", "info", "warning", "danger",
      "light", "muted", "dark", "white", "black");
  private static final List<String> ICONS = List.of("octicon", "fa", "fas", "far", "fab", "material-regular",
      "material-outlined", "material-round", "material-sharp", "material-twotone");

  private SphinxRoles() {}

  static void register() {
    RoleRegistry.register(RoleSpec.of("guilabel", (r, ctx) -> List.of(styled(r, "guilabel", accelerators(r.content())))));
    RoleRegistry.register(RoleSpec.of("menuselection", (r, ctx) -> {
      List<String> parts = new ArrayList<>();
      for (String p : r.content().split("-->", -1)) parts.add(accelerators(p.strip()));
      return List.of(styled(r, "guilabel", String.join(" \u2023 ", parts)));
    }));
    RoleRegistry.register(RoleSpec.of("keyboard", (r, ctx) -> List.of(styled(r, "kbd", r.content()))));
    for (String name : List.of("file", "samp")) RoleRegistry.register(RoleSpec.of(name, SphinxRoles::samp));
    for (String name : List.of("envvar", "option", "makevar", "token", "regexp")) {
      RoleRegistry.register(RoleSpec.of(name, (r, ctx) -> List.of(new Inline.Code(r.pos(), target(r.content())))));
    }
    for (String name : List.of("command", "program")) {
      RoleRegistry.register(RoleSpec.of(name, (r, ctx) -> List.of(styled(r, "strong", r.content()))));
    }
    for (String name : List.of("dfn", "mimetype")) {
      RoleRegistry.register(RoleSpec.of(name, (r, ctx) -> List.of(styled(r, "emph", r.content()))));
    }
    RoleRegistry.register(RoleSpec.of("pep", (r, ctx) -> numbered(r, "PEP ",
        n -> "https://peps.python.org/pep-" + String.format(Locale.ROOT, "%04d", n) + "/")));
    RoleRegistry.register(RoleSpec.of("rfc", (r, ctx) -> numbered(r, "RFC ",
        n -> "https://datatracker.ietf.org/doc/html/rfc" + n)));
    RoleRegistry.register(RoleSpec.of("doi", (r, ctx) -> link(r, "https://doi.org/")));
    RoleRegistry.register(RoleSpec.of("wiki", (r, ctx) -> link(r, "https://en.wikipedia.org/wiki/")));
    for (String kind : API) {
      RoleRegistry.register(RoleSpec.of(kind, SphinxRoles::api));
      for (String domain : DOMAINS) RoleRegistry.register(RoleSpec.of(domain + ":" + kind, SphinxRoles::api));
    }
    RoleRegistry.register(RoleSpec.of("bdg", SphinxRoles::badge));
    for (String colour : COLOURS) {
      for (String form : List.of("bdg-", "bdg-link-", "bdg-ref-")) {
        RoleRegistry.register(RoleSpec.of(form + colour, SphinxRoles::badge));
        RoleRegistry.register(RoleSpec.of(form + colour + "-line", SphinxRoles::badge));
      }
    }
    for (String icon : ICONS) {
      RoleRegistry.register(RoleSpec.of(icon, (r, ctx) -> {
        ctx.diags().report(new Diagnostic("print-omitted", Severity.INFO, "{" + r.name() + "}`" + r.content()
            + "` is an icon for the web page; print leaves it out", r.pos(), ""));
        return List.of();
      }));
    }
  }

  private static Inline styled(RoleSpec.Role r, String role, String text) {
    return new Inline.Styled(r.pos(), role, List.of(new Inline.Text(r.contentPos(), text)));
  }

  /** Sphinx's GUI labels mark an accelerator key with {@code &} (a literal ampersand is {@code &&}). */
  static String accelerators(String s) {
    return s.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&');
  }

  /** {@code {samp}`print({x})`}: literal text whose braced parts are variables, set in italics. */
  private static List<Inline> samp(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    String s = r.content();
    List<Inline> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    SourcePos p = r.contentPos();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}' || s.charAt(i + 1) == '\\')) {
        lit.append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      int close = c == '{' ? s.indexOf('}', i + 1) : -1;
      if (close > i + 1) {
        if (lit.length() > 0) parts.add(new Inline.Text(p, lit.toString()));
        lit.setLength(0);
        parts.add(new Inline.Styled(p, "emph", List.of(new Inline.Text(p, s.substring(i + 1, close)))));
        i = close + 1;
        continue;
      }
      lit.append(c);
      i++;
    }
    if (lit.length() > 0) parts.add(new Inline.Text(p, lit.toString()));
    boolean variables = parts.stream().anyMatch(x -> x instanceof Inline.Styled);
    if (!variables) return List.of(new Inline.Code(r.pos(), s));
    return List.of(new Inline.Styled(r.pos(), "samp", parts));
  }

  /** The target of an explicit {@code text <target>} role, else the content. */
  private static String target(String content) {
    Matcher m = EXPLICIT.matcher(content);
    return (m.matches() ? m.group(2) : content).strip();
  }

  private static List<Inline> numbered(RoleSpec.Role r, String prefix, java.util.function.IntFunction<String> url) {
    Matcher m = EXPLICIT.matcher(r.content());
    String ref = (m.matches() ? m.group(2) : r.content()).strip();
    String anchor = "";
    int hash = ref.indexOf('#');
    if (hash >= 0) {
      anchor = ref.substring(hash);
      ref = ref.substring(0, hash);
    }
    String text = m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : prefix + ref;
    try {
      int n = Integer.parseInt(ref.strip());
      return List.of(new Inline.Link(r.pos(), url.apply(n) + anchor, List.of(new Inline.Text(r.contentPos(), text))));
    } catch (NumberFormatException e) {
      return List.of(new Inline.Text(r.contentPos(), text));
    }
  }

  private static List<Inline> link(RoleSpec.Role r, String base) {
    Matcher m = EXPLICIT.matcher(r.content());
    String ref = (m.matches() ? m.group(2) : r.content()).strip();
    String text = m.matches() && !m.group(1).isBlank() ? m.group(1).strip()
        : base.contains("wikipedia") ? ref.replace('_', ' ') : ref;
    String path = base.contains("wikipedia") ? ref.replace(' ', '_') : ref;
    return List.of(new Inline.Link(r.pos(), base + path, List.of(new Inline.Text(r.contentPos(), text))));
  }

  /**
   * An API object's name as Sphinx prints a reference to it: explicit text when given; else the target, its last
   * dotted component alone after {@code ~}, a leading {@code !} or {@code .} dropped, and "()" after a function or
   * method name.
   */
  private static List<Inline> api(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    return apiName(r, r.name().substring(r.name().indexOf(':') + 1), ctx);
  }

  /** Whether a role's last name part is one of the API object kinds ({@code func}, {@code class} …). */
  static boolean isApi(String kind) {
    return API.contains(kind);
  }

  /** An API reference of this object kind printed as {@link #api} prints it. */
  static List<Inline> apiName(RoleSpec.Role r, String kind, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    if (m.matches() && !m.group(1).isBlank()) return List.of(new Inline.Code(r.pos(), m.group(1).strip()));
    String t = (m.matches() ? m.group(2) : r.content()).strip();
    boolean shortForm = false;
    while (!t.isEmpty() && (t.charAt(0) == '~' || t.charAt(0) == '!' || t.charAt(0) == '.')) {
      if (t.charAt(0) == '~') shortForm = true;
      t = t.substring(1);
    }
    if (shortForm) {
      int dot = Math.max(t.lastIndexOf('.'), t.lastIndexOf("::") < 0 ? -1 : t.lastIndexOf("::") + 1);
      if (dot >= 0 && dot + 1 < t.length()) t = t.substring(dot + 1);
    }
    // Sphinx's add_function_parentheses (on unless the project's conf turns it off)
    if ((kind.equals("func") || kind.equals("meth") || kind.equals("function")) && !t.endsWith(")")
        && ctx.reading().functionParentheses()) {
      t += "()";
    }
    return List.of(new Inline.Code(r.pos(), t));
  }

  /** A sphinx-design badge: its text framed (role {@code inline.badge}); a link badge links to its target. */
  private static List<Inline> badge(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    boolean linked = r.name().startsWith("bdg-link-") || r.name().startsWith("bdg-ref-");
    String text = (m.matches() && !m.group(1).isBlank() ? m.group(1) : m.matches() ? m.group(2) : r.content()).strip();
    Attr a = Attr.classes("badge");
    List<Inline> words = List.of(new Inline.Text(r.contentPos(), text));
    if (!linked || !m.matches()) return List.of(new Inline.Span(r.pos(), a, words));
    String target = m.group(2).strip();
    Inline in = r.name().startsWith("bdg-link-") ? new Inline.Link(r.pos(), target, words)
        : new Inline.Ref(r.pos(), "ref", target, words);
    return List.of(new Inline.Span(r.pos(), a, List.of(in)));
  }
}
