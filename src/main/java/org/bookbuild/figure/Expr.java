package org.bookbuild.figure;

import java.util.List;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.function.Function;

/**
 * An author's formula such as {@code sin(x)/x} or {@code x^2 + 3*y^2}, parsed by exp4j once and evaluated many times.
 * Variables are {@code x}, {@code y}, {@code t}; {@code pi} and {@code e} are constants. A point where the formula
 * divides by zero or leaves the reals evaluates to NaN, so curves get a gap there instead of failing the figure.
 */
final class Expr {
  private static final String[] VARS = {"x", "y", "t"};
  private static final List<Function> EXTRA =
      List.of(
          fn("ln", 1, a -> Math.log(a[0])),
          fn("sign", 1, a -> Math.signum(a[0])),
          fn("sigmoid", 1, a -> 1 / (1 + Math.exp(-a[0]))),
          fn("relu", 1, a -> Math.max(0, a[0])),
          fn("max", 2, a -> Math.max(a[0], a[1])),
          fn("min", 2, a -> Math.min(a[0], a[1])),
          fn("atan2", 2, a -> Math.atan2(a[0], a[1])),
          fn("hypot", 2, a -> Math.hypot(a[0], a[1])));

  private final Expression e;
  private final String source;
  /** Set instead of {@code e} for fields given as data (a plotly heat map's grid), not as a formula. */
  private final java.util.function.DoubleBinaryOperator data;

  private Expr(Expression e, String source) {
    this.e = e;
    this.source = source;
    this.data = null;
  }

  private Expr(java.util.function.DoubleBinaryOperator data, String source) {
    this.e = null;
    this.source = source;
    this.data = data;
  }

  /** A field f(x, y) computed from data rather than parsed from a formula; {@code name} stands in for its source. */
  static Expr of(String name, java.util.function.DoubleBinaryOperator f) {
    return new Expr(f, name);
  }

  /** Parses {@code text}; a syntax error or an unknown name is reported at {@code where} with rule {@code figure-expr}. */
  static Expr compile(SpecNode where, String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) throw new SpecException("figure-expr", where.pos(), "empty formula");
    if (t.contains("**")) {
      throw new SpecException("figure-expr", where.pos(), "write powers with ^, not ** (in '" + t + "')");
    }
    try {
      Expression ex = new ExpressionBuilder(t).variables(VARS).functions(EXTRA).build();
      for (String v : VARS) ex.setVariable(v, 0);
      var check = ex.validate(false);
      if (!check.isValid()) {
        throw new SpecException("figure-expr", where.pos(), "cannot read formula '" + t + "': " + check.getErrors());
      }
      return new Expr(ex, t);
    } catch (SpecException se) {
      throw se;
    } catch (RuntimeException ex) {
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      throw new SpecException("figure-expr", where.pos(), "cannot read formula '" + t + "': " + msg);
    }
  }

  String source() {
    return source;
  }

  /** The value at a point, or NaN where the formula is undefined (division by zero, log of a negative number …). */
  double at(double x, double y, double t) {
    if (data != null) {
      double v = data.applyAsDouble(x, y);
      return Double.isFinite(v) ? v : Double.NaN;
    }
    e.setVariable("x", x).setVariable("y", y).setVariable("t", t);
    try {
      double v = e.evaluate();
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (ArithmeticException ex) {
      return Double.NaN;
    }
  }

  double at(double x) {
    return at(x, 0, 0);
  }

  double at(double x, double y) {
    return at(x, y, 0);
  }

  /**
   * The value of a formula that must not depend on a variable (a range end, a position); division by zero and other
   * non-finite results are errors here because there is no sensible gap to leave.
   */
  double constant(SpecNode where) {
    if (data != null) throw new SpecException("figure-expr", where.pos(), "'" + source + "' must be a number here");
    for (String v : VARS) {
      if (e.getVariableNames().contains(v) && mentions(v)) {
        throw new SpecException("figure-expr", where.pos(), "'" + source + "' must be a number here, but it uses " + v);
      }
    }
    double v;
    try {
      v = e.evaluate();
    } catch (ArithmeticException ex) {
      throw new SpecException("figure-expr", where.pos(), "division by zero in '" + source + "'");
    }
    if (Double.isInfinite(v)) throw new SpecException("figure-expr", where.pos(), "division by zero in '" + source + "'");
    if (Double.isNaN(v)) throw new SpecException("figure-expr", where.pos(), "'" + source + "' is not a real number");
    return v;
  }

  /** Whether the source names a variable as a word of its own (exp4j reports every declared variable). */
  boolean mentions(String v) {
    if (data != null) return !v.equals("t");
    return java.util.regex.Pattern.compile("(?<![A-Za-z_])" + v + "(?![A-Za-z_0-9(])").matcher(source).find();
  }

  private static Function fn(String name, int arity, java.util.function.ToDoubleFunction<double[]> body) {
    return new Function(name, arity) {
      @Override
      public double apply(double... args) {
        return body.applyAsDouble(args);
      }
    };
  }
}
