package org.bookbuild.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.MemoryWorld;
import org.bookbuild.io.SafeXml;
import org.bookbuild.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Feeds random and mutated Markdown, book.yml, BibTeX, notebook JSON and reStructuredText through the pipeline up to the FO and checks
 * that no exception escapes, no stage fails internally, the FO is well-formed XML and each input finishes in bounded
 * time; every fifteenth input goes on through FOP and its PDF is read back (no exception may escape, every input gets
 * a PDF, every PDF reads). The normal suite runs a short, seeded run of 120 inputs; the long run is
 * {@code mvn -q -o test -Dtest=FuzzTest -Dfuzz.iterations=100000} (see docs/limits.md; {@code -Dfuzz.seed},
 * {@code -Dfuzz.seconds} for a time budget, {@code -Dfuzz.limit.ms} for the per-input limit).
 * Failing inputs are written to {@code target/fuzz-failures/}.
 */
class FuzzTest {
  static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 120);
  /** Wall-clock budget of the run in seconds (0: no budget, run all iterations). */
  static final int SECONDS = Integer.getInteger("fuzz.seconds", 0);
  static final long SEED = Long.getLong("fuzz.seed", 245L);
  /** Time one input may take up to the FO before it counts as a hang. */
  static final long INPUT_LIMIT_MS = Long.getLong("fuzz.limit.ms", 20_000L);
  /** Every how many inputs one goes on through FOP and is read back ({@code -Dfuzz.render.every}). */
  static final int RENDER_EVERY = Integer.getInteger("fuzz.render.every", 15);

  @TempDir Path out;

  @Test
  void pipelineSurvivesMutatedInputs() throws Exception {
    List<String> seeds = Seeds.markdown();
    check(fuzz(ITERATIONS, SEED, (i, m) -> input(i, m, seeds)));
  }

  /** The same for reStructuredText pages: mutated rST parser cases as an .rst chapter ({@code -Dfuzz.rst.iterations}). */
  @Test
  void rstPagesSurviveMutatedInputs() throws Exception {
    List<String> seeds = Seeds.rst();
    check(fuzz(RST_ITERATIONS, SEED + 1, (i, m) -> {
      String a = seeds.get(m.nextInt(seeds.size()));
      String b = seeds.get(m.nextInt(seeds.size()));
      return new Input("rst", Map.of("book.yml", Seeds.bookYml("ch.rst", false), "ch.rst",
          m.mutate(m.nextInt(4) == 0 ? a + "\n" + b : a, b)));
    }));
  }

  static final int RST_ITERATIONS = Integer.getInteger("fuzz.rst.iterations", 60);

  private Stats fuzz(int iterations, long seed, java.util.function.BiFunction<Integer, Mutator, Input> inputs)
      throws Exception {
    Mutator m = new Mutator(seed);
    Stats st = new Stats();
    st.planned = iterations;
    long deadline = SECONDS <= 0 ? Long.MAX_VALUE : System.nanoTime() + SECONDS * 1_000_000_000L;
    ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 0; i < iterations && System.nanoTime() < deadline; i++) {
        Input in = inputs.apply(i, m);
        st.tried++;
        runOne(in, i, exec, st);
        if (st.timeouts > 0) break; // the stuck thread cannot be reclaimed; report what we have
        if (i > 0 && i % 5000 == 0) System.out.println("fuzz: " + st);
      }
    } finally {
      exec.shutdownNow();
    }
    System.out.println("fuzz: " + st + " (seed " + seed + ")");
    return st;
  }

  private static void check(Stats st) {
    if (SECONDS <= 0 && st.timeouts == 0) assertEquals(st.planned, st.tried, "every input ran: " + st);
    assertEquals(0, st.escaped, "exceptions escaped the pipeline: " + st);
    assertEquals(0, st.internal, "internal errors inside stages: " + st);
    assertEquals(0, st.malformed, "malformed FO: " + st);
    assertEquals(0, st.timeouts, "inputs over " + INPUT_LIMIT_MS + " ms: " + st);
    assertTrue(st.rendered > 0, "some inputs went on through FOP: " + st);
    assertEquals(0, st.renderEscaped, "exceptions escaped the renderer: " + st);
    assertEquals(0, st.renderFailed, "inputs that got no PDF: " + st);
    assertEquals(0, st.unreadable, "PDFs that do not read back: " + st);
  }

  /** One fuzz input: the project's files, and which kind of input was mutated (for the failure file's name). */
  record Input(String kind, Map<String, String> files) {}

  private Input input(int i, Mutator m, List<String> seeds) {
    String a = seeds.get(m.nextInt(seeds.size()));
    String b = seeds.get(m.nextInt(seeds.size()));
    int kind = m.nextInt(10);
    if (kind < 7) {
      String md = m.nextInt(8) == 0 ? a + "\n\n" + b : a;
      boolean bib = m.nextInt(4) == 0; // reading BibTeX is the slow part; a quarter of the Markdown inputs cite
      return new Input("md", Map.of("book.yml", Seeds.bookYml("ch.md", bib), "ch.md", m.mutate(md, b), "refs.bib", Seeds.BIB));
    }
    if (kind == 7) {
      return new Input("yml", Map.of("book.yml", m.mutate(Seeds.bookYml("ch.md", true), b), "ch.md", a, "refs.bib", Seeds.BIB));
    }
    if (kind == 8) {
      String chapter = "# Cites\n\nSee {cite}`knuth84`, {cite:p}`strang93` and {cite}`missing`.\n";
      return new Input("bib", Map.of("book.yml", Seeds.bookYml("ch.md", true), "ch.md", chapter, "refs.bib", m.mutate(Seeds.BIB, b)));
    }
    return new Input("ipynb", Map.of("book.yml", Seeds.bookYml("nb.ipynb", true), "nb.ipynb", m.mutate(Seeds.NOTEBOOK, a), "refs.bib", Seeds.BIB));
  }

  private void runOne(Input in, int i, ExecutorService exec, Stats st) throws IOException, InterruptedException {
    MemoryWorld w = new MemoryWorld(out, Map.of("SOURCE_DATE_EPOCH", "1767225600"));
    in.files().forEach(w::put);
    Diagnostics diags = new Diagnostics();
    long t0 = System.nanoTime();
    Future<Pipeline.FoResult> f = exec.submit(() -> Pipeline.fo(w, diags));
    Pipeline.FoResult r;
    try {
      r = f.get(INPUT_LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      st.timeouts++;
      save(in, i, "timeout", "");
      f.cancel(true);
      return;
    } catch (java.util.concurrent.ExecutionException e) {
      st.escaped++;
      save(in, i, "escaped", String.valueOf(e.getCause()));
      return;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    st.maxMs = Math.max(st.maxMs, ms);
    st.totalMs += ms;
    if (!diags.byRule("internal-error").isEmpty()) {
      st.internal++;
      StringBuilder why = new StringBuilder();
      diags.byRule("internal-error").forEach(d -> why.append(d.format()).append('\n'));
      diags.failures().forEach(t -> why.append(stack(t)));
      save(in, i, "internal", why.toString());
    }
    if (r == null || r.fo() == null) {
      st.noFo++;
      return;
    }
    try {
      SafeXml.saxFactory().newSAXParser().parse(new InputSource(new StringReader(r.fo().fo())), new DefaultHandler());
      st.foChecked++;
    } catch (Exception e) {
      st.malformed++;
      save(in, i, "malformed", e.getMessage());
      return;
    }
    if (i % RENDER_EVERY == 0) render(in, i, w, r, st);
  }

  /** Issue 11 item 3: the input goes on through FOP (per chapter, as a build does) and its PDF is read back. */
  private void render(Input in, int i, MemoryWorld w, Pipeline.FoResult r, Stats st) throws IOException {
    st.rendered++;
    byte[] pdf;
    try {
      pdf = org.bookbuild.render.Renderer.render(new org.bookbuild.render.Renderer.Job(r.fo().fo(), r.fo().sources(),
          r.style(), w, r.book().meta(), new java.util.Date(0), org.bookbuild.render.RenderSettings.DEFAULT
              .withCache(false).withWorkers(1)), new Diagnostics()).pdf();
    } catch (org.bookbuild.render.Renderer.RenderException e) {
      st.renderFailed++;
      save(in, i, "render-failed", stack(e));
      return;
    } catch (RuntimeException | Error e) {
      st.renderEscaped++;
      save(in, i, "render-escaped", stack(e));
      return;
    }
    try (org.bookbuild.check.PdfInspector back = org.bookbuild.check.PdfInspector.open(pdf)) {
      for (int p = 0; p < back.pageCount(); p++) back.text(p);
    } catch (IOException | RuntimeException e) {
      st.unreadable++;
      save(in, i, "unreadable", stack(e));
    }
  }

  private static String stack(Throwable t) {
    java.io.StringWriter sw = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(sw));
    return sw.toString();
  }

  private static void save(Input in, int i, String what, String why) throws IOException {
    Path dir = Path.of("target", "fuzz-failures", i + "-" + in.kind() + "-" + what);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : in.files().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("WHY.txt"), why == null ? "" : why, StandardCharsets.UTF_8);
  }

  /** Counters of one run. */
  static final class Stats {
    long planned;
    long tried;
    long foChecked;
    long noFo;
    long escaped;
    long internal;
    long malformed;
    long timeouts;
    long maxMs;
    long totalMs;
    long rendered;
    long renderFailed;
    long renderEscaped;
    long unreadable;

    @Override
    public String toString() {
      return String.format("%d inputs, %d FO checked well-formed, %d without FO (configuration refused), %d escaped exceptions, "
          + "%d with internal errors, %d malformed FO, %d over the time limit, max %d ms, mean %.1f ms; %d rendered "
          + "through FOP: %d without a PDF, %d escaped exceptions, %d unreadable PDFs",
          tried, foChecked, noFo, escaped, internal, malformed, timeouts, maxMs, tried == 0 ? 0.0 : (double) totalMs / tried,
          rendered, renderFailed, renderEscaped, unreadable);
    }
  }
}
