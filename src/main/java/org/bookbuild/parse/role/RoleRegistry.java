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
  }

  private RoleRegistry() {}

  public static void register(RoleSpec spec) {
    SPECS.put(spec.name(), spec);
  }

  public static RoleSpec get(String name) {
    return SPECS.get(name);
  }

  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(new TreeMap<>(SPECS).keySet()));
  }

  public static List<Inline> run(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    RoleSpec spec = SPECS.get(r.name());
    if (spec != null) return spec.toModel(r, ctx);
    String near = org.bookbuild.parse.directive.DirectiveRegistry.nearest(r.name(), SPECS.keySet());
    ctx.diags().report(Diagnostic.warning("role-unknown", r.pos(), "unknown role {" + r.name()
        + "}: its text is printed as written").withHint(near.isEmpty() ? "" : "did you mean {" + near + "}?"));
    return List.of(new Inline.Span(r.pos(), Attr.classes("role-unknown"),
        List.of(new Inline.Code(r.pos(), "{" + r.name() + "}`" + r.content() + "`"))));
  }
}
