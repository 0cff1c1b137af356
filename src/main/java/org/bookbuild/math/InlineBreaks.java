package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where an inline formula may break across lines, as TeX breaks one: after a relation ({@code =}, {@code <},
 * {@code \le}, {@code \in}, {@code \to} …) or a binary operator ({@code +}, {@code -}, {@code \times}, {@code \cup}
 * …) that stands at the top level of the formula, outside braces, {@code \left…\right} and environments, between two
 * operands. The formula is cut into pieces, each ending with its operator, that are typeset one by one and set side by
 * side on the baseline with a breakable space between them.
 *
 * <p>So that the pieces together are as wide as the whole, each piece carries the space TeX puts before its operator
 * and none after it: a relation at the end of a formula gets only its left space anyway, a binary operator there would
 * lose both (TeX makes it an ordinary symbol), so it is written {@code \mathbin{+}\hspace{0mu}}: an operator
 * followed by glue keeps its left space and gets no right one (jlatexmath; the width test holds it). The space after the operator is the breakable space between pieces (TeX's
 * {@code \thickmuskip} after a relation, {@code \medmuskip} after an operator), which disappears at a line end as
 * TeX's does.
 */
final class InlineBreaks {
  private InlineBreaks() {}

  /** What ends a piece: a relation, a binary operator, or nothing (the last piece). */
  enum After { REL, BIN, END }

  /** One piece of a formula: the TeX to typeset, the formula's own text of it (for alt text), what follows it. */
  record Piece(String tex, String source, After after) {}

  static final Set<String> RELATIONS = Set.of("=", "<", ">", "\\le", "\\leq", "\\ge", "\\geq", "\\ne", "\\neq",
      "\\approx", "\\sim", "\\simeq", "\\equiv", "\\cong", "\\propto", "\\in", "\\notin", "\\ni", "\\subset",
      "\\subseteq", "\\supset", "\\supseteq", "\\subsetneq", "\\supsetneq", "\\to", "\\rightarrow", "\\leftarrow",
      "\\Rightarrow", "\\Leftarrow", "\\Leftrightarrow", "\\leftrightarrow", "\\iff", "\\implies", "\\impliedby",
      "\\mapsto", "\\longrightarrow", "\\Longrightarrow", "\\longmapsto", "\\ll", "\\gg", "\\leqslant", "\\geqslant",
      "\\prec", "\\succ", "\\preceq", "\\succeq", "\\perp", "\\doteq", "\\models", "\\vdash", "\\coloneqq",
      "\\gets", "\\asymp", "\\lesssim", "\\gtrsim", "\\triangleq", "\\stackrel");
  static final Set<String> BINARIES = Set.of("+", "-", "\\pm", "\\mp", "\\times", "\\cdot", "\\div", "\\cup", "\\cap",
      "\\setminus", "\\circ", "\\wedge", "\\vee", "\\land", "\\lor", "\\oplus", "\\otimes", "\\ominus", "\\odot",
      "\\ast", "\\star", "\\bullet", "\\sqcup", "\\sqcap", "\\uplus", "\\amalg");
  /** Top-level commands that change everything after them or make the whole formula one unit: never cut. */
  private static final Set<String> WHOLE = Set.of("\\over", "\\atop", "\\choose", "\\brace", "\\brack", "\\above",
      "\\displaystyle", "\\textstyle", "\\scriptstyle", "\\scriptscriptstyle", "\\rm", "\\bf", "\\it", "\\sf", "\\tt",
      "\\cal", "\\color", "\\boldmath", "\\\\", "\\cr", "\\tag", "\\label", "\\hline", "\\nonumber", "\\notag",
      "\\mathchoice", "\\bgroup", "\\egroup", "\\begingroup", "\\endgroup", "\\newline");
  private static final Set<String> OPENS = Set.of("(", "[", "\\{", "\\lbrace", "\\langle", "\\lfloor", "\\lceil",
      "\\lvert", "\\lVert", "\\bigl", "\\Bigl", "\\biggl", "\\Biggl");
  private static final Set<String> SPACES = Set.of("\\,", "\\;", "\\:", "\\>", "\\!", "\\ ", "~", "\\quad",
      "\\qquad", "\\enspace", "\\thinspace", "\\medspace", "\\thickspace");
  private static final Set<String> PUNCT = Set.of(",", ";", ":", "\\colon", "!", "?");

  /** A token: its text and where it starts and ends in the formula. */
  private record Tok(String text, int start, int end) {}

