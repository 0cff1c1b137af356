package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-pass every formula goes through before jlatexmath: comments out, macro definitions into the build's
 * {@link Macros}, macros expanded, the outer display environment ({@code equation}, {@code align}, {@code gather},
 * {@code multline} and their starred forms) taken apart into rows with their {@code \label}, {@code \tag} and
 * {@code \nonumber}, then the {@link Rewrites} table. The result is TeX jlatexmath parses plus the facts equation
 * numbering needs.
 */
public final class TexPrepass {
  private TexPrepass() {}

  /** One line of a multi-line display environment. {@code tag} is the literal {@code \tag} text or null. */
  public record Row(String tex, List<String> labels, String tag, boolean tagStar, boolean numbered) {}

  /**
   * The rewritten formula. {@code env} is the outer environment's name without star ("" for none); {@code rows} has one
   * entry per line of {@code align}/{@code gather}/{@code eqnarray}/{@code flalign}/{@code alignat} (empty otherwise);
   * {@code labels}/{@code tag} are those of the formula as a whole; {@code autoNumber} says whether LaTeX would number it
   * without being asked (an unstarred numbered environment).
   */
  public record Result(
      String tex, String env, boolean starred, List<Row> rows, List<String> labels, String tag, boolean tagStar,
      boolean autoNumber) {
    /** Whether the rows are aligned at {@code &} (align family) rather than centred (gather). */
    public boolean aligned() {
      return !env.equals("gather");
    }
  }

  private static final Pattern OUTER = Pattern.compile(
      "^\\\\begin\\{(equation|align|gather|multline|flalign|eqnarray|alignat)(\\*?)\\}(\\s*\\{\\s*\\d+\\s*\\})?(.*)"
          + "\\\\end\\{\\1\\2\\}$",
      Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("\\\\label\\s*\\{([^{}]*)\\}");
  private static final Pattern NONUMBER = Pattern.compile("\\\\(nonumber|notag)(?![a-zA-Z])");

  public static Result run(String source, boolean display, Macros macros) throws Typesetter.MathException {
    String tex = stripComments(source);
    try {
      tex = Definitions.extract(tex, macros);
      tex = macros.expand(tex).strip();
    } catch (Macros.MacroException e) {
      throw new Typesetter.MathException(e.getMessage());
    }
    tex = inlineStyle(tex);
    Matcher m = OUTER.matcher(tex);
    if (!m.matches()) {
      Parts p = parts(tex);
      return new Result(topLevel(rewrite(p.tex)), "", false, List.of(), p.labels, p.tag, p.tagStar, false);
    }
    String env = m.group(1);
    boolean starred = !m.group(2).isEmpty();
    String body = m.group(4);
    if (env.equals("equation") || env.equals("multline")) {
      Parts p = parts(body);
      boolean nonum = NONUMBER.matcher(body).find();
      String inner = env.equals("multline") ? multline(p.tex) : p.tex;
      String t = env.equals("multline") ? rewrite(inner) : topLevel(rewrite(inner));
      return new Result(t, env, starred, List.of(), p.labels, p.tag, p.tagStar, !starred && !nonum);
    }
    List<String> lines = Tex.splitTop(body, "\\\\");
    if (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) lines = lines.subList(0, lines.size() - 1);
    List<Row> rows = new ArrayList<>();
    List<String> all = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      Parts p = parts(line);
      boolean nonum = NONUMBER.matcher(line).find();
      String t = rewrite(p.tex);
      rows.add(new Row(t, p.labels, p.tag, p.tagStar, p.tag != null || (!starred && !nonum)));
      all.addAll(p.labels);
      if (joined.length() > 0) joined.append("\\\\ ");
      joined.append(t);
    }
    String wrapped = switch (env) {
      case "gather" -> "\\begin{gathered}" + joined + "\\end{gathered}";
      case "eqnarray" -> "\\begin{array}{rcl}" + joined + "\\end{array}";
      default -> "\\begin{aligned}" + joined + "\\end{aligned}";
    };
    String normalized = env.equals("eqnarray") || env.equals("flalign") || env.equals("alignat") ? "align" : env;
    return new Result(wrapped, normalized, starred, rows, all, null, false, !starred);
  }

