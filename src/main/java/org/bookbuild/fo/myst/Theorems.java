package org.bookbuild.fo.myst;

import java.util.List;
import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * Theorem-like blocks ({@code prf:*}) as LaTeX's amsthm sets them: a bold run-in head "Theorem 2.1 (Title)." and the
 * text, in roles {@code prf} and {@code prf.<kind>} (theorems italic, definitions upright …). A proof has an italic
 * head and ends with the style's end-of-proof mark flush right.
 */
final class Theorems {
  static final List<String> KINDS = List.of("theorem", "lemma", "definition", "corollary", "proposition", "example",
      "remark", "proof", "algorithm", "axiom", "conjecture", "criterion", "observation", "property", "assumption",
      "notation");

  private Theorems() {}

  static void register() {
    for (String k : KINDS) Renderers.div("prf:" + k, Theorems::render);
  }

  static void render(Block.Div d, Fo fo) {
    String k = d.kind().substring(4);
    boolean proof = k.equals("proof");
    Boxes.open(fo, "prf", "prf." + k);
    fo.id(d.attr().id());
    Boxes.runIn(fo, () -> head(d, k, fo), d.content(), proof ? fo.style().string("prf.qed") : null, "prf.qed");
    Boxes.close(fo);
  }

  private static void head(Block.Div d, String k, Fo fo) {
    String number = d.attr().get("number");
    fo.inline(k.equals("proof") ? "prf.proof.head" : "prf.head");
    fo.xml().text(number == null ? fo.style().string("prf." + k) : fo.style().string("prf." + k + ".numbered",
        "number", number));
    if (!d.title().isEmpty()) {
      fo.xml().text(" ");
      fo.inline("prf.title").text(fo.style().string("prf.title.open"));
      fo.inlines(d.title());
      fo.xml().text(fo.style().string("prf.title.close")).end();
    }
    fo.xml().text(fo.style().string("prf.head.end")).end();
    fo.xml().text(" ");
  }
}
