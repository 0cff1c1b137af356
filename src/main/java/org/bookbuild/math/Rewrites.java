package org.bookbuild.math;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The table of text rewrites that turn TeX as people write it (amsmath, mathtools, KaTeX habits) into TeX jlatexmath
 * parses and sets correctly. Each entry is small and has its own test; they run in this order.
 */
final class Rewrites {
  private Rewrites() {}

  /** A named rewrite. */
  record Rewrite(String name, UnaryOperator<String> fn) {}

  /** Simple one-for-one command replacements. */
  private static final String[][] WORDS = {
    {"\\lvert", "\\vert "}, {"\\rvert", "\\vert "}, {"\\lVert", "\\Vert "}, {"\\rVert", "\\Vert "},
    {"\\bm", "\\boldsymbol"}, {"\\pmb", "\\boldsymbol"},
    {"\\coloneqq", "\\mathrel{:=}"}, {"\\coloneq", "\\mathrel{:=}"}, {"\\eqqcolon", "\\mathrel{=:}"},
    {"\\eqcolon", "\\mathrel{=:}"}, {"\\vcentcolon", "\\mathrel{:}"}, {"\\dblcolon", "\\mathrel{::}"},
    {"\\emph", "\\textit"}, {"\\hbox", "\\text"}, {"\\mbox", "\\text"},
    {"\\mathstrut", "\\vphantom{(}"}, {"\\displaylimits", "\\limits"},
    {"\\dfrac", "\\dfrac"}, {"\\lbrack", "["}, {"\\rbrack", "]"},
    {"\\mod", "\\;\\mathrm{mod}\\;"}, {"\\dots", "\\ldots"}, {"\\dotsc", "\\ldots"}, {"\\dotsb", "\\cdots"},
    {"\\dotsm", "\\cdots"}, {"\\dotsi", "\\cdots"}, {"\\dotso", "\\ldots"},
    {"\\varGamma", "\\mathit{\\Gamma}"}, {"\\varDelta", "\\mathit{\\Delta}"}, {"\\varTheta", "\\mathit{\\Theta}"},
    {"\\varLambda", "\\mathit{\\Lambda}"}, {"\\varXi", "\\mathit{\\Xi}"}, {"\\varPi", "\\mathit{\\Pi}"},
    {"\\varSigma", "\\mathit{\\Sigma}"}, {"\\varUpsilon", "\\mathit{\\Upsilon}"}, {"\\varPhi", "\\mathit{\\Phi}"},
    {"\\varPsi", "\\mathit{\\Psi}"}, {"\\varOmega", "\\mathit{\\Omega}"},
    {"\\cr", "\\\\"}, {"\\bgroup", "{"}, {"\\egroup", "}"},
    {"\\textup", "\\textrm"}, {"\\textnormal", "\\textrm"}, {"\\mathnormal", "\\mathit"},
  };

  static final List<Rewrite> ALL = List.of(
      new Rewrite("words", Rewrites::words),
      new Rewrite("color", Rewrites::color),
      new Rewrite("cancel", Rewrites::cancel),
      new Rewrite("text-math", TextMath::rewrite),
      new Rewrite("operatorname*", Rewrites::operatornameStar),
      new Rewrite("mathbb-digit", Rewrites::mathbbDigit),
      new Rewrite("cases-gap", Rewrites::casesGap),
      new Rewrite("mkern", Rewrites::mkern),
      new Rewrite("row-spacing", Rewrites::rowSpacing),
      new Rewrite("limits", Rewrites::limits),
      new Rewrite("verb", Rewrites::verb),
      new Rewrite("color-names", ColorNames::rewrite),
      new Rewrite("inner-environments", Rewrites::innerEnvironments),
      new Rewrite("script-rows", Rewrites::scriptRows));

  static String words(String s) {
    for (String[] w : WORDS) s = Tex.replaceWord(s, w[0], w[1]);
    return s;
  }

  /**
   * {@code \color{red} rest} colours the rest of the group; jlatexmath knows only {@code \textcolor{c}{x}}, so the rest
   * of the enclosing group becomes its argument. {@code \color{red}{x}} (KaTeX's habit) works the same way.
   */
  static String color(String s) {
    int k;
    while ((k = find(s, "\\color")) >= 0) {
      Tex.Arg c = Tex.arg(s, k + 6);
      if (c == null) return s.substring(0, k) + s.substring(k + 6);
      int end = groupClose(s, c.end());
      s = s.substring(0, k) + "\\textcolor{" + c.text() + "}{" + s.substring(c.end(), end) + "}" + s.substring(end);
    }
    return s;
  }

