package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;

/**
 * The per-chapter build of one book: lays the sequences out on {@link RenderSettings#workerCount()} threads, settles
 * page numbers, joins the pages.
 *
 * <p>Page numbers: a sequence with {@code initial-page-number="auto"} starts after the last page of the one before it
 * (every sequence ends on an even page, so chapters open on the right); the first pass takes page counts from the
 * previous build of the same chapter ({@code pages.hint}) or a guess and lays out every chapter that cites no page of another chapter; the
 * next pass knows their pages and lays out the citing ones (contents, index, "page N" references) with those labels
 * written in; after that a chapter is laid out again only when its first page number or a label it cites moved, until
 * nothing moves. Each chapter's layout is keyed by its standalone FO, which holds exactly those inputs, so the same key
 * is the cache's key and the test that nothing moved.
 */
final class PerChapter {
  private static final int MAX_PASSES = 6;
  private static final String HINTS = LayoutCache.DIR + "pages.hint";

  private final FopSession session;
  private final FoSplit split;
  private final Renderer.Job job;
  private final Diagnostics diags;
  private final LayoutCache cache;
  private final int n;
  private final ChapterLayout.Laid[] laid;
  private final String[] key;
  private final byte[][] ifBytes;
  private final boolean[] fresh;

  PerChapter(FopSession session, FoSplit split, Renderer.Job job, Diagnostics diags) {
    this.session = session;
    this.split = split;
    this.job = job;
    this.diags = diags;
    String salt = FopConfig.build(job.style(), Renderer.extraFonts(), job.settings());
    this.cache = new LayoutCache(job.world(), job.settings().cache(), salt);
    this.n = split.sequences.size();
    this.laid = new ChapterLayout.Laid[n];
    this.key = new String[n];
    this.ifBytes = new byte[n][];
    this.fresh = new boolean[n];
  }

  Renderer.Rendered run() throws Exception {
    int[] counts = hints();
    int workers = Math.min(job.settings().workerCount(), n);
    int passes = 0;
    if (workers > 1) warmUp();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      int[] first = firstPages(counts);
      Map<String, String> labels = labels();
      List<Task> todo = new ArrayList<>();
      boolean anyReady = false;
      for (FoSplit.Sequence s : split.sequences) anyReady |= laid[s.index()] == null && ready(s);
      for (FoSplit.Sequence s : split.sequences) {
        // a chapter that cites pages of chapters not laid out yet waits for them (unless all that is left waits)
        if (laid[s.index()] == null && anyReady && !ready(s)) continue;
        FoSplit.Piece piece = split.piece(s, first[s.index()], labels);
        String k = cache.key(piece.fo());
        if (k.equals(key[s.index()])) continue;
        todo.add(new Task(s.index(), piece, k));
      }
      if (todo.isEmpty()) {
        boolean done = true;
        for (ChapterLayout.Laid l : laid) done &= l != null;
        if (done) break;
        continue;
      }
      passes++;
      if (Boolean.getBoolean("bookbuild.debugLayout")) {
        System.err.println("pass " + pass + ": " + todo.stream().map(t -> RenderReport.name(split.sequences.get(t.index())) + "@" + first[t.index()]).toList());
      }
      layOut(todo, workers);
      for (int i = 0; i < n; i++) if (laid[i] != null) counts[i] = Math.max(1, laid[i].pageNames().size());
    }
    for (int i = 0; i < n; i++) {
      if (laid[i] == null) throw new IllegalStateException("sequence " + i + " was never laid out");
    }
    for (ChapterLayout.Laid l : laid) for (Diagnostic d : l.diagnostics()) diags.report(d);

