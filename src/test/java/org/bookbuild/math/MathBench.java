package org.bookbuild.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.Xml;
import org.bookbuild.model.Inline;

/**
 * Speed of inline math (issue 4: at least 3000 inline formulas per second, warm). Two numbers: the math stage alone
 * (pre-pass, jlatexmath parse, FO written) and the whole FOP render of a document holding the formulas in running
 * text (layout at the font size in effect, drawn as embedded text), each measured after a warm-up run in the same JVM.
 * Run through {@code bench/math.sh}; not a unit test, so the suite's time stays free of timing.
 */
public final class MathBench {
  static final String[] SHAPES = {
    "x_%d", "\\vec v_%d \\cdot \\vec w", "\\lVert \\vec x_%d \\rVert^2", "\\sum_{i=1}^{%d} a_i b_i",
    "\\frac{\\partial f}{\\partial x_%d}", "\\mathbb{R}^{%d}", "\\hat y_%d = \\vec w \\cdot \\vec x", "e^{-\\lambda %d}",
    "\\lvert y_%d - h \\rvert", "\\operatorname{rank}(X_{%d})", "\\theta_{%d} \\in [0, 1]", "\\sqrt{%d + x^2}",
  };

  static List<String> formulas(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(String.format(SHAPES[i % SHAPES.length], i));
    return out;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    List<String> fs = formulas(n);
    SourcePos pos = SourcePos.of("bench.md", 1, 1);
    // 1. the math stage alone
    double best = Double.MAX_VALUE;
    String fo = null;
    for (int run = 0; run < 4; run++) {
      MathContext ctx = new MathContext(Map.of("\\RR", "\\mathbb{R}"), new Diagnostics(), null);
      Xml x = new Xml();
      long t0 = System.nanoTime();
      x.start("fo:block");
      for (int i = 0; i < fs.size(); i++) {
        x.text(i % 3 == 0 ? " Let " : " and then ");
        MathFo.inline(x, new Inline.MathInline(pos, fs.get(i)), ctx);
        if (i % 20 == 19) x.end().start("fo:block");
      }
      x.end();
      double s = (System.nanoTime() - t0) / 1e9;
      if (run > 0) best = Math.min(best, s);
      fo = x.toString();
    }
    System.out.printf("math stage (pre-pass + jlatexmath parse + FO): %d inline formulas in %.3f s = %.0f formulas/s (best of 3 warm runs)%n",
        n, best, n / best);
    // 2. the whole FOP render
    String doc = FopHarness.page(fo);
    double bestFop = Double.MAX_VALUE;
    byte[] pdf = null;
    for (int run = 0; run < 3; run++) {
      FopHarness h = new FopHarness();
      long t0 = System.nanoTime();
      pdf = h.render(doc);
      double s = (System.nanoTime() - t0) / 1e9;
      if (run > 0) bestFop = Math.min(bestFop, s);
      if (!h.fontEvents.isEmpty()) throw new IllegalStateException("font events: " + h.fontEvents);
    }
    System.out.printf("FOP render of the same text with its formulas: %.3f s = %.0f formulas/s (best of 2 warm runs), PDF %d KB%n",
        bestFop, n / bestFop, pdf.length / 1024);
    // 3. the same document with every formula replaced by a word: what the formulas add to FOP's time
    String plain = doc.replaceAll("(?s)<fo:instream-foreign-object.*?</fo:instream-foreign-object>", "word");
    double bestPlain = Double.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      new FopHarness().render(plain);
      double s = (System.nanoTime() - t0) / 1e9;
      if (run > 0) bestPlain = Math.min(bestPlain, s);
    }
    double extra = bestFop - bestPlain;
    System.out.printf("same text without formulas: %.3f s; the formulas add %.3f s = %.2f ms per formula inside FOP%n",
        bestPlain, extra, 1000 * extra / n);
    System.out.printf("math stage + formulas inside FOP: %.0f inline formulas/s%n", n / (best + extra));
  }
}
