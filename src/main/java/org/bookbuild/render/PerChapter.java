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
 * (every sequence ends on an even page, so chapters open on the right). A chapter's page count does not depend on the
 * numbers printed on it, so one layout of every chapter gives every first page and every label. The first pass lays
 * out every chapter in book order; a worker writes a chapter's document when it takes it, with the first page and the
 * cited labels known then: exact for the chapters laid out before it, from the previous build ({@code pages.hint}:
 * page counts, and the page inside its chapter of each id cited across chapters) or an estimate for the rest. The
 * second pass lays out again only the chapters whose first page or cited labels were not the final ones (none when
 * the hints were right); a third is needed only when a changed number changed a chapter's page count. Each chapter's
 * layout is keyed by its standalone FO, which holds exactly those inputs, so the same key is the cache's key and the
 * test that nothing moved.
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
  /** The first page number each sequence was last laid out with. */
  private final int[] firstUsed;
  /** FOP layouts of each sequence in this build (cache hits not counted), and in all. */
  private final int[] runs;
  private int layouts;
  private final int[] hintCount;
  /** The marked numbers of the piece each sequence was last laid out from, and whether it had unmarked ones. */
  private final List<List<NumberPatch.Num>> numsUsed;
  private final boolean[] unmarkedUsed;
  /** Sequences whose numbers were swapped in their IF in this build. */
  private final java.util.TreeSet<Integer> patched = new java.util.TreeSet<>();
  private org.apache.fop.fonts.FontInfo fontInfo;
  private final Map<String, Integer> hintLocal = new HashMap<>();

  /** Where this render's time went (the report's stages); parts measured on workers are summed over them. */
  private final org.bookbuild.diag.Timings stages;

  PerChapter(FopSession session, FoSplit split, Renderer.Job job, Diagnostics diags, org.bookbuild.diag.Timings stages) {
    this.session = session;
    this.stages = stages;
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
    this.firstUsed = new int[n];
    this.runs = new int[n];
    this.hintCount = new int[n];
    this.numsUsed = new ArrayList<>(java.util.Collections.nCopies(n, List.<NumberPatch.Num>of()));
    this.unmarkedUsed = new boolean[n];
  }

  Renderer.Rendered run() throws Exception {
    long t0 = System.nanoTime();
    long tl = t0;
    readHints();
    tl = stages.lap("hints", tl);
    int workers = Math.min(job.settings().workerCount(), n);
    int passes = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Integer> todo = new ArrayList<>();
      long tk = System.nanoTime();
      for (int i = 0; i < n; i++) if (!pieceKey(i).equals(key[i])) todo.add(i);
      stages.addUp("keys", System.nanoTime() - tk);
      if (todo.isEmpty()) break;
      // a chapter whose numbers changed but take the same room gets them swapped in its IF instead of a layout
      tk = System.nanoTime();
      for (java.util.Iterator<Integer> it = todo.iterator(); it.hasNext(); ) if (patch(it.next())) it.remove();
      stages.addUp("renumber", System.nanoTime() - tk);
      if (todo.isEmpty()) continue;
      int before = layouts;
      if (Boolean.getBoolean("bookbuild.debugLayout")) System.err.println("pass " + pass + ": " + todo);
      tk = System.nanoTime();
      stages.addUp("layout", 0);
      layOut(todo, workers);
      stages.addUp("layout", System.nanoTime() - tk);
      if (layouts > before) passes++;
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
    long t1 = System.nanoTime();
    stages.add("places", (t1 - tl) / 1_000_000 - sum(stages, "keys", "renumber", "layout"));
    if (job.preview() != null) {
      offerPreview(offset, places);
      t1 = System.nanoTime();
    }
    stages.addUp("join", 0);
    long joinCpu = org.bookbuild.diag.Timings.threadCpuNanos();
    byte[] pdf = join(places);
    long t2 = System.nanoTime();
    long joinCpuEnd = org.bookbuild.diag.Timings.threadCpuNanos();
    stages.addUp("join", t2 - t1, joinCpu < 0 || joinCpuEnd < 0 ? -1 : joinCpuEnd - joinCpu);
    stages.restart(); // the layout and join above are timed on their own entries
    saveHints();
    cache.prune(new HashSet<>(Arrays.asList(key)));
    stages.lap("hints-save", t2);
    List<Integer> laidOut = new ArrayList<>();
    List<Integer> reused = new ArrayList<>();
    int most = 0;
    for (int i = 0; i < n; i++) {
      (fresh[i] ? laidOut : reused).add(i);
      most = Math.max(most, runs[i]);
    }
    RenderReport report = new RenderReport(true, workers, passes, Renderer.names(laidOut, split),
        Renderer.names(reused, split), pages, layouts, most, Renderer.names(new ArrayList<>(patched), split),
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, stages);
    return new Renderer.Rendered(pdf, report, repaired);
  }

  private static final String JOINED = LayoutCache.DIR + "joined.pdf";

  /** Whether the join made the finishing stage's structure and math repairs ({@link JoinTags}). */
  private boolean repaired;

  /**
   * The chapters joined into one PDF. With the layout cache on, FOP writes the PDF into a file beside the cache, read
   * back once the join is done: while FOP's document is at its largest (the structure tree is written last), the
   * PDF's own tens of megabytes, and the copy an in-memory stream makes of them at its end, are not on the heap too.
   */
  private byte[] join(Map<String, IfJoin.Place> places) throws Exception {
    java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bookbuild-join-ahead");
      t.setDaemon(true);
      return t;
    });
    try {
      return join(places, ahead);
    } finally {
      ahead.shutdownNow();
    }
  }

  /**
   * The join, each chapter's IF read (from memory or the layout cache) and its number colours set back on {@code ahead}
   * while the chapter before it is painted: on the join's own thread that was 0.14-0.22 s of a 160-page book's join.
   */
  private byte[] join(Map<String, IfJoin.Place> places, java.util.concurrent.ExecutorService ahead) throws Exception {
    IfJoin.Parts parts = new IfJoin.Parts() {
      private java.util.concurrent.Future<byte[]> next;
      private int nextIndex = -1;

      @Override
      public int size() {
        return n;
      }

      private byte[] bytes(int i) throws IOException {
        return NumberPatch.restoreColors(ifText(i), numsUsed.get(i), PerChapter.this::ifColor)
            .getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public InputStream open(int i) throws IOException {
        long tr = System.nanoTime();
        byte[] text;
        try {
          text = next != null && nextIndex == i ? next.get() : bytes(i);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof IOException io) throw io;
          if (e.getCause() instanceof RuntimeException re) throw re;
          throw new IOException(e.getCause());
        }
        int j = i + 1;
        next = j < n ? ahead.submit(() -> bytes(j)) : null;
        nextIndex = j;
        stages.addUp("join.if-read", System.nanoTime() - tr);
        return new ByteArrayInputStream(text);
      }
    };
    if (!cache.enabled()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      repaired = IfJoin.join(session, parts, places, split.bookmarks, diags, out, stages);
      return out.toByteArray();
    }
    Path file = job.world().outputPath(JOINED);
    try {
      job.world().writeAtomically(file, o -> {
        try (java.io.BufferedOutputStream b = new java.io.BufferedOutputStream(o, 1 << 16)) {
          repaired = IfJoin.join(session, parts, places, split.bookmarks, diags, b, stages);
        } catch (IOException e) {
          throw e;
        } catch (Exception e) {
          throw new Wrapped(e);
        }
      });
      return Files.readAllBytes(file);
    } catch (Wrapped w) {
      throw (Exception) w.getCause();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Tells the job's {@link Preview} the settled layout, with a way to make any one chapter's pages a PDF. */
  private void offerPreview(int[] offset, Map<String, IfJoin.Place> places) {
    List<Preview.Chapter> chapters = new ArrayList<>();
    for (int i = 0; i < n; i++) chapters.add(new Preview.Chapter(key[i], offset[i], laid[i].pageNames().size()));
    job.preview().settled(List.copyOf(chapters), (i, shownKey) -> {
      long t = System.nanoTime();
      try {
        String now = ifText(i);
        int pages = laid[i].pageNames().size();
        int[] changed = IfPages.changed(now, shownIf(shownKey));
        if (changed == null || changed.length > pages) changed = java.util.stream.IntStream.range(0, pages).toArray();
        if (changed.length == 0) return new Preview.Pages(changed, null);
        String text = changed.length == pages ? now : IfPages.keep(now, changed);
        // the chapter's places on the pages kept, numbered as the kept pages are; links to others are left out
        Map<Integer, Integer> at = new HashMap<>();
        for (int k = 0; k < changed.length; k++) at.put(changed[k], k);
        Map<String, IfJoin.Place> local = new HashMap<>();
        for (String id : laid[i].dests().keySet()) {
          IfJoin.Place p = places.get(id);
          Integer k = p == null ? null : at.get(p.page() - offset[i]);
          if (k != null) local.put(id, new IfJoin.Place(k, p.x(), p.y()));
        }
        String restored = NumberPatch.restoreColors(text, numsUsed.get(i), PerChapter.this::ifColor);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        IfJoin.join(session, new IfJoin.Parts() {
          @Override
          public int size() {
            return 1;
          }

          @Override
          public InputStream open(int k) {
            return new ByteArrayInputStream(restored.getBytes(StandardCharsets.UTF_8));
          }
        }, local, List.of(), new Diagnostics(), out, new org.bookbuild.diag.Timings(), true);
        return new Preview.Pages(changed, out.toByteArray());
      } catch (Exception | StackOverflowError e) {
        return null;
      } finally {
        stages.addUp("preview", System.nanoTime() - t);
      }
    });
  }

  /** The IF of the layout on show under {@code key}, from the layout cache; null when it is not there (any more). */
  private String shownIf(String key) {
    if (key == null) return null;
    try (InputStream in = cache.openIf(key)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long sum(org.bookbuild.diag.Timings t, String... names) {
    long ms = 0;
    for (org.bookbuild.diag.Timings.Entry e : t.entries()) if (Arrays.asList(names).contains(e.stage())) ms += e.ms();
    return ms;
  }

  /**
   * Sequence {@code i} as a document of its own, with the first page number and cited page labels known now: a
   * chapter laid out gives its exact page count and the pages its ids are on; one not laid out yet its count from the
   * previous build ({@code pages.hint}) or an estimate from its length, and its ids the pages they were on last time.
   */
  private synchronized FoSplit.Piece piece(int i) {
    int[] first = firstPages();
    return split.piece(split.sequences.get(i), first[i], labels(i, first));
  }

  /** The page labels sequence {@code i} cites in other sequences, when every sequence starts at {@code first}. */
  private Map<String, String> labels(int i, int[] first) {
    Map<String, String> labels = new HashMap<>();
    for (String id : split.outsideCites(split.sequences.get(i))) labels.put(id, label(id, first));
    return labels;
  }

  /**
   * Layout-cache keys this process worked out, by the piece's signature ({@link FoSplit#signature}, salted as the cache
   * salts keys), first page and cited labels: {@code book watch} builds the book again for every edit, and writing
   * every chapter's standalone FO again only to hash it was a tenth of an edit's time before the preview.
   */
  private static final Map<String, Known> KEYS = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
          return size() > 4096;
        }
      });

  /**
   * The layout-cache key of sequence {@code i} laid out from {@code pieceFo}: its FO and the bytes of every project
   * image it shows. FOP sizes an image from the file when it lays the page out, and the join paints the file as it is
   * then: an image replaced under the same name (a plot drawn again) gave a rebuild the old layout with the new picture
   * squeezed into the old picture's box.
   */
  private String keyOf(int i, String pieceFo) {
    return cache.key(pieceFo + images(i));
  }

  private final Map<Integer, String> images = new java.util.concurrent.ConcurrentHashMap<>();

  /** The project images sequence {@code i} shows, each with a hash of its bytes, once per build. */
  private String images(int i) {
    return images.computeIfAbsent(i, k -> {
      StringBuilder sb = new StringBuilder();
      for (String src : split.sequences.get(i).images()) {
        String s = src.startsWith("url(") && src.endsWith(")") ? src.substring(4, src.length() - 1) : src;
        if (s.length() > 1 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) s = s.substring(1, s.length() - 1);
        if (!s.startsWith("project:")) continue; // generated files are named by their content
        sb.append('\0').append(s).append('=');
        try {
          String rel = java.net.URLDecoder.decode(s.substring("project:".length()), StandardCharsets.UTF_8);
          sb.append(java.util.HexFormat.of().formatHex(job.world().fingerprint(rel)));
        } catch (IOException | RuntimeException e) {
          sb.append("unreadable");
        }
      }
      return sb.toString();
    });
  }

  /**
   * What a sequence's piece is known by without writing it: its layout-cache key and what {@link #record} keeps of it
   * (first page, marked numbers, whether it has unmarked ones).
   */
  private record Known(String key, int first, List<NumberPatch.Num> nums, boolean unmarked) {}

  /** A sequence's layout-cache key as last computed in this build, with the first page and labels it was made for. */
  private record KeyMemo(int first, Map<String, String> labels, Known known) {}

  private final Map<Integer, KeyMemo> keyMemo = new HashMap<>();

  /**
   * The layout-cache key of sequence {@code i} as it would be laid out now. Within a build a sequence's FO is fixed, so
   * the same first page and cited labels give the same key: each pass hashes again only the sequences whose numbers
   * moved (the last pass, which finds nothing to do, hashed the whole book again).
   */
  private String pieceKey(int i) {
    return known(i).key();
  }

  /** {@link #pieceKey}, with what a layout found in the cache under that key is recorded with. */
  private synchronized Known known(int i) {
    int[] first = firstPages();
    Map<String, String> labels = labels(i, first);
    KeyMemo m = keyMemo.get(i);
    if (m != null && m.first() == first[i] && m.labels().equals(labels)) return m.known();
    String seen = cache.key(split.signature(split.sequences.get(i)) + images(i)) + "|" + first[i] + "|" + new java.util.TreeMap<>(labels);
    Known k = KEYS.get(seen);
    if (k == null) {
      FoSplit.Piece piece = split.piece(split.sequences.get(i), first[i], labels);
      k = new Known(keyOf(i, piece.fo()), firstPageOf(piece), piece.nums(), piece.unmarked());
      KEYS.put(seen, k);
    }
    keyMemo.put(i, new KeyMemo(first[i], labels, k));
    return k;
  }

  /** The page label {@code id} will have when every sequence starts at {@code first}. */
  private String label(String id, int[] first) {
    int h = split.home.get(id);
    ChapterLayout.Laid l = laid[h];
    ChapterLayout.Dest d = l == null ? null : l.dests().get(id);
    int local = d != null ? d.page() : hintLocal.getOrDefault(id, 0);
    if (l != null && firstUsed[h] == first[h] && local >= 0 && local < l.pageNames().size()) {
      return l.pageNames().get(local);   // FOP's own label
    }
    return PageLabels.format(split.sequences.get(h).format(), first[h] + Math.max(0, local));
  }

  /** Page count of sequence {@code i}: laid out, from the previous build, or estimated from its length. */
  private int count(int i) {
    if (laid[i] != null) return Math.max(1, laid[i].pageNames().size());
    if (hintCount[i] > 0) return hintCount[i];
    long chars = 0;
    long pages = 0;
    for (int k = 0; k < n; k++) {
      if (laid[k] == null) continue;
      FoSplit.Sequence s = split.sequences.get(k);
      chars += s.end() - s.start();
      pages += laid[k].pageNames().size();
    }
    FoSplit.Sequence s = split.sequences.get(i);
    int guess = chars == 0 ? 2 : (int) Math.max(1, Math.round((double) (s.end() - s.start()) * pages / chars));
    String force = s.forcePageCount();
    if ((force.equals("end-on-even") || force.equals("even")) && guess % 2 == 1) guess++;
    if ((force.equals("end-on-odd") || force.equals("odd")) && guess % 2 == 0) guess++;
    return guess;
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

  /**
   * Lays out (or takes from the cache) each sequence of {@code todo} on {@code workers} threads, in book order: a
   * worker takes the next sequence and only then writes its document, so that it starts where the chapters finished
   * before it end (an estimate only for those still being laid out).
   */
  private void layOut(List<Integer> todo, int workers) throws Exception {
    // the layout cache first, in book order on this thread, until a few sequences are not in it: an edit in book watch
    // then has one sequence left to lay out, on this thread, without starting workers or warming FOP up for them; a
    // cold build finds the first sequences missing and gives the rest to the workers as before
    List<Integer> rest = new ArrayList<>();
    int missing = 0;
    for (int j = 0; j < todo.size(); j++) {
      int i = todo.get(j);
      if (missing >= MISSES_BEFORE_WORKERS) {
        rest.addAll(todo.subList(j, todo.size()));
        break;
      }
      Known k = known(i);
      if (k.key().equals(key[i]) || fromCache(i, k)) continue;
      rest.add(i);
      missing++;
    }
    todo = rest;
    boolean several = workers > 1 && rest.size() > 1;
    ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(todo);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean fontsAhead = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable worker = () -> {
      Integer i;
      while (failure.get() == null && (i = queue.poll()) != null) {
        try {
          Known k = known(i);
          if (!k.key().equals(key[i])) one(i, k);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
      // the first worker left without a chapter, while the others finish theirs, reads the join's fonts ahead
      if (failure.get() == null && job.preview() == null && several && fontsAhead.compareAndSet(false, true)) {
        LayoutFonts.readAhead(session);
      }
    };
    int threads = Math.min(workers, todo.size());
    if (threads <= 1) {
      worker.run();
    } else {
      if (!warmedUp) {
        // only when two layouts will run at once: an edit in book watch usually lays out one chapter
        long tw = System.nanoTime();
        warmUp();
        warmedUp = true;
        stages.addUp("layout.warm-up", System.nanoTime() - tw);
      }
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

  private boolean warmedUp;

  /**
   * Sequence {@code i} from the layout cache under the key it is known by, else laid out. Only a layout writes the
   * sequence's piece: in {@code book watch} every chapter but the edited one comes from the cache, and writing each
   * one's standalone FO only to find it there was most of the layout workers' time before the preview (JFR).
   */
  private void one(int i, Known k) throws Exception {
    if (fromCache(i, k)) return;
    boolean first;
    synchronized (this) {
      first = laid[i] == null;
    }
    FoSplit.Piece piece = piece(i);
    oneLayout(new Task(i, piece, keyOf(i, piece.fo())));
    if (first) counted(i);
  }

  /** Sequences the cache may lack before {@link #layOut} stops looking on its own thread and starts the workers. */
  private static final int MISSES_BEFORE_WORKERS = 2;

  /** Takes sequence {@code i} from the layout cache under the key it is known by; false when it is not there. */
  private boolean fromCache(int i, Known k) {
    long tc = System.nanoTime();
    ChapterLayout.Laid hit = cache.get(k.key());
    stages.addUp("layout.cache-lookup", System.nanoTime() - tc);
    if (hit == null) return false;
    boolean first;
    synchronized (this) {
      first = laid[i] == null;
      laid[i] = hit;
      key[i] = k.key();
      firstUsed[i] = k.first();
      numsUsed.set(i, k.nums());
      unmarkedUsed[i] = k.unmarked();
      ifBytes[i] = null;
    }
    if (first) counted(i);
    return true;
  }

  /** Reports sequence {@code i} done for the first time in this build to the progress display. */
  private void counted(int i) {
    int done;
    int pages;
    synchronized (this) {
      done = ++chaptersDone;
      pages = laid[i].pageNames().size();
    }
    job.chapters().accept(done, n);
    job.pages().accept(pages);
  }

  private int chaptersDone;

  /** What chapter {@code t} was laid out (or found in the cache) with, for the next pass to compare against. */
  private void record(Task t, ChapterLayout.Laid result) {
    int i = t.index();
    laid[i] = result;
    key[i] = t.key();
    firstUsed[i] = firstPageOf(t.piece());
    numsUsed.set(i, t.piece().nums());
    unmarkedUsed[i] = t.piece().unmarked();
  }

  private void oneLayout(Task t) throws Exception {
    int i = t.index();
    long tc = System.nanoTime();
    ChapterLayout.Laid hit = cache.get(t.key());
    stages.addUp("layout.cache-lookup", System.nanoTime() - tc);
    if (hit != null) {
      synchronized (this) {
        record(t, hit);
        ifBytes[i] = null;
      }
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
    synchronized (this) {
      record(t, result);
      fresh[i] = true;
      runs[i]++;
      layouts++;
    }
  }

  /** One chapter's IF as laid out (from memory or the layout cache). */
  private String ifText(int i) throws IOException {
    if (ifBytes[i] != null) return new String(ifBytes[i], StandardCharsets.UTF_8);
    try (InputStream in = cache.openIf(key[i])) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Swaps the numbers of sequence {@code i} (laid out with a first page or cited labels that are no longer right) for
   * the right ones in its IF, when each takes the same room and the first page's parity is the same; false when it
   * has to be laid out again.
   */
  private boolean patch(int i) throws Exception {
    if (laid[i] == null || unmarkedUsed[i]) return false;
    FoSplit.Piece now = piece(i);
    if (now.unmarked() || Math.floorMod(now.firstPage() - firstUsed[i], 2) != 0) return false;
    FoSplit.Sequence s = split.sequences.get(i);
    List<String> oldNames = laid[i].pageNames();
    List<String> newNames = new ArrayList<>();
    for (int k = 0; k < oldNames.size(); k++) {
      if (!oldNames.get(k).equals(PageLabels.format(s.format(), firstUsed[i] + k))) return false;
      newNames.add(PageLabels.format(s.format(), now.firstPage() + k));
    }
    String swapped = NumberPatch.apply(ifText(i), numsUsed.get(i), now.nums(), oldNames, newNames, this::width);
    if (Boolean.getBoolean("bookbuild.debugLayout")) {
      System.err.println("renumber " + i + " " + firstUsed[i] + "->" + now.firstPage() + ": " + (swapped != null));
    }
    if (swapped == null) return false;
    String k = keyOf(i, now.fo());
    ChapterLayout.Laid l = new ChapterLayout.Laid(List.copyOf(newNames), laid[i].dests(), laid[i].diagnostics());
    byte[] bytes = swapped.getBytes(StandardCharsets.UTF_8);
    if (cache.enabled()) {
      job.world().writeAtomically(cache.ifPath(k), o -> o.write(bytes));
      cache.putMeta(k, l);
      ifBytes[i] = null;
    } else {
      ifBytes[i] = bytes;
    }
    laid[i] = l;
    key[i] = k;
    firstUsed[i] = now.firstPage();
    numsUsed.set(i, now.nums());
    patched.add(i);
    return true;
  }

  /** Width of {@code text} in a font of the book, or -1 when unknown or kerned inside. */
  private int width(String family, String style, int weight, int size, String text) {
    try {
      org.apache.fop.fonts.FontInfo fi = fontInfo();
      org.apache.fop.fonts.FontTriplet t = fi.fontLookup(family, style, weight);
      String key = t == null ? null : fi.getInternalFontKey(t);
      org.apache.fop.fonts.FontMetrics m = key == null ? null : fi.getMetricsFor(key);
      if (!(m instanceof org.apache.fop.fonts.Typeface tf)) return -1;
      Map<Integer, Map<Integer, Integer>> kern = tf.hasKerningInfo() ? tf.getKerningInfo() : Map.of();
      int w = 0;
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (Character.isSurrogate(c)) return -1;
        w += tf.getWidth(tf.mapChar(c), size);
        if (k > 0) {
          Map<Integer, Integer> row = kern.get((int) text.charAt(k - 1));
          Integer kv = row == null ? null : row.get((int) c);
          if (kv != null && kv != 0) return -1;
        }
      }
      return w;
    } catch (Exception | LinkageError e) {
      return -1;
    }
  }

  private synchronized org.apache.fop.fonts.FontInfo fontInfo() throws Exception {
    if (fontInfo == null) {
      synchronized (FopSession.class) {
        org.apache.fop.apps.FOUserAgent ua = session.userAgent(null);
        org.apache.fop.render.intermediate.IFDocumentHandler pdf =
            ua.getRendererFactory().createDocumentHandler(ua, org.apache.fop.apps.MimeConstants.MIME_PDF);
        org.apache.fop.render.intermediate.IFUtil.setupFonts(pdf);
        fontInfo = pdf.getFontInfo();
      }
    }
    return fontInfo;
  }

  private final Map<String, String> ifColors = new HashMap<>();

  /** A colour as the FO wrote it (null: FOP's default, black) as the IF writes it. */
  private synchronized String ifColor(String fo) {
    String c = fo == null || fo.isBlank() ? "#000000" : fo;
    return ifColors.computeIfAbsent(c, v -> {
      try {
        synchronized (FopSession.class) {
          return org.apache.fop.util.ColorUtil.colorToString(
              org.apache.fop.util.ColorUtil.parseColorString(session.userAgent(null), v));
        }
      } catch (Exception e) {
        return "#000000";
      }
    });
  }

  /** The first page number written into a piece. */
  private int firstPageOf(FoSplit.Piece piece) {
    return piece.firstPage();
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
  private int[] firstPages() {
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
      last = f + count(s.index()) - 1;
    }
    return first;
  }

  /**
   * Page counts by chapter and the page (inside its chapter) of each id cited across chapters, from the previous build
   * of the same book: where nothing moved they are exact, so the first layout of each chapter is its last.
   */
  private void readHints() {
    if (!cache.enabled()) return;
    Path p = job.world().outputPath(HINTS);
    Map<String, Integer> known = new HashMap<>();
    try {
      if (Files.isRegularFile(p)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length != 2) continue;
          if (f[0].startsWith("@")) hintLocal.put(f[0].substring(1), Integer.parseInt(f[1]));
          else known.put(f[0], Integer.parseInt(f[1]));
        }
      }
    } catch (IOException | RuntimeException e) {
      hintLocal.clear();
      return;
    }
    for (FoSplit.Sequence s : split.sequences) {
      Integer c = known.get(sequenceHash(s));
      if (c != null && c > 0) hintCount[s.index()] = c;
    }
  }

  private void saveHints() {
    if (!cache.enabled()) return;
    StringBuilder b = new StringBuilder();
    Set<String> seen = new TreeSet<>();
    for (FoSplit.Sequence s : split.sequences) {
      String h = sequenceHash(s);
      if (seen.add(h)) b.append(h).append('\t').append(laid[s.index()].pageNames().size()).append('\n');
    }
    Set<String> cited = new TreeSet<>();
    for (FoSplit.Sequence s : split.sequences) cited.addAll(split.outsideCites(s));
    for (String id : cited) {
      ChapterLayout.Dest d = laid[split.home.get(id)].dests().get(id);
      if (d != null && id.indexOf('\t') < 0 && id.indexOf('\n') < 0) b.append('@').append(id).append('\t').append(d.page()).append('\n');
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
