package org.bookbuild.a11y;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.render.RenderSettings;

/**
 * What tagging costs (issue 15): builds one project in one warm JVM alternately untagged ({@link RenderSettings#PLAIN})
 * and as the screen PDF (tagged PDF/UA-1, {@link RenderSettings#DEFAULT}), the layout cache off so that both lay every
 * chapter out, and prints the median whole-build time and PDF size of each. Run by {@code bench/tagging.sh}.
 */
public final class TaggingBench {
  private TaggingBench() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Files.createTempDirectory("tagging-bench");
    DiskWorld world = new DiskWorld(project, Map.of("SOURCE_DATE_EPOCH", "1767225600"));
    Map<String, RenderSettings> modes = new java.util.LinkedHashMap<>();
    modes.put("untagged", RenderSettings.PLAIN.withCache(false));
    modes.put("tagged PDF/UA-1", RenderSettings.DEFAULT.withCache(false));
    Map<String, List<Double>> times = new java.util.LinkedHashMap<>();
    Map<String, Long> sizes = new java.util.LinkedHashMap<>();
    build(world, out.resolve("warm.pdf"), modes.get("untagged"));   // classes, fonts, jlatexmath
    for (int i = 0; i < runs; i++) {
      for (var m : modes.entrySet()) {
        Path pdf = out.resolve(m.getKey().replaceAll("\\W", "") + ".pdf");
        long t0 = System.nanoTime();
        build(world, pdf, m.getValue());
        times.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
        sizes.put(m.getKey(), Files.size(pdf));
      }
    }
    double base = median(times.get("untagged"));
    for (var e : times.entrySet()) {
      double med = median(e.getValue());
      System.out.printf("%-16s median %6.2f s over %d builds  (%+.0f%%)  PDF %,d bytes  runs %s%n", e.getKey(), med,
          e.getValue().size(), 100 * (med / base - 1), sizes.get(e.getKey()), e.getValue());
    }
  }

  private static void build(DiskWorld world, Path pdf, RenderSettings s) throws Exception {
    Diagnostics d = new Diagnostics();
    Pipeline.Result r = Pipeline.build(world, new Pipeline.Request(pdf, false, s), d);
    if (r.pdf() == null) throw new IllegalStateException("build failed: " + d.all());
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
