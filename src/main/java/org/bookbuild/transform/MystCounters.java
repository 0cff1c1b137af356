package org.bookbuild.transform;

import java.util.List;

/**
 * Which MyST block kinds are numbered and which share a counter. Theorem-like statements share one sequence
 * (Theorem 2.1, Lemma 2.2, Corollary 2.3 …) so that a reader finds any of them by number, as in most mathematics
 * books; definitions and notation share another; examples, remarks, algorithms and exercises each count alone; proofs
 * and solutions are not numbered (a solution carries its exercise's number).
 */
final class MystCounters {
  private MystCounters() {}

  static void register() {
    for (String k : List.of("theorem", "lemma", "corollary", "proposition", "conjecture", "criterion",
        "observation", "property", "assumption", "axiom")) {
      Numbering.DIV_COUNTERS.put("prf:" + k, "theorem");
    }
    Numbering.DIV_COUNTERS.put("prf:definition", "definition");
    Numbering.DIV_COUNTERS.put("prf:notation", "definition");
    Numbering.DIV_COUNTERS.put("prf:example", "example");
    Numbering.DIV_COUNTERS.put("prf:remark", "remark");
    Numbering.DIV_COUNTERS.put("prf:algorithm", "algorithm");
    Numbering.DIV_COUNTERS.put("exercise", "exercise");
  }
}
