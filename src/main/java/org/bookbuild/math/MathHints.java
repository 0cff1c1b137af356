package org.bookbuild.math;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Hints;

/**
 * A targeted hint for a formula that cannot be typeset, from the common slips seen in real books: an unknown command
 * (with the closest known one), a {@code \left} without its {@code \right} (or the reverse), a {@code \\} that ends the
 * formula, {@code &} where nothing aligns. Returns "" when no rule applies; the diagnostic then has only its message.
 */
final class MathHints {
  private MathHints() {}

  private static final Pattern UNKNOWN = Pattern.compile("predefined TeXFormula: '([^']+)'");
  private static final Pattern LEFT = Pattern.compile("\\\\left(?![a-zA-Z])");
  private static final Pattern RIGHT = Pattern.compile("\\\\right(?![a-zA-Z])");

  /** Every command jlatexmath knows, the compatibility and book macros, and what the pre-pass rewrites. */
  private static Set<String> known(Macros macros) {
    Set<String> names = new LinkedHashSet<>();
    synchronized (Typesetter.class) {
      org.scilab.forge.jlatexmath.MacroInfo.Commands.keySet().forEach(n -> names.add("\\" + n));
      org.scilab.forge.jlatexmath.SymbolAtom.symbols.keySet().forEach(n -> names.add("\\" + n));
      org.scilab.forge.jlatexmath.TeXFormula.predefinedTeXFormulasAsString.keySet().forEach(n -> names.add("\\" + n));
    }
    if (macros != null) names.addAll(macros.names());
    return names;
  }

  /**
   * The hint for {@code source} (as the author wrote it), whose pre-passed form failed with {@code why}.
   */
  static String hint(String source, String why, Macros macros) {
    String src = TexPrepass.stripComments(source == null ? "" : source);
    String w = why == null ? "" : why;
    Matcher u = UNKNOWN.matcher(w);
    if (u.find()) {
      String name = "\\" + u.group(1);
      if (name.equals("\\right")) return unbalancedLeftRight(src);
      String close = Hints.closest(name, known(macros)).orElse(null);
      return close != null ? "`" + name + "` is not a known command; closest: `" + close + "`"
          : "`" + name + "` is not a known command: define it under `math:` in the project's configuration";
    }
    String lr = unbalancedLeftRight(src);
    if (!lr.isEmpty()) return lr;
    if (w.contains("must be closed by \\end")) {
      String env = unbalancedEnvironment(src);
      if (!env.isEmpty()) return env;
    }
    if (src.strip().endsWith("\\\\")) {
      return "the formula ends with `\\\\`, which starts an empty line: remove it";
    }
    if (w.contains("'&' is only available in array mode")) {
      return "`&` aligns only inside an environment: put the rows in `\\begin{aligned} … \\end{aligned}`";
    }
    return "";
  }

  private static String unbalancedLeftRight(String src) {
    int left = count(LEFT, src);
    int right = count(RIGHT, src);
    if (left > right) {
      return "a `\\left` has no `\\right` (" + left + " \\left, " + right + " \\right); close it with `\\right)` or an "
          + "invisible `\\right.`, on the same line of an aligned formula";
    }
    if (right > left) {
      return "a `\\right` has no `\\left` before it (" + left + " \\left, " + right + " \\right); open it with `\\left(`"
          + " or an invisible `\\left.`";
    }
    return "";
  }

  private static String unbalancedEnvironment(String src) {
    java.util.Deque<String> open = new java.util.ArrayDeque<>();
    Matcher m = Pattern.compile("\\\\(begin|end)\\{([^}]*)\\}").matcher(src);
    while (m.find()) {
      if (m.group(1).equals("begin")) {
        open.push(m.group(2));
      } else if (!open.isEmpty() && open.peek().equals(m.group(2))) {
        open.pop();
      } else {
        String expected = open.isEmpty() ? null : open.peek();
        return expected == null ? "`\\end{" + m.group(2) + "}` has no `\\begin{" + m.group(2) + "}`"
            : "`\\begin{" + expected + "}` is closed by `\\end{" + m.group(2) + "}`";
      }
    }
    return open.isEmpty() ? "" : "`\\begin{" + open.peek() + "}` has no `\\end{" + open.peek() + "}`";
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
