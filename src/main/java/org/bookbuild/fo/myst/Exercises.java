package org.bookbuild.fo.myst;

import org.bookbuild.fo.Fo;
import org.bookbuild.fo.Renderers;
import org.bookbuild.model.Block;

/**
 * Exercises and solutions. An exercise has a run-in head "Exercise 3.2 (Title)." and, when its solution is printed
 * elsewhere, a closing link to it; a solution is headed "Solution to Exercise 3.2" linking back to the exercise. The
 * links come from the solution placement transform ({@code solution} and {@code exercise} attributes).
 */
final class Exercises {
  private Exercises() {}

  static void register() {
    Renderers.div("exercise", Exercises::exercise);
    Renderers.div("solution", Exercises::solution);
  }

  static void exercise(Block.Div d, Fo fo) {
    Boxes.open(fo, "exercise");
    fo.id(d.attr().id());
    Boxes.runIn(fo, () -> {
      String number = d.attr().get("number");
      fo.inline("exercise.head");
      fo.xml().text(number == null ? fo.style().string("exercise") : fo.style().string("exercise.numbered", "number",
          number));
      if (!d.title().isEmpty()) {
        fo.xml().text(" ");
        fo.inline("exercise.title").text(fo.style().string("prf.title.open"));
        fo.inlines(d.title());
        fo.xml().text(fo.style().string("prf.title.close")).end();
      }
      fo.xml().text(fo.style().string("prf.head.end")).end();
    fo.xml().text(" ");
    }, d.content(), null, null);
    String sol = d.attr().get("solution");
    if (sol != null) {
      fo.block("exercise.to-solution");
      fo.xml().start("fo:basic-link").attr("internal-destination", sol)
          .attr("fox:alt-text", fo.style().string("exercise.to-solution").strip());
      fo.xml().text(fo.style().string("exercise.to-solution"));
      fo.xml().start("fo:page-number-citation").attr("ref-id", sol).end();
      fo.xml().end();
      fo.xml().end();
    }
    Boxes.close(fo);
  }

  static void solution(Block.Div d, Fo fo) {
    Boxes.open(fo, "solution");
    String ex = d.attr().get("exercise");
    String number = d.attr().get("exercise-number");
    Boxes.runIn(fo, () -> {
      fo.inline("solution.head");
      // the id sits on the head, not the wrapper: page citations of multi-page wrappers come out empty in FOP
      fo.id(d.attr().id());
      String head = number == null || number.isEmpty() ? fo.style().string("solution")
          : fo.style().string("solution.to", "number", number);
      if (ex != null) {
        fo.xml().start("fo:basic-link").attr("internal-destination", ex).attr("fox:alt-text", head).text(head).end();
      } else {
        fo.xml().text(head);
      }
      fo.xml().text(fo.style().string("prf.head.end")).end();
    fo.xml().text(" ");
    }, d.content(), null, null);
    Boxes.close(fo);
  }
}
