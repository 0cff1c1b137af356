package org.bookbuild.math;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A macro table for one build: the book's {@code math:} macros plus whatever {@code \newcommand},
 * {@code \renewcommand} and {@code \DeclareMathOperator} the formulas define as they are met (they stay defined for the
 * rest of the build, as in MathJax and LaTeX). Expansion happens here, in text, before jlatexmath sees a formula, so
 * jlatexmath's own global macro table is never touched and two books in one JVM cannot see each other's macros.
 */
public final class Macros {
  /** One definition: its number of arguments, the default of an optional first argument (or null), its body. */
  record Def(int args, String optDefault, String body) {}

  private static final int MAX_EXPANSIONS = 5000;
  private final Map<String, Def> defs = new LinkedHashMap<>();

  /** Definitions every build starts with: {@code compat-macros.tex} beside this class. */
  private static final Map<String, Def> COMPAT = loadCompat();

  private static Map<String, Def> loadCompat() {
    try (java.io.InputStream in = Macros.class.getResourceAsStream("compat-macros.tex")) {
      if (in == null) throw new IllegalStateException("compat-macros.tex missing from the class path");
      Macros m = new Macros();
      String rest = Definitions.extract(TexPrepass.stripComments(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)), m);
      if (!rest.isBlank()) throw new IllegalStateException("compat-macros.tex holds more than definitions: " + rest.strip());
      return Map.copyOf(m.defs);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Raised for runaway or malformed macro use; reported as a math error. */
  static final class MacroException extends RuntimeException {
    MacroException(String m) {
      super(m);
    }
  }

  /**
   * The book's macros as written in {@code book.yml}/{@code myst.yml} ({@code '\RR': '\mathbb{R}'}); the number of
   * arguments is the highest {@code #n} in the body.
   */
  public static Macros of(Map<String, String> book) {
    Macros m = new Macros();
    m.defs.putAll(COMPAT);
    if (book != null) {
      for (Map.Entry<String, String> e : book.entrySet()) {
        String name = e.getKey().startsWith("\\") ? e.getKey() : "\\" + e.getKey();
        m.define(name, highestParam(e.getValue()), null, e.getValue());
      }
    }
    return m;
  }

  public synchronized void define(String name, int args, String optDefault, String body) {
    defs.put(name, new Def(args, optDefault, body));
  }

  public synchronized boolean isDefined(String name) {
    return defs.containsKey(name);
  }

  /** The names defined (with their backslash), for "did you mean" hints. */
  public synchronized java.util.Set<String> names() {
    return java.util.Set.copyOf(defs.keySet());
  }

  /**
   * Every definition as it stands, as a value that is equal to another snapshot exactly when the definitions are: what
   * a memo of written FO compares to know that the formulas it kept were expanded with the same macros.
   */
  public synchronized Object snapshot() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defs));
  }

  /** Puts back the definitions of a {@link #snapshot} (the definitions made by FO a memo replays). */
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    defs.clear();
    defs.putAll((Map<String, Def>) snapshot);
  }

  public synchronized int size() {
    return defs.size();
  }

  static int highestParam(String body) {
    int n = 0;
    for (int i = 0; i + 1 < body.length(); i++) {
      if (body.charAt(i) == '#' && Character.isDigit(body.charAt(i + 1))) n = Math.max(n, body.charAt(i + 1) - '0');
    }
    return n;
  }

  /** Expands every defined macro in {@code tex}, repeatedly, with a bound against recursive definitions. */
  public synchronized String expand(String tex) {
    if (defs.isEmpty() || tex.indexOf('\\') < 0) return tex;
    StringBuilder s = new StringBuilder(tex);
    int i = 0;
    int count = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '\\') {
        i++;
        continue;
      }
      String str = s.toString();
      int end = Tex.commandEnd(str, i);
      Def d = defs.get(str.substring(i, end));
      if (d == null) {
        i = end;
        continue;
      }
      if (++count > MAX_EXPANSIONS) throw new MacroException("macro expansion does not end (recursive definition?)");
      String[] args = new String[d.args()];
      int j = end;
      int first = 0;
      if (d.optDefault() != null && d.args() > 0) {
        Tex.Arg o = Tex.optArg(str, j);
        args[0] = o == null ? d.optDefault() : o.text();
        if (o != null) j = o.end();
        first = 1;
      }
      for (int k = first; k < d.args(); k++) {
        Tex.Arg a = Tex.arg(str, j);
        if (a == null) throw new MacroException("macro " + str.substring(i, end) + " needs " + d.args() + " arguments");
        args[k] = a.text();
        j = a.end();
      }
      String body = substitute(d.body(), args);
      if (j < str.length() && Character.isLetter(str.charAt(j)) && endsWithControlWord(body)) body = body + " ";
      s.replace(i, j, body);
      // Re-scan from i: the body may use other macros.
    }
    return s.toString();
  }

  private static boolean endsWithControlWord(String b) {
    int k = b.length() - 1;
    while (k >= 0 && Character.isLetter(b.charAt(k))) k--;
    return k >= 0 && k < b.length() - 1 && b.charAt(k) == '\\';
  }

  private static String substitute(String body, String[] args) {
    if (args.length == 0) return body;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '#' && i + 1 < body.length() && Character.isDigit(body.charAt(i + 1))) {
        int n = body.charAt(i + 1) - '1';
        if (n >= 0 && n < args.length) sb.append(args[n]);
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
