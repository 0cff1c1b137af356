package org.bookbuild.math;

/**
 * Takes macro definitions out of a formula and into the build's {@link Macros}: {@code \newcommand},
 * {@code \renewcommand}, {@code \providecommand} (with {@code [n]} and an optional default), {@code \def\name#1{..}}
 * and {@code \DeclareMathOperator(*)}. jlatexmath would otherwise store them in its global table.
 */
final class Definitions {
  private Definitions() {}

  static String extract(String tex, Macros macros) {
    if (tex.indexOf('\\') < 0) return tex;
    StringBuilder out = new StringBuilder(tex.length());
    int i = 0;
    while (i < tex.length()) {
      char c = tex.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      int end = Tex.commandEnd(tex, i);
      String cmd = tex.substring(i, end);
      int next = switch (cmd) {
        case "\\newcommand", "\\renewcommand", "\\providecommand" -> command(tex, end, macros, cmd);
        case "\\DeclareMathOperator" -> operator(tex, end, macros);
        case "\\def" -> def(tex, end, macros);
        default -> -1;
      };
      if (next < 0) {
        out.append(cmd);
        i = end;
      } else {
        i = next;
      }
    }
    return out.toString();
  }

  private static int command(String s, int i, Macros macros, String cmd) {
    if (i < s.length() && s.charAt(i) == '*') i++;
    Tex.Arg name = Tex.arg(s, i);
    if (name == null) return -1;
    String n = name.text().strip();
    if (!n.startsWith("\\")) return -1;
    int j = name.end();
    int args = 0;
    Tex.Arg count = Tex.optArg(s, j);
    if (count != null) {
      try {
        args = Integer.parseInt(count.text().strip());
      } catch (NumberFormatException e) {
        return -1;
      }
      j = count.end();
    }
    Tex.Arg dflt = Tex.optArg(s, j);
    if (dflt != null) j = dflt.end();
    Tex.Arg body = Tex.arg(s, j);
    if (body == null) return -1;
    if (!(cmd.equals("\\providecommand") && macros.isDefined(n))) {
      macros.define(n, args, dflt == null ? null : dflt.text(), body.text());
    }
    return body.end();
  }

  private static int operator(String s, int i, Macros macros) {
    boolean star = i < s.length() && s.charAt(i) == '*';
    if (star) i++;
    Tex.Arg name = Tex.arg(s, i);
    if (name == null) return -1;
    Tex.Arg body = Tex.arg(s, name.end());
    if (body == null) return -1;
    macros.define(name.text().strip(), 0, null, "\\operatorname" + (star ? "*" : "") + "{" + body.text() + "}");
    return body.end();
  }

  private static int def(String s, int i, Macros macros) {
    i = Tex.skipSpace(s, i);
    if (i >= s.length() || s.charAt(i) != '\\') return -1;
    int nameEnd = Tex.commandEnd(s, i);
    String name = s.substring(i, nameEnd);
    int brace = s.indexOf('{', nameEnd);
    if (brace < 0) return -1;
    String params = s.substring(nameEnd, brace).strip();
    if (!params.matches("(#[1-9])*")) return -1;
    int end = Tex.groupEnd(s, brace);
    if (end < 0) return -1;
    macros.define(name, params.length() / 2, null, s.substring(brace + 1, end - 1));
    return end;
  }
}