  /** The pieces of {@code tex}; a single piece when it has no place to break. */
  static List<Piece> split(String tex) {
    List<Tok> toks = tokens(tex);
    List<Integer> cuts = new ArrayList<>();   // token index after which a piece ends
    List<After> kinds = new ArrayList<>();
    int depth = 0;
    boolean operand = false;   // the last top-level atom is an operand (a binary operator may follow)
    for (int i = 0; i < toks.size(); i++) {
      String t = toks.get(i).text();
      if (depth == 0 && (WHOLE.contains(t) || t.equals("&"))) return List.of(new Piece(tex, tex, After.END));
      if (t.equals("{")) {
        depth++;
        continue;
      }
      if (t.equals("}")) {
        depth--;
        if (depth < 0) return List.of(new Piece(tex, tex, After.END));
        if (depth == 0) operand = true;
        continue;
      }
      if (t.equals("\\left") || t.equals("\\begin")) {
        depth++;
        if (t.equals("\\left")) i++;   // its delimiter
        continue;
      }
      if (t.equals("\\right") || t.equals("\\end")) {
        depth--;
        if (t.equals("\\right")) i++;
        if (depth < 0) return List.of(new Piece(tex, tex, After.END));
        if (depth == 0) operand = true;
        continue;
      }
      if (t.equals("\\sqrt") && i + 1 < toks.size() && toks.get(i + 1).text().equals("[")) {
        int j = i + 1;
        while (j < toks.size() && !toks.get(j).text().equals("]")) j++;
        i = j;
        continue;
      }
      if (depth > 0) continue;
      if (SPACES.contains(t)) continue;
      if (t.equals("^") || t.equals("_")) {
        // the script's argument: a group (counted above) or one token, skipped; an operand either way
        operand = true;
        if (i + 1 < toks.size() && !toks.get(i + 1).text().equals("{")) i++;
        continue;
      }
      boolean colonEquals = t.equals(":") && i + 1 < toks.size() && toks.get(i + 1).text().equals("=");
      After kind = RELATIONS.contains(t) || t.equals("\\not") || colonEquals ? After.REL
          : BINARIES.contains(t) ? After.BIN : null;
      if (kind == null) {
        operand = !OPENS.contains(t) && !PUNCT.contains(t);
        continue;
      }
      if (!operand) {
        // a sign after an operator, an opening or the start: unary, not a place to break
        continue;
      }
      // a run of relations (:=, \not=, <=) ends where the operands begin again
      int j = i;
      if (kind == After.REL) {
        while (j + 1 < toks.size() && (RELATIONS.contains(toks.get(j + 1).text()) || toks.get(j).text().equals("\\not")))
          j++;
      }
      int next = nextSignificant(toks, j + 1);
      boolean scripted = next < toks.size() && (toks.get(next).text().equals("^") || toks.get(next).text().equals("_")
          || toks.get(next).text().equals("\\limits") || toks.get(next).text().equals("\\nolimits"));
      if (toks.get(i).text().equals("\\stackrel")) scripted = true;
      if (next < toks.size() && !scripted && !toks.get(next).text().equals("}")) {
        cuts.add(j);
        kinds.add(kind);
      }
      operand = false;
      i = j;
    }
    if (cuts.isEmpty() || depth != 0) return List.of(new Piece(tex, tex, After.END));
    List<Piece> out = new ArrayList<>();
    int from = 0;
    for (int c = 0; c < cuts.size(); c++) {
      Tok op = toks.get(cuts.get(c));
      int end = op.end();
      String piece;
      if (kinds.get(c) == After.BIN) {
        piece = tex.substring(from, op.start()) + "\\mathbin{" + op.text() + "}\\hspace{0mu}";
      } else {
        piece = tex.substring(from, end);
      }
      out.add(new Piece(piece.strip(), tex.substring(from, end).strip(), kinds.get(c)));
      from = end;
    }
    out.add(new Piece(tex.substring(from).strip(), tex.substring(from).strip(), After.END));
    if (out.stream().anyMatch(p -> p.tex().isEmpty())) return List.of(new Piece(tex, tex, After.END));
    return out;
  }

  private static int nextSignificant(List<Tok> toks, int from) {
    int k = from;
    while (k < toks.size() && SPACES.contains(toks.get(k).text())) k++;
    return k;
  }

  /** TeX tokens: control words, control symbols, braces and single characters; spaces and comments dropped. */
  private static List<Tok> tokens(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '%') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (c == '\\' && i + 1 < s.length()) {
        int j = i + 1;
        if (Character.isLetter(s.charAt(j))) {
          while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
          if (j < s.length() && s.charAt(j) == '*') j++;
        } else {
          j++;
        }
        out.add(new Tok(s.substring(i, j), i, j));
        i = j;
      } else {
        out.add(new Tok(String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return out;
  }
}
