package org.bookbuild.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Tick positions at "nice" steps (1, 2, 2.5 or 5 times a power of ten) and their labels, formatted the same way on
 * every machine (no locale, no scientific notation surprises, a true minus sign).
 */
final class Ticks {
  private Ticks() {}

  /** A nice step giving about {@code target} intervals over [lo, hi]. */
  static double step(double lo, double hi, double target) {
    double raw = (hi - lo) / Math.max(1, target);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double best = mag;
    for (double n : new double[] {1, 2, 2.5, 5, 10}) {
      if (Math.abs(Math.log(n * mag / raw)) < Math.abs(Math.log(best / raw))) best = n * mag;
    }
    return best;
  }

  /** Multiples of {@code step} inside [lo, hi] (with a little tolerance for rounding). */
  static double[] values(double lo, double hi, double step) {
    long first = (long) Math.ceil(lo / step - 1e-9), last = (long) Math.floor(hi / step + 1e-9);
    if (last - first > 400) last = first + 400;
    double[] out = new double[(int) Math.max(0, last - first + 1)];
    for (int i = 0; i < out.length; i++) out[i] = clean((first + i) * step);
    return out;
  }

  /** Enough decimals to tell ticks {@code step} apart. */
  static int decimals(double step) {
    BigDecimal b = BigDecimal.valueOf(step).stripTrailingZeros();
    return Math.max(0, Math.min(8, b.scale()));
  }

  /** A number with at most {@code decimals} decimals, trailing zeros dropped, minus as U+2212. */
  static String format(double v, int decimals) {
    if (!Double.isFinite(v)) return "?";
    BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (b.signum() == 0) return "0";
    String s = b.abs().toPlainString();
    return b.signum() < 0 ? "\u2212" + s : s;
  }

  private static double clean(double v) {
    return Math.abs(v) < 1e-12 ? 0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v));
  }
}
