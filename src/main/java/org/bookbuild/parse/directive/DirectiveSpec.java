package org.bookbuild.parse.directive;

import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;

/**
 * What one MyST directive is: its name (and aliases), whether it takes an argument, its typed options, what its body
 * is, and the function that turns a parsed instance into model blocks. Registered in {@link DirectiveRegistry};
 * adding a directive means one spec, one FO renderer for its Div kind, one style role, tests.
 */
public interface DirectiveSpec {
  /** Whether the directive takes an argument after its name. */
  enum Argument {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  /** What the body is: Markdown parsed with positions kept, raw text (code, math, CSV), or nothing. */
  enum Body {
    MARKDOWN,
    RAW,
    NONE
  }

  /** The type of an option value; values are checked against it and a mismatch gives a {@code directive-option} warning. */
  enum OptionType {
    /** Any text. */
    STRING,
    /** No value ({@code :linenos:}); present means on. */
    FLAG,
    /** A whole number. */
    INT,
    /** A length: 50%, 300px, 4cm, or a bare number of pixels. */
    LENGTH,
    /** Space-separated class names. */
    CLASSES
  }

  /** The main name, such as {@code note} or {@code prf:theorem}. */
  String name();

  /** Other names for the same directive ({@code code} and {@code sourcecode} for {@code code-block}). */
  default List<String> aliases() {
    return List.of();
  }

  Argument argument();

  Body body();

  /** Options this directive knows (beyond {@code name}, {@code label} and {@code class}, which every directive takes). */
  Map<String, OptionType> options();

  /** Builds the model for one instance. Problems go to {@code ctx.diags()} with a visible placeholder. */
  List<Block> toModel(Directive d, DirectiveContext ctx);

  /** A spec from its parts; most directives need no class of their own beyond a call to this. */
  static DirectiveSpec of(String name, Argument arg, Body body, Map<String, OptionType> options, Builder fn,
      String... aliases) {
    return new Simple(name, List.of(aliases), arg, body, options, fn);
  }

  /** The model-building function of a spec made with {@link #of}. */
  @FunctionalInterface
  interface Builder {
    List<Block> build(Directive d, DirectiveContext ctx);
  }

  /** The spec {@link #of} makes. */
  record Simple(String name, List<String> aliases, Argument argument, Body body, Map<String, OptionType> options,
      Builder fn) implements DirectiveSpec {
    @Override
    public List<Block> toModel(Directive d, DirectiveContext ctx) {
      return fn.build(d, ctx);
    }
  }
}