  private record Parts(String tex, List<String> labels, String tag, boolean tagStar) {}

  /** Takes {@code \label}, {@code \tag} and {@code \nonumber} out of a piece of a formula. */
  private static Parts parts(String tex) {
    List<String> labels = new ArrayList<>();
    Matcher lm = LABEL.matcher(tex);
    StringBuilder sb = new StringBuilder();
    while (lm.find()) {
      labels.add(lm.group(1).strip());
      lm.appendReplacement(sb, "");
    }
    lm.appendTail(sb);
    tex = sb.toString();
    String tag = null;
    boolean star = false;
    int k = Rewrites.find(tex, "\\tag");
    if (k >= 0) {
      int j = k + 4;
      if (j < tex.length() && tex.charAt(j) == '*') {
        star = true;
        j++;
      }
      Tex.Arg a = Tex.arg(tex, j);
      if (a != null) {
        tag = a.text().strip();
        tex = tex.substring(0, k) + tex.substring(a.end());
      }
    }
    tex = NONUMBER.matcher(tex).replaceAll("");
    return new Parts(tex, labels, tag, star);
  }

  private static String rewrite(String tex) {
    for (Rewrites.Rewrite r : Rewrites.ALL) tex = r.fn().apply(tex);
    return tex.strip();
  }

  /**
   * A formula written without an environment whose top level holds {@code &} or {@code \\} (mystmd, KaTeX and MathJax
   * take these): rows with {@code &} are set as {@code aligned}, as mystmd sets them; rows without it are centred
   * ({@code gathered}). A {@code \\} that ends the last row starts no empty row.
   */
  static String topLevel(String tex) {
    boolean rows = tex.contains("\\\\") && Tex.splitTop(tex, "\\\\").size() > 1;
    boolean cells = tex.indexOf('&') >= 0 && Tex.splitTop(tex, "&").size() > 1;
    if (!rows && !cells) return tex;
    if (rows) {
      List<String> lines = new ArrayList<>(Tex.splitTop(tex, "\\\\"));
      while (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
      tex = String.join("\\\\ ", lines).strip();
      if (lines.size() == 1 && !cells) return tex;
    }
    return cells ? "\\begin{aligned}" + tex + "\\end{aligned}" : "\\begin{gathered}" + tex + "\\end{gathered}";
  }

  /** multline: the first line flush left, the others indented, as a left-aligned stack. */
  private static String multline(String body) {
    List<String> lines = Tex.splitTop(body, "\\\\");
    StringBuilder sb = new StringBuilder("\\begin{aligned}");
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      if (i > 0) sb.append("\\\\ ");
      sb.append("& ").append(i == 0 ? "" : i == lines.size() - 1 ? "\\qquad\\qquad " : "\\qquad ").append(lines.get(i));
    }
    return sb.append("\\end{aligned}").toString();
  }

  /**
   * {@code \displaystyle} and {@code \limits} in inline math are honoured, as LaTeX and KaTeX do (a tall formula makes
   * its line taller; FOP's line stacking handles that). What jlatexmath cannot take is {@code \limits} or
   * {@code \nolimits} after something that is not an operator, which TeX ignores: those are dropped.
   */
  static String inlineStyle(String tex) {
    if (!tex.contains("limits")) return tex;
    return tex.replaceAll("(^|[\\s{}()\\[\\]^_&=+\\-])\\\\(no)?limits(?![a-zA-Z])", "$1");
  }

  /** Removes {@code %} comments (an escaped {@code \%} stays). */
  static String stripComments(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        sb.append(c).append(s.charAt(++i));
      } else if (c == '%') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
        if (i < s.length()) sb.append('\n');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