    int[] offset = new int[n];
    int pages = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = pages;
      pages += laid[i].pageNames().size();
    }
    Map<String, IfJoin.Place> places = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, ChapterLayout.Dest> e : laid[i].dests().entrySet()) {
        ChapterLayout.Dest d = e.getValue();
        places.put(e.getKey(), new IfJoin.Place(offset[i] + d.page(), d.x(), d.y()));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    IfJoin.join(session, new IfJoin.Parts() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public InputStream open(int i) throws IOException {
        return ifBytes[i] != null ? new ByteArrayInputStream(ifBytes[i]) : cache.openIf(key[i]);
      }
    }, places, split.bookmarks, diags, out);
    saveHints();
    cache.prune(new HashSet<>(Arrays.asList(key)));
    List<Integer> laidOut = new ArrayList<>();
    List<Integer> reused = new ArrayList<>();
    for (int i = 0; i < n; i++) (fresh[i] ? laidOut : reused).add(i);
    RenderReport report = new RenderReport(true, workers, passes, Renderer.names(laidOut, split),
        Renderer.names(reused, split), pages);
    return new Renderer.Rendered(out.toByteArray(), report);
  }

  /**
   * One small layout before the workers start: FOP reads its configuration from a lazily expanded DOM and caches the
   * renderer configurations on first use, neither safe when two threads are first at once (seen as a
   * NullPointerException in FOUserAgent.getRendererConfiguration).
   */
  private void warmUp() throws Exception {
    String fo = "<fo:root xmlns:fo=\"" + FoSplit.FO_NS + "\"><fo:layout-master-set><fo:simple-page-master "
        + "master-name=\"w\" page-width=\"100pt\" page-height=\"100pt\"><fo:region-body/></fo:simple-page-master>"
        + "</fo:layout-master-set><fo:page-sequence master-reference=\"w\"><fo:flow flow-name=\"xsl-region-body\">"
        + "<fo:block>w</fo:block></fo:flow></fo:page-sequence></fo:root>";
    ChapterLayout.run(session, fo, (l, c) -> SourcePos.NONE, java.io.OutputStream.nullOutputStream());
  }

  /** Whether every chapter whose pages {@code s} cites has been laid out. */
  private boolean ready(FoSplit.Sequence s) {
    for (String c : split.outsideCites(s)) if (laid[split.home.get(c)] == null) return false;
    return true;
  }

  private record Task(int index, FoSplit.Piece piece, String key) {}

  /** Lays out (or takes from the cache) each task, the largest first, on {@code workers} threads. */
  private void layOut(List<Task> todo, int workers) throws Exception {
    todo.sort((a, b) -> Integer.compare(b.piece().fo().length(), a.piece().fo().length()));
    ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(todo);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      Task t;
      while (failure.get() == null && (t = queue.poll()) != null) {
        try {
          one(t);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    int threads = Math.min(workers, todo.size());
    if (threads <= 1) {
      worker.run();
    } else {
      List<Thread> started = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        Thread th = new Thread(null, worker, "bookbuild-layout-" + w, 256L << 20);
        th.setDaemon(true);
        th.start();
        started.add(th);
      }
      for (Thread th : started) th.join();
    }
    Throwable e = failure.get();
    if (e instanceof Exception ex) throw ex;
    if (e instanceof Error err) throw err;
  }

  private void one(Task t) throws Exception {
    boolean first = laid[t.index()] == null;
    oneLayout(t);
    if (first) {
      int done;
      synchronized (this) {
        done = ++chaptersDone;
      }
      job.chapters().accept(done, n);
      job.pages().accept(laid[t.index()].pageNames().size());
    }
  }

  private int chaptersDone;

  private void oneLayout(Task t) throws Exception {
    int i = t.index();
    ChapterLayout.Laid hit = cache.get(t.key());
    if (hit != null) {
      laid[i] = hit;
      key[i] = t.key();
      ifBytes[i] = null;
      return;
    }
    BiFunction<Integer, Integer, SourcePos> where = where(t.piece());
    String fo = t.piece().fo();
    List<Diagnostic> isolated = new ArrayList<>();
    ChapterLayout.Laid result;
    try {
      result = layOut(i, t.key(), fo, where);
    } catch (IOException e) {
      if (e instanceof Wrapped) throw (Exception) e.getCause();
      throw e;
    } catch (Exception | StackOverflowError e) {
      // FOP failed inside this chapter: unless the failure does not repeat, find the top-level blocks it fails on
      // and lay the chapter out without them
      if (fails(fo, where) != null) fo = isolate(t.piece(), fo, where, e, isolated);
      result = layOut(i, t.key(), fo, where);
    }
    if (!isolated.isEmpty()) {
      List<Diagnostic> all = new ArrayList<>(isolated);
      all.addAll(result.diagnostics());
      result = new ChapterLayout.Laid(result.pageNames(), result.dests(), all);
    }
    if (cache.enabled()) cache.putMeta(t.key(), result);
    laid[i] = result;
    key[i] = t.key();
    fresh[i] = true;
  }

  /** Lays out {@code fo} into the cache file (or memory) of sequence {@code i}. */
  private ChapterLayout.Laid layOut(int i, String k, String fo, BiFunction<Integer, Integer, SourcePos> where)
      throws Exception {
    if (cache.enabled()) {
      ChapterLayout.Laid[] box = new ChapterLayout.Laid[1];
      try {
        job.world().writeAtomically(cache.ifPath(k), o -> {
          try {
            box[0] = ChapterLayout.run(session, fo, where, o);
          } catch (IOException e) {
            throw e;
          } catch (Exception e) {
            throw new Wrapped(e);
          } catch (StackOverflowError e) {
            throw new Wrapped(new IllegalStateException("nesting too deep for the stack", e));
          }
        });
      } catch (Wrapped w) {
        throw (Exception) w.getCause();
      }
      ifBytes[i] = null;
      return box[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
    ChapterLayout.Laid result = ChapterLayout.run(session, fo, where, out);
    ifBytes[i] = out.toByteArray();
    return result;
  }

  private static final int MAX_ISOLATED = 64;

  /**
   * Finds, by bisection over the chapter's top-level blocks, each block FOP fails on (the shortest failing prefix
   * ends with it), and returns the chapter's FO with each such block replaced by a framed placeholder; a
   * {@code render-failed} error at the block's source position is added to {@code found}. Throws the original failure
   * when no block can be blamed (the fault is outside the flow, or does not go away).
   */
  private String isolate(FoSplit.Piece piece, String fo, BiFunction<Integer, Integer, SourcePos> where, Throwable cause,
      List<Diagnostic> found) throws Exception {
    List<int[]> blocks = FoSplit.topBlocks(fo);
    Map<Integer, String> replaced = new HashMap<>();
    Throwable failure = cause;
    int from = 1;
    for (int round = 0; round < MAX_ISOLATED && !blocks.isEmpty(); round++) {
      // every prefix shorter than the last culprit's lays out now: the next failing prefix is longer
      int lo = from;
      int hi = blocks.size();
      if (lo > hi) break;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (fails(FoSplit.without(fo, blocks, replaced, mid), where) != null) hi = mid;
        else lo = mid + 1;
      }
      int culprit = lo - 1;
      if (replaced.containsKey(culprit)) break;
      from = culprit + 2;
      int[] span = blocks.get(culprit);
      SourcePos pos = job.sources().atOffset(piece.bookOffset(span[0]));
      String what = failure.getClass().getSimpleName() + frame(failure);
      replaced.put(culprit, placeholder(fo.substring(span[0], span[1]), what));
      found.add(new Diagnostic("render-failed", org.bookbuild.diag.Severity.ERROR,
          "the typesetter (FOP) failed on this block (" + what + "); it is left out and marked, the rest prints",
          pos, "simplify the block's inline markup or report it; --debug shows FOP's messages"));
      String fixed = FoSplit.without(fo, blocks, replaced, blocks.size());
      failure = fails(fixed, where);
      if (failure == null) return fixed;
    }
    if (cause instanceof Exception e) throw e;
    throw (Error) cause;
  }

  /** Where inside FOP a failure happened: the first FOP frame, for the report. */
  private static String frame(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && !(t instanceof RuntimeException && t.getStackTrace().length > 0
        && t.getStackTrace()[0].getClassName().startsWith("org.apache.fop"))) {
      t = t.getCause();
    }
    for (StackTraceElement f : t.getStackTrace()) {
      if (f.getClassName().startsWith("org.apache.fop")) {
        String c = f.getClassName();
        return " in " + c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
      }
    }
    return "";
  }

  /** The failure of laying out {@code fo}, or null when it lays out. */
  private Throwable fails(String fo, BiFunction<Integer, Integer, SourcePos> where) {
    try {
      ChapterLayout.run(session, fo, (l, c) -> SourcePos.NONE, java.io.OutputStream.nullOutputStream());
      return null;
    } catch (Exception | StackOverflowError e) {
      return e;
    }
  }

  /** A framed box (the style's {@code problem} role) in place of a block FOP cannot lay out; keeps its id. */
  private String placeholder(String block, String what) {
    org.bookbuild.fo.Xml x = new org.bookbuild.fo.Xml();
    x.start("fo:block").attrs(job.style().role("problem"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^<[^>]*?\\sid=\"([^\"]*)\"").matcher(block);
    if (m.find()) x.attr("id", FoSplit.unescape(m.group(1)));
    x.text("This block could not be typeset: the typesetter failed on it (" + what + ").");
    x.end();
    return x.toString();
  }

  /** Carries a non-I/O failure through {@code World.writeAtomically}. */
  private static final class Wrapped extends IOException {
    Wrapped(Exception cause) {
      super(cause);
    }
  }

  /** Maps FOP's locator in a piece back to the author's text. */
  private BiFunction<Integer, Integer, SourcePos> where(FoSplit.Piece piece) {
    int[][] lines = new int[1][];
    return (line, col) -> {
      synchronized (lines) {
        if (lines[0] == null) {
          List<Integer> starts = new ArrayList<>();
          starts.add(0);
          String s = piece.fo();
          for (int k = 0; k < s.length(); k++) if (s.charAt(k) == '\n') starts.add(k + 1);
          lines[0] = starts.stream().mapToInt(Integer::intValue).toArray();
        }
      }
      if (line < 1 || line > lines[0].length) return SourcePos.NONE;
      int off = lines[0][line - 1] + Math.max(0, col - 1);
      return job.sources().atOffset(piece.bookOffset(off));
    };
  }

  /** The first page number of each sequence, given each one's page count. */
  private int[] firstPages(int[] counts) {
    int[] first = new int[n];
    int last = 0;
    for (FoSplit.Sequence s : split.sequences) {
      int f;
      String init = s.initial();
      if (s.autoNumbered()) {
        f = last + 1;
        if (init.equals("auto-odd") && f % 2 == 0) f++;
        if (init.equals("auto-even") && f % 2 == 1) f++;
      } else {
        try {
          f = Integer.parseInt(init.strip());
        } catch (NumberFormatException e) {
          f = last + 1;
        }
      }
      first[s.index()] = f;
      last = f + counts[s.index()] - 1;
    }
    return first;
  }

  /** The page label of every id in a laid-out sequence. */
  private Map<String, String> labels() {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (laid[i] == null) continue;
      List<String> names = laid[i].pageNames();
      for (Map.Entry<String, ChapterLayout.Dest> e : laid[i].dests().entrySet()) {
        int p = e.getValue().page();
        if (p >= 0 && p < names.size()) out.put(e.getKey(), names.get(p));
      }
    }
    return out;
  }

  /** Page counts from the previous build of the same sequences; 2 where none is known. */
  private int[] hints() {
    int[] counts = new int[n];
    Arrays.fill(counts, 2);
    if (!cache.enabled()) return counts;
    Path p = job.world().outputPath(HINTS);
    Map<String, Integer> known = new HashMap<>();
    try {
      if (Files.isRegularFile(p)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length == 2) known.put(f[0], Integer.parseInt(f[1]));
        }
      }
    } catch (IOException | RuntimeException e) {
      return counts;
    }
    for (FoSplit.Sequence s : split.sequences) {
      Integer c = known.get(sequenceHash(s));
      if (c != null && c > 0) counts[s.index()] = c;
    }
    return counts;
  }

  private void saveHints() {
    if (!cache.enabled()) return;
    StringBuilder b = new StringBuilder();
    Set<String> seen = new TreeSet<>();
    for (FoSplit.Sequence s : split.sequences) {
      String h = sequenceHash(s);
      if (seen.add(h)) b.append(h).append('\t').append(laid[s.index()].pageNames().size()).append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    try {
      job.world().writeAtomically(job.world().outputPath(HINTS), o -> o.write(bytes));
    } catch (IOException e) {
      // only a guess for the next build
    }
  }

  /** Hints are kept by chapter, not by content: an edit seldom changes a chapter's page count. */
  private String sequenceHash(FoSplit.Sequence s) {
    return RenderReport.name(s).replace('\t', ' ').replace('\n', ' ');
  }
}
