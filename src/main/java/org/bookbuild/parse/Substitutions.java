package org.bookbuild.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Hints;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.project.YamlTree;

/**
 * MyST's substitution extension: {@code {{ key }}} in text is replaced by the value the project
 * ({@code parse: myst_substitutions:} in Jupyter Book's {@code _config.yml}, {@code substitutions:} in book.yml) or the
 * page's front matter ({@code substitutions:}, or {@code myst: substitutions:}) gives the key. A value is MyST
 * Markdown: inline where the reference stands in a sentence, and blocks (a figure, an admonition) when the reference
 * is a paragraph of its own, as myst-parser does. A key nobody defines prints as written, with a
 * {@code substitution-unknown} warning; a value that refers to itself gives {@code substitution-cycle}.
 */
final class Substitutions {
  /** Keys being expanded on this thread, innermost last: a value that uses its own key would never end. */
  private static final ThreadLocal<Deque<String>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

  private Substitutions() {}

  /** The inlines a reference stands for; the reference's own text when it cannot be expanded. */
  static List<Inline> inline(MystNodes.Substitution s, ParseEnv env, SourcePos pos) {
    List<Block> blocks = expand(s, env, pos);
    if (blocks == null) return List.of(new Inline.Text(pos, s.getChars().toString()));
    List<Inline> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.Para p) {
        if (!out.isEmpty()) out.add(new Inline.Text(pos, " "));
        out.addAll(p.content());
      } else {
        env.diags().warn("substitution-block", pos, "substitution '" + s.key + "' holds blocks (" + b.getClass().getSimpleName()
            + ") but is used inside a sentence; put it on a line of its own to print them");
        return List.of(new Inline.Text(pos, s.getChars().toString()));
      }
    }
    return out;
  }

  /** Whether a paragraph is one reference to a defined substitution and nothing else (its value may be blocks). */
  static boolean standsAlone(com.vladsch.flexmark.ast.Paragraph p, ParseEnv env) {
    MystNodes.Substitution only = only(p);
    // an unknown key is reported once, by the inline path that prints it as written
    return only != null && env.scope().substitutions().containsKey(only.key);
  }

  /** The blocks a paragraph that {@link #standsAlone} stands for. */
  static List<Block> paragraph(com.vladsch.flexmark.ast.Paragraph p, ParseEnv env, SourcePos pos) {
    List<Block> blocks = expand(only(p), env, pos);
    return blocks == null ? List.of(new Block.Para(pos, List.of(new Inline.Text(pos, only(p).getChars().toString())))) : blocks;
  }

  private static MystNodes.Substitution only(com.vladsch.flexmark.ast.Paragraph p) {
    MystNodes.Substitution only = null;
    for (com.vladsch.flexmark.util.ast.Node c = p.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof MystNodes.Substitution s && only == null) only = s;
      else if (!(c instanceof com.vladsch.flexmark.ast.Text t && t.getChars().isBlank())
          && !(c instanceof com.vladsch.flexmark.ast.SoftLineBreak)) return null;
    }
    return only;
  }

  private static List<Block> expand(MystNodes.Substitution s, ParseEnv env, SourcePos pos) {
    ParseScope.Substitution v = env.scope().substitutions().get(s.key);
    if (v == null) {
      String hint = Hints.closest(s.key, env.scope().substitutions().keySet()).map(n -> "did you mean '" + n + "'?")
          .orElse("define it under parse: myst_substitutions: in _config.yml, substitutions: in book.yml or the page's front matter");
      env.diags().report(Diagnostic.warning("substitution-unknown", pos, "no substitution is defined for '" + s.key
          + "'; printed as written").withHint(hint));
      return null;
    }
    Deque<String> open = OPEN.get();
    if (open.contains(s.key)) {
      env.diags().warn("substitution-cycle", pos, "substitution '" + s.key + "' uses itself (" + String.join(" \u2192 ", open)
          + " \u2192 " + s.key + "); printed as written");
      return null;
    }
    if (v.markdown().isBlank()) return List.of();
    open.addLast(s.key);
    try {
      return env.parser().parse(env, LineIndex.at(v.pos().file(), v.markdown(), v.pos()), v.markdown());
    } finally {
      open.removeLast();
    }
  }

  /** Substitutions from a YAML mapping (key → text; numbers and booleans as written). */
  static Map<String, ParseScope.Substitution> of(YamlTree.Value map, int lineShift) {
    Map<String, ParseScope.Substitution> out = new LinkedHashMap<>();
    if (map == null || map.map() == null) return out;
    for (String k : YamlTree.keys(map.map())) {
      YamlTree.Value v = map.map().get(k);
      Object plain = v.plain();
      if (plain == null || plain instanceof Map || plain instanceof List) continue;
      SourcePos p = v.pos();
      out.put(k, new ParseScope.Substitution(String.valueOf(plain), SourcePos.of(p.file(), p.line() + lineShift, p.col())));
    }
    return out;
  }
}
