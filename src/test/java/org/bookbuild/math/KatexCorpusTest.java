package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 4, acceptance 2: every formula of KaTeX's screenshot suite, after the pre-pass, typeset by jlatexmath. Prints
 * the count and every failure with its reason.
 */
class KatexCorpusTest {
  static final Path DATA = Path.of("../shared/corpus/katex/test/screenshotter/ss_data.yaml");

  @Test
  void atLeast95PercentOfKatexScreenshotFormulasTypeset() throws Exception {
    Path data = Files.exists(DATA) ? DATA : Path.of("/work/shared/corpus/katex/test/screenshotter/ss_data.yaml");
    Assumptions.assumeTrue(Files.exists(data), "KaTeX corpus not present");
    Map<String, Object> all = new Yaml().load(Files.readString(data));
    int ok = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Object> e : new LinkedHashMap<>(all).entrySet()) {
      String tex;
      boolean display = false;
      Map<String, String> macros = new LinkedHashMap<>();
      if (e.getValue() instanceof Map<?, ?> m) {
        tex = String.valueOf(m.get("tex"));
        Object d = m.get("display");
        display = d != null && !"0".equals(String.valueOf(d));
        if (m.get("macros") instanceof Map<?, ?> mm) mm.forEach((k, v) -> macros.put(String.valueOf(k), String.valueOf(v)));
      } else {
        tex = String.valueOf(e.getValue());
      }
      String why;
      try {
        TexPrepass.Result r = TexPrepass.run(tex, display, Macros.of(macros));
        why = Typesetter.check(r.tex(), display);
      } catch (Typesetter.MathException ex) {
        why = ex.getMessage();
      }
      if (why == null) ok++;
      else failures.add(e.getKey() + ": " + why);
    }
    int total = all.size();
    System.out.printf("KaTeX screenshot corpus: %d of %d typeset (%.1f%%)%n", ok, total, 100.0 * ok / total);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(ok >= Math.ceil(total * 0.95), ok + " of " + total + " typeset");
  }
}
