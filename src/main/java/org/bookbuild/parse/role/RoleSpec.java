package org.bookbuild.parse.role;

import java.util.List;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Inline;

/**
 * What one MyST role is: a name and the function that turns its content into model inlines. Registered in
 * {@link RoleRegistry}; adding a role is one registration plus, if it needs one, an inline style role.
 */
public interface RoleSpec {
  String name();

  List<Inline> toModel(Role role, RoleContext ctx);

  /** A role as written: {@code {name}`content`}; {@code pos} is the opening brace, {@code contentPos} the content. */
  record Role(String name, String content, SourcePos pos, SourcePos contentPos) {}

  /** What a role may ask of the parser. */
  interface RoleContext {
    Diagnostics diags();

    /** Text parsed as inline MyST Markdown (for roles whose content is Markdown). */
    List<Inline> inlines(String text, SourcePos pos);

    /** A value the notebook being read glued under {@code key}, if its stored outputs have one. */
    default java.util.Optional<org.bookbuild.parse.directive.Glued> glue(String key) {
      return java.util.Optional.empty();
    }

    /** How the project reads web dialects (Sphinx's {@code add_function_parentheses} …). */
    default org.bookbuild.project.Project.Reading reading() {
      return org.bookbuild.project.Project.Reading.DEFAULT;
    }
  }

  /** The model-building function of a spec made with {@link #of}. */
  @FunctionalInterface
  interface Builder {
    List<Inline> build(Role r, RoleContext ctx);
  }

  static RoleSpec of(String name, Builder fn) {
    return new Simple(name, fn);
  }

  /** The spec {@link #of} makes. */
  record Simple(String name, Builder fn) implements RoleSpec {
    @Override
    public List<Inline> toModel(Role role, RoleContext ctx) {
      return fn.build(role, ctx);
    }
  }
}