  /** Index of the '}' that closes the group containing {@code from} (or the end of the string). */
  static int groupClose(String s, int from) {
    int depth = 0;
    int env = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (s.startsWith("\\begin", i) && !Tex.letterAt(s, i + 6)) env++;
        else if (s.startsWith("\\end", i) && !Tex.letterAt(s, i + 4) && --env < 0) return i;
        else if (env == 0 && depth == 0 && (s.startsWith("\\\\", i) || s.startsWith("\\right", i))) return i;
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth-- == 0) return i;
      } else if (c == '&' && depth == 0 && env == 0) {
        return i;
      }
    }
    return s.length();
  }

  /** A control word {@code name} not followed by a letter, or -1. */
  static int find(String s, String name) {
    int i = 0;
    while ((i = s.indexOf(name, i)) >= 0) {
      if (!Tex.letterAt(s, i + name.length())) return i;
      i += name.length();
    }
    return -1;
  }

  /**
   * jlatexmath has no cancel package. {@code \cancel}, {@code \bcancel}, {@code \xcancel} and {@code \sout} become its
   * strike-through {@code \st} (a horizontal stroke rather than a diagonal one: the meaning, crossed out, survives);
   * {@code \cancelto{v}{x}} also gets the value as a superscript.
   */
  static String cancel(String s) {
    for (String cmd : new String[] {"\\cancelto", "\\cancel", "\\bcancel", "\\xcancel", "\\sout"}) {
      int k;
      while ((k = find(s, cmd)) >= 0) {
        int j = k + cmd.length();
        String to = null;
        if (cmd.equals("\\cancelto")) {
          Tex.Arg t = Tex.arg(s, j);
          if (t == null) return s.substring(0, k) + s.substring(j);
          to = t.text();
          j = t.end();
        }
        Tex.Arg a = Tex.arg(s, j);
        if (a == null) {
          s = s.substring(0, k) + s.substring(j);
          continue;
        }
        String repl = "{\\st{" + a.text() + "}}";
        if (to != null) repl = repl + "^{" + to + "}";
        s = s.substring(0, k) + repl + s.substring(a.end());
      }
    }
    return s;
  }

  /**
   * {@code \operatorname*{argmax}} is an operator whose limits go under it in display style and beside it in text, which
   * is what jlatexmath's {@code \mathop} does.
   */
  static String operatornameStar(String s) {
    int k;
    while ((k = s.indexOf("\\operatorname*")) >= 0) {
      Tex.Arg a = Tex.arg(s, k + 14);
      if (a == null) return s.substring(0, k) + s.substring(k + 14);
      s = s.substring(0, k) + "\\mathop{\\mathrm{" + a.text() + "}}" + s.substring(a.end());
    }
    return s;
  }

  /**
   * Blackboard-bold digits (the indicator {@code \mathbb{1}}) are in neither jlatexmath's msbm nor its double-struck
   * font, which print a plain digit; the traditional overstruck form {@code 1\!\!1} stands in for them.
   */
  static String mathbbDigit(String s) {
    if (!s.contains("\\mathbb")) return s;
    return s.replaceAll("\\\\mathbb\\s*\\{\\s*([0-9])\\s*\\}", "{\\\\mathrm{$1}\\\\hspace{-0.28em}\\\\mathrm{$1}}")
        .replaceAll("\\\\mathbb\\s+([0-9])", "{\\\\mathrm{$1}\\\\hspace{-0.28em}\\\\mathrm{$1}}");
  }

  /** jlatexmath sets a {@code cases} condition right against its value; amsmath puts a quad between them. */
  static String casesGap(String s) {
    for (String env : new String[] {"cases", "dcases", "rcases"}) {
      String open = "\\begin{" + env + "}";
      int from = 0;
      int k;
      while ((k = s.indexOf(open, from)) >= 0) {
        int bodyStart = k + open.length();
        int close = matchingEnd(s, bodyStart, env);
        if (close < 0) break;
        StringBuilder body = new StringBuilder();
        List<String> rows = Tex.splitTop(s.substring(bodyStart, close), "\\\\");
        for (int r = 0; r < rows.size(); r++) {
          List<String> cells = Tex.splitTop(rows.get(r), "&");
          if (r > 0) body.append("\\\\");
          body.append(cells.get(0));
          for (int c = 1; c < cells.size(); c++) body.append("&\\quad ").append(cells.get(c));
        }
        String name = env.equals("rcases") ? "rcases" : "cases";
        String rep = "\\begin{cases}" + body + "\\end{cases}";
        if (name.equals("rcases")) {
          rep = "\\left.\\begin{array}{ll}" + body + "\\end{array}\\right\\}";
        }
        s = s.substring(0, k) + rep + s.substring(close + ("\\end{" + env + "}").length());
        from = k + rep.length();
      }
    }
    return s;
  }

  /** Index of the {@code \end{env}} that closes an environment whose body starts at {@code from}, or -1. */
  static int matchingEnd(String s, int from, String env) {
    String open = "\\begin{" + env + "}";
    String close = "\\end{" + env + "}";
    int depth = 1;
    int i = from;
    while (i < s.length()) {
      int o = s.indexOf(open, i);
      int c = s.indexOf(close, i);
      if (c < 0) return -1;
      if (o >= 0 && o < c) {
        depth++;
        i = o + open.length();
      } else {
        if (--depth == 0) return c;
        i = c + close.length();
      }
    }
    return -1;
  }

  /** {@code \mkern3mu} and {@code \mspace{3mu}}: 18mu make an em. */
  static String mkern(String s) {
    // every pattern below needs one of these words (a regular expression is compiled on each replaceAll)
    if (!s.contains("kern") && !s.contains("skip") && !s.contains("space")) return s;
    s = s.replaceAll("\\\\mkern\\s*(-?[0-9.]+)\\s*mu", "\\\\hspace{$1mu}");
    s = s.replaceAll("\\\\(kern|hskip|mskip|hspace\\*?)\\s*(-?[0-9.]+\\s*(em|ex|pt|mu|cm|mm|in|bp|pc|px))", "\\\\hspace{$2}");
    s = s.replace("\\hspace*{", "\\hspace{");
    s = s.replaceAll("\\\\mspace\\s*\\{\\s*(-?[0-9.]+)\\s*mu\\s*\\}", "\\\\hspace{$1mu}");
    return s;
  }

  /**
   * {@code \sum\nolimits} and {@code \int\limits}: jlatexmath applies them to its one shared {@code \sum} symbol, so
   * every later sum in the JVM changed too. Wrapping the operator in {@code \mathop} gives the limits a fresh atom.
   */
  static String limits(String s) {
    if (!s.contains("limits")) return s;
    return s.replaceAll("(\\\\[a-zA-Z]+)\\s*\\\\(no)?limits(?![a-zA-Z])", "\\\\mathop{{$1}}\\\\$2limits ");
  }

  /** {@code \\[1ex]}: jlatexmath would print the length; the extra row space is dropped. */
  static String rowSpacing(String s) {
    if (!s.contains("\\\\")) return s;
    return s.replaceAll("\\\\\\\\\\s*\\[\\s*-?[0-9.]+\\s*[a-z]{2}\\s*\\]", "\\\\\\\\ ");
  }

  /** {@code \verb|x|} (any delimiter) becomes typewriter text with TeX's special characters escaped. */
  static String verb(String s) {
    int k;
    while ((k = find(s, "\\verb")) >= 0) {
      int j = k + 5;
      if (j < s.length() && s.charAt(j) == '*') j++;
      if (j >= s.length()) return s.substring(0, k);
      char delim = s.charAt(j);
      int close = s.indexOf(delim, j + 1);
      if (close < 0) return s.substring(0, k) + s.substring(j);
      String body = s.substring(j + 1, close).replaceAll("([#$%&_{}])", "\\\\$1").replace("~", "\\textasciitilde ")
          .replace("^", "\\textasciicircum ").replace(" ", "\\ ");
      s = s.substring(0, k) + "\\texttt{" + body + "}" + s.substring(close + 1);
    }
    return s;
  }

  /**
   * Environments jlatexmath does not know when they appear inside a formula: starred forms, {@code split},
   * {@code alignat} (column count dropped), {@code dcases}, {@code subarray}.
   */
  static String innerEnvironments(String s) {
    if (!s.contains("\\begin")) return s;
    s = s.replace("\\begin{split}", "\\begin{aligned}").replace("\\end{split}", "\\end{aligned}");
    s = s.replaceAll("\\\\begin\\{(alignedat|alignat\\*?)\\}\\s*\\{\\s*\\d+\\s*\\}", "\\\\begin{aligned}")
        .replaceAll("\\\\end\\{(alignedat|alignat\\*?)\\}", "\\\\end{aligned}");
    s = s.replace("\\begin{subarray}{c}", "\\substack{").replace("\\begin{subarray}{l}", "\\substack{")
        .replace("\\end{subarray}", "}");
    s = s.replaceAll("\\\\begin\\{([pbvBV]?matrix)\\*\\}(\\s*\\[[^\\]]*\\])?", "\\\\begin{$1}")
        .replaceAll("\\\\end\\{([pbvBV]?matrix)\\*\\}", "\\\\end{$1}");
    s = s.replace("\\begin{darray}", "\\begin{array}").replace("\\end{darray}", "\\end{array}");
    s = s.replaceAll("\\\\(begin|end)\\{(align|gather|equation|multline|flalign)\\*\\}", "\\\\$1{$2}");
    s = s.replace("\\begin{equation}", "").replace("\\end{equation}", "");
    return s;
  }

  /**
   * A sub- or superscript whose group holds rows ({@code \\underbrace{x}_{\\substack{a} \\\\ \\substack{b}}}, which
   * MathJax and KaTeX stack) becomes a {@code \\substack}: jlatexmath takes {@code \\\\} only inside an environment.
   */
  static String scriptRows(String s) {
    if (!s.contains("\\\\")) return s;
    StringBuilder out = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        int e = Math.min(s.length(), Tex.commandEnd(s, i));
        out.append(s, i, e);
        i = e;
        continue;
      }
      if ((c == '_' || c == '^') && i + 1 < s.length()) {
        int open = Tex.skipSpace(s, i + 1);
        if (open < s.length() && s.charAt(open) == '{') {
          int end = Tex.groupEnd(s, open);
          if (end > 0) {
            String inner = s.substring(open + 1, end - 1);
            String done = scriptRows(inner);
            boolean rows = Tex.splitTop(done, "\\\\").size() > 1;
            out.append(c).append('{').append(rows ? "\\substack{" + done + "}" : done).append('}');
            i = end;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
