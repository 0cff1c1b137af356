package org.bookbuild.parse.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Inline;

/**
 * The registry of MyST roles by name. An unknown role gives a {@code role-unknown} warning (hint: the closest known
 * name) and its content is printed as written, so nothing is lost.
 */
public final class RoleRegistry {
  private static final Map<String, RoleSpec> SPECS = new ConcurrentHashMap<>();

  static {
    ReferenceRoles.register();
    StyleRoles.register();
    GlueRoles.register();
    SphinxRoles.register();
  }

  private RoleRegistry() {}

  public static void register(RoleSpec spec) {
    SPECS.put(spec.name(), spec);
  }

  /** The spec of a name; names are case-insensitive as in Sphinx. */
  public static RoleSpec get(String name) {
    RoleSpec s = SPECS.get(name);
    return s != null ? s : SPECS.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(new TreeMap<>(SPECS).keySet()));
  }

  /** sphinx.ext.intersphinx's explicit roles: {external:ref}, {external+python:doc} … */
  private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile("external(\\+[\\w.-]+)?:[\\w:.-]+");
  private static final java.util.regex.Pattern EXPLICIT = java.util.regex.Pattern.compile("(?s)^(.*?)\\s*<([^<>]+)>\\s*$");

  /**
   * A reference into another project's documentation through intersphinx: its text (or the name after the last
   * colon, without a leading ~) printed as text, as {@code transform.ResolveRefs} prints references under the
   * project's {@code references}; said in a {@code ref-external} note.
   */
  private static List<Inline> external(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    String kind = r.name().substring(r.name().lastIndexOf(':') + 1);
    if (SphinxRoles.isApi(kind)) {
      // {external:py:func}`numpy.sum` is an API object: Sphinx prints it as a reference to its own API would be,
      // in code type with "()" after a function (add_function_parentheses)
      ctx.diags().report(new Diagnostic("ref-external", org.bookbuild.diag.Severity.INFO, "{" + r.name() + "}`"
          + r.content() + "` points into another project's documentation and prints as text", r.pos(), ""));
      return SphinxRoles.apiName(r, kind, ctx);
    }
    java.util.regex.Matcher m = EXPLICIT.matcher(r.content());
    String text;
    if (m.matches() && !m.group(1).isBlank()) {
      text = m.group(1).strip();
    } else {
      String target = (m.matches() ? m.group(2) : r.content()).strip();
      if (target.startsWith("~")) target = target.substring(target.lastIndexOf('.') + 1);
      text = target;
    }
    ctx.diags().report(new Diagnostic("ref-external", org.bookbuild.diag.Severity.INFO, "{" + r.name() + "}`"
        + r.content() + "` points into another project's documentation and prints as text", r.pos(), ""));
    return List.of(new Inline.Span(r.pos(), Attr.classes("external-ref"), List.of(new Inline.Text(r.contentPos(), text))));
  }

  public static List<Inline> run(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    RoleSpec spec = SPECS.get(r.name());
    if (spec == null && get(r.name()) != null) {
      r = new RoleSpec.Role(r.name().toLowerCase(java.util.Locale.ROOT), r.content(), r.pos(), r.contentPos());
      spec = SPECS.get(r.name());
    }
    if (spec != null) return spec.toModel(r, ctx);
    java.util.regex.Matcher ext = EXTERNAL.matcher(r.name());
    if (ext.matches()) return external(r, ctx);
    String near = org.bookbuild.parse.directive.DirectiveRegistry.nearest(r.name(), SPECS.keySet());
    ctx.diags().report(Diagnostic.warning("role-unknown", r.pos(), "unknown role {" + r.name()
        + "}: its text is printed as written").withHint(near.isEmpty() ? "" : "did you mean {" + near + "}?"));
    return List.of(new Inline.Span(r.pos(), Attr.classes("role-unknown"),
        List.of(new Inline.Code(r.pos(), "{" + r.name() + "}`" + r.content() + "`"))));
  }
}
