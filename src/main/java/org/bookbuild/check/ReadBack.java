package org.bookbuild.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDAbstractPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Reads a finished PDF back the way a viewer will: every page's content stream (and every form XObject, tiling pattern
 * and annotation appearance it uses) is parsed with PDFBox, operator by operator. A fault that only shows on the page
 * (a formula's scale written as {@code NaN}, after which viewers stop drawing the rest of the page) is found here and
 * nowhere else, so the build runs this on every PDF it writes ({@code pdf-invalid}) and the real-project gate runs it
 * on every project.
 *
 * <p>What counts as a problem: a content stream that does not parse; an operator that PDF does not define (outside a
 * {@code BX}/{@code EX} compatibility section) — this is how {@code NaN} and {@code Infinity} arrive, since they are
 * not numbers in PDF syntax; a non-finite or out-of-range number (beyond ±3.403×10³⁸, PDF's real limit); an operator
 * with the wrong number of operands. Glyphs drawn as {@code .notdef} (glyph id 0, a blank or a box in the viewer) are
 * counted per page, separately, since they are a fault of the text, not of the file.
 *
 * <p>Text set past the page's trim box (a glyph's origin or advance outside it, 1 pt tolerance) is listed apart as
 * well, run by run ({@link PastTrim}): the file is sound, but the reader never sees that text.
 *
 * <p>This is the one read-back check: the build runs it on every PDF it writes ({@code pipeline.ReadBackStep}),
 * preflight runs it as a registered rule ({@code PreflightRules.ReadsBack}), the real-projects gate through
 * {@link #main}. Use: {@code ReadBack.Report r = ReadBack.read(pdfBytes); if (!r.ok()) r.problems()...}. Pages are
 * numbered from 1 (physical pages, not their labels).
 */
public final class ReadBack {
  private ReadBack() {}

  /** One fault: the 1-based physical page, what kind ({@link Kind}), and a sentence for the author. */
  public record Problem(int page, Kind kind, String message) {
    @Override
    public String toString() {
      return "page " + page + ": " + message;
    }
  }

  /** The kinds of fault. */
  public enum Kind {
    /** The content stream (or the whole file) cannot be parsed. */
    SYNTAX,
    /** A token in operator position that PDF does not define: {@code NaN}, {@code Infinity}, garbage. */
    UNKNOWN_OPERATOR,
    /** A number that is not finite or is beyond PDF's range. */
    NON_FINITE,
    /** An operator with fewer or more operands than PDF defines. */
    OPERANDS
  }

  /** Glyphs drawn as {@code .notdef} on one page. */
  public record Notdef(int page, int count, String font) {}

  /**
   * A run of glyphs set (partly) outside its page's trim box: what a reader never sees, cut off by the printer or the
   * viewer's page edge. {@code text} is the run as the fonts' ToUnicode maps read it.
   */
  public record PastTrim(int page, String text) {
    @Override
    public String toString() {
      return "page " + page + ": " + text;
    }
  }

  /**
   * The result: pages and content streams read, every problem found (in page order), every page with {@code .notdef}
   * glyphs, every glyph run past the trim.
   */
  public record Report(int pages, int streams, List<Problem> problems, List<Notdef> notdefs, List<PastTrim> pastTrim) {
    /** Whether the file reads back without a problem ({@code .notdef} glyphs and text past the trim are counted apart). */
    public boolean ok() {
      return problems.isEmpty();
    }

    /** Total {@code .notdef} glyphs in the document. */
    public int notdefGlyphs() {
      return notdefs.stream().mapToInt(Notdef::count).sum();
    }

    /** The one-line summary the real-projects gate reads ({@code scripts/projects-gate.py}). */
    public String line() {
      return "pages=" + pages + " streams=" + streams + " stream-faults=" + problems.size() + " past-trim="
          + pastTrim.size() + " notdef=" + notdefGlyphs();
    }
  }

  /** Tolerance for text against the trim box, in points (a glyph's advance is not its ink). */
  static final float TRIM_TOLERANCE = 1f;

  /** Reads a PDF file. */
  public static Report read(Path pdf) throws IOException {
    return read(Files.readAllBytes(pdf));
  }

  /**
   * Reads a PDF. A file PDFBox cannot open at all is one {@link Kind#SYNTAX} problem on page 0; this method throws
   * nothing for a broken file.
   */
  public static Report read(byte[] pdf) {
    return read(pdf, true);
  }

  /**
   * Reads a PDF; {@code trim} false leaves out the text-past-the-trim check, which runs every page's text through
   * PDFBox's content engine and costs about as much as the rest (the build's own read-back, where FOP's
   * {@code layout-overflow} already names lines that run past the margin).
   */
  public static Report read(byte[] pdf, boolean trim) {
    return read(pdf, trim, null);
  }

  /**
   * As {@link #read(byte[], boolean)}, reusing the traces of content streams {@code memo} holds (null: none). A book of
   * {@link #PAGES_PER_WORKER} pages or more is read in page ranges on several threads, each over a document of its own
   * opened on the same bytes (PDFBox documents are not thread-safe); the report is the same as one thread's, in page
   * order. The read-back runs last and alone in a build: a 160-page book's took 1.4 s on one core while the other idled.
   */
  public static Report read(byte[] pdf, boolean trim, Memo memo) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      int workers = Math.min(Math.min(READERS, Runtime.getRuntime().availableProcessors()), pages / PAGES_PER_WORKER);
      if (workers < 2) return read(doc, null, trim, memo);
      List<java.util.concurrent.Future<Part>> others = new ArrayList<>();
      for (int w = 1; w < workers; w++) {
        int from = pages * w / workers, to = pages * (w + 1) / workers;
        others.add(POOL.submit(() -> {
          try (PDDocument own = Loader.loadPDF(pdf)) {
            return part(own, from, to, null, trim, memo);
          }
        }));
      }
      List<Part> parts = new ArrayList<>();
      parts.add(part(doc, 0, pages / workers, null, trim, memo));
      for (java.util.concurrent.Future<Part> f : others) {
        try {
          parts.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading the PDF back", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
      }
      if (memo != null) memo.roll();
      return join(parts);
    } catch (IOException | RuntimeException e) {
      return new Report(0, 0, List.of(new Problem(0, Kind.SYNTAX, "the file cannot be opened as a PDF: "
          + e.getMessage())), List.of(), List.of());
    }
  }

  /** Threads the read-back uses at most (this one and the pool's). */
  private static final int READERS = 4;

  /** Pages a thread of the read-back reads at least: below that, opening the document again costs more than it saves. */
  static final int PAGES_PER_WORKER = 24;

  private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(
      READERS - 1, r -> {
        Thread t = new Thread(r, "bookbuild-read-back");
        t.setDaemon(true);
        return t;
      });

  /**
   * Reads an open PDF. {@code scans}: each page's {@link PageScan} when the caller has run them already (preflight),
   * or null to run them here (they give the glyph positions for the trim check).
   */
  static Report read(PDDocument doc, List<PageScan> scans, boolean trim) {
    return read(doc, scans, trim, null);
  }

  private static Report read(PDDocument doc, List<PageScan> scans, boolean trim, Memo memo) {
    Part p = part(doc, 0, doc.getNumberOfPages(), scans, trim, memo);
    if (memo != null) memo.roll();
    return join(List.of(p));
  }

  /** What one range of pages gave. */
  private record Part(int pages, int streams, List<Problem> problems, List<Notdef> notdefs, List<PastTrim> past) {}

  private static Report join(List<Part> parts) {
    List<Problem> problems = new ArrayList<>();
    List<Notdef> notdefs = new ArrayList<>();
    List<PastTrim> past = new ArrayList<>();
    int pages = 0, streams = 0;
    for (Part p : parts) {
      pages += p.pages();
      streams += p.streams();
      problems.addAll(p.problems());
      notdefs.addAll(p.notdefs());
      past.addAll(p.past());
    }
    return new Report(pages, streams, List.copyOf(problems), List.copyOf(notdefs), List.copyOf(past));
  }

  /** Reads pages {@code from} to {@code to} (0-based, end excluded) of an open PDF. */
  private static Part part(PDDocument doc, int from, int to, List<PageScan> scans, boolean trim, Memo memo) {
    List<Problem> problems = new ArrayList<>();
    List<Notdef> notdefs = new ArrayList<>();
    List<PastTrim> past = new ArrayList<>();
    Map<org.apache.pdfbox.cos.COSObjectKey, PDFont> fonts = new java.util.HashMap<>();
    int streams = 0;
    int i = -1;
    for (PDPage page : doc.getPages()) {
      if (++i < from) continue;
      if (i >= to) break;
      int n = i + 1;
      PageReader r = new PageReader(n, fonts, problems, notdefs, memo);
      r.page(page);
      streams += r.streams;
      if (!trim) continue;
      try {
        PageScan scan = scans != null && i < scans.size() ? scans.get(i) : PageScan.of(page);
        pastTrim(n, page, scan, past);
      } catch (IOException | RuntimeException e) {
        // a page PDFBox cannot run has its stream problems reported above; its glyphs are not placed
      }
    }
    return new Part(to - from, streams, problems, notdefs, past);
  }

  /** One thing a content stream does that the check needs (see {@code PageReader.trace}). */
  private sealed interface Step permits Fault, SetFont, Show, Draw {}

  /** A fault; its message follows the stream's name ("page", "form XObject Fm1"). */
  private record Fault(Kind kind, String text) implements Step {}

  private record SetFont(COSName name) implements Step {}

  private record Show(List<byte[]> strings) implements Step {}

  private record Draw(COSName name) implements Step {}

  /**
   * Traces of content streams by their bytes' fingerprint, kept from one read-back to the next in one process:
   * {@code book watch} reads back every rebuild, and a rebuild after an edit paints the pages of the chapters it did
   * not change with the same bytes. Sound because a trace is a pure function of the stream's bytes (the parse, its
   * faults and their messages, the font names selected, the strings shown, the XObjects drawn); what depends on the
   * document — which font a name stands for, whether a code is {@code .notdef} in it, what an XObject contains, the
   * per-page cap on problems — is worked out again on every read from the trace. Holds the traces of the last read
   * and the one before it, no more. Thread-safe.
   */
  public static final class Memo {
    private Map<java.nio.ByteBuffer, List<Step>> now = new java.util.HashMap<>();
    private Map<java.nio.ByteBuffer, List<Step>> before = new java.util.HashMap<>();
    private int hits;
    private int lastHits;

    private static java.nio.ByteBuffer key(byte[] bytes) {
      return java.nio.ByteBuffer.wrap(org.bookbuild.io.Fingerprint.of(bytes));
    }

    synchronized List<Step> get(byte[] bytes) {
      java.nio.ByteBuffer k = key(bytes);
      List<Step> t = now.get(k);
      if (t == null) t = before.get(k);
      if (t != null) {
        now.put(k, t);
        hits++;
      }
      return t;
    }

    synchronized void put(byte[] bytes, List<Step> trace) {
      now.put(key(bytes), trace);
    }

    /** After a read: its traces become the ones kept. */
    synchronized void roll() {
      before = now;
      now = new java.util.HashMap<>();
      lastHits = hits;
      hits = 0;
    }

    /** Content streams whose trace the last read took from here. */
    public synchronized int lastHits() {
      return lastHits;
    }
  }

  /** Glyphs whose origin or advance lies outside the trim box, grouped into runs of consecutive glyphs. */
  private static void pastTrim(int page, PDPage p, PageScan scan, List<PastTrim> out) {
    org.apache.pdfbox.pdmodel.common.PDRectangle t = p.getTrimBox();
    float left = t.getLowerLeftX() - TRIM_TOLERANCE, right = t.getUpperRightX() + TRIM_TOLERANCE;
    float bottom = t.getLowerLeftY() - TRIM_TOLERANCE, top = t.getUpperRightY() + TRIM_TOLERANCE;
    StringBuilder run = null;
    for (PageScan.Glyph g : scan.glyphs) {
      boolean upright = Math.abs(g.y2() - g.y()) < 0.01f;
      float high = upright ? g.y() + 0.7f * g.size() : Math.max(g.y(), g.y2());
      boolean outside = Math.min(g.x(), g.x2()) < left || Math.max(g.x(), g.x2()) > right
          || Math.min(g.y(), g.y2()) < bottom || high > top;
      if (outside) {
        if (run == null) run = new StringBuilder();
        if (run.length() < 60) run.append(g.text());
      } else if (run != null) {
        out.add(new PastTrim(page, run.toString()));
        run = null;
      }
    }
    if (run != null) out.add(new PastTrim(page, run.toString()));
  }

  /**
   * Prints the summary line of each PDF named ({@link Report#line()}), details on lines starting with two spaces;
   * the real-projects gate runs this ({@code java -cp bookbuild.jar org.bookbuild.check.ReadBack FILE.pdf}).
   */
  public static void main(String[] args) throws IOException {
    boolean trim = true;
    for (String a : args) {
      if (a.equals("--no-trim")) {
        trim = false;
        continue;
      }
      Report r = read(Files.readAllBytes(Path.of(a)), trim);
      System.out.println(r.line());
      r.problems().stream().limit(10).forEach(f -> System.out.println("  stream-fault " + f));
      r.pastTrim().stream().limit(10).forEach(f -> System.out.println("  past-trim " + f));
      r.notdefs().stream().limit(10).forEach(f -> System.out.println("  notdef page " + f.page() + ": " + f.count()
          + " in " + f.font()));
    }
  }

  /** Operand counts of every operator PDF 2.0 defines (Annex A); -1 for a variable count. */
  static final Map<String, Integer> OPERATORS = Map.ofEntries(
      Map.entry("b", 0), Map.entry("B", 0), Map.entry("b*", 0), Map.entry("B*", 0), Map.entry("BDC", 2),
      Map.entry("BI", 0), Map.entry("BMC", 1), Map.entry("BT", 0), Map.entry("BX", 0), Map.entry("c", 6),
      Map.entry("cm", 6), Map.entry("CS", 1), Map.entry("cs", 1), Map.entry("d", 2), Map.entry("d0", 2),
      Map.entry("d1", 6), Map.entry("Do", 1), Map.entry("DP", 2), Map.entry("EI", 0), Map.entry("EMC", 0),
      Map.entry("ET", 0), Map.entry("EX", 0), Map.entry("f", 0), Map.entry("F", 0), Map.entry("f*", 0),
      Map.entry("G", 1), Map.entry("g", 1), Map.entry("gs", 1), Map.entry("h", 0), Map.entry("i", 1),
      Map.entry("ID", 0), Map.entry("j", 1), Map.entry("J", 1), Map.entry("K", 4), Map.entry("k", 4),
      Map.entry("l", 2), Map.entry("m", 2), Map.entry("M", 1), Map.entry("MP", 1), Map.entry("n", 0),
      Map.entry("q", 0), Map.entry("Q", 0), Map.entry("re", 4), Map.entry("RG", 3), Map.entry("rg", 3),
      Map.entry("ri", 1), Map.entry("s", 0), Map.entry("S", 0), Map.entry("SC", -1), Map.entry("sc", -1),
      Map.entry("SCN", -1), Map.entry("scn", -1), Map.entry("sh", 1), Map.entry("T*", 0), Map.entry("Tc", 1),
      Map.entry("Td", 2), Map.entry("TD", 2), Map.entry("Tf", 2), Map.entry("Tj", 1), Map.entry("TJ", 1),
      Map.entry("TL", 1), Map.entry("Tm", 6), Map.entry("Tr", 1), Map.entry("Ts", 1), Map.entry("Tw", 1),
      Map.entry("Tz", 1), Map.entry("v", 4), Map.entry("w", 1), Map.entry("W", 0), Map.entry("W*", 0),
      Map.entry("y", 4), Map.entry("'", 1), Map.entry("\"", 3));

  /** Largest magnitude of a PDF real (ISO 32000 Annex C). */
  private static final double MAX_REAL = 3.4e38; // PDFBox clamps larger numbers to Float.MAX_VALUE (3.4028e38)

  /** Problems kept per page, so that one broken stream does not bury the rest of the report. */
  private static final int MAX_PER_PAGE = 5;

  private static final class PageReader {
    private final int page;
    private final Map<org.apache.pdfbox.cos.COSObjectKey, PDFont> fonts;
    private final List<Problem> problems;
    private final List<Notdef> notdefs;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Integer> notdefByFont = new java.util.LinkedHashMap<>();
    private int found;
    /** Content streams read on this page (its own, forms, patterns, appearances). */
    int streams;

    private final Memo memo;

    PageReader(int page, Map<org.apache.pdfbox.cos.COSObjectKey, PDFont> fonts, List<Problem> problems,
        List<Notdef> notdefs, Memo memo) {
      this.memo = memo;
      this.page = page;
      this.fonts = fonts;
      this.problems = problems;
      this.notdefs = notdefs;
    }

    void page(PDPage p) {
      stream(p, p.getResources(), "page");
      for (PDAnnotation a : annotations(p)) {
        if (a.getAppearance() == null) continue;
        PDAppearanceEntry normal = a.getAppearance().getNormalAppearance();
        if (normal == null) continue;
        if (normal.isStream()) form(normal.getAppearanceStream(), "annotation appearance");
        else for (PDAppearanceStream s : normal.getSubDictionary().values()) form(s, "annotation appearance");
      }
      notdefByFont.forEach((font, count) -> notdefs.add(new Notdef(page, count, font)));
    }

    private List<PDAnnotation> annotations(PDPage p) {
      try {
        return p.getAnnotations();
      } catch (IOException e) {
        problem(Kind.SYNTAX, "the page's annotations cannot be read: " + e.getMessage());
        return List.of();
      }
    }

    private void problem(Kind kind, String message) {
      if (found++ < MAX_PER_PAGE) problems.add(new Problem(page, kind, message));
    }

    private void form(PDContentStream s, String what) {
      if (s == null || !seen.add(s instanceof org.apache.pdfbox.pdmodel.common.COSObjectable o ? o.getCOSObject() : s)) return;
      stream(s, s.getResources(), what);
    }

    /**
     * Checks one content stream and walks into the forms and patterns it uses: the stream is parsed into a
     * {@link Trace} (or the trace of the same bytes is taken from the {@link Memo}), which is then replayed against
     * this stream's resources.
     */
    private void stream(PDContentStream cs, PDResources res, String what) {
      streams++;
      byte[] bytes;
      try {
        // the same bytes PDFBox's own parser would read, taken in bulk first: PDFStreamParser(cs) reads a decoded
        // stream one byte at a time through a non-seekable wrapper that checks its state on every byte (in a
        // profile of a watch rebuild, most of the read-back)
        bytes = contents(cs);
      } catch (IOException | RuntimeException e) {
        problem(Kind.SYNTAX, what + " cannot be parsed: " + e.getMessage() + near(cs, e.getMessage()));
        if (res != null) patterns(res);
        return;
      }
      List<Step> trace = memo == null ? null : memo.get(bytes);
      if (trace == null) {
        trace = trace(bytes, cs);
        if (memo != null) memo.put(bytes, trace);
      }
      PDFont font = null;
      for (Step s : trace) {
        if (s instanceof Fault f) {
          problem(f.kind(), what + f.text());
        } else if (s instanceof SetFont sf) {
          if (res != null) font = font(res, sf.name());
        } else if (s instanceof Show sh) {
          if (font != null) for (byte[] b : sh.strings()) count(font, b);
        } else if (s instanceof Draw d) {
          if (res != null) xobject(res, d.name());
        }
      }
      if (res != null) patterns(res);
    }

    /**
     * What checking a content stream needs from its bytes, in order: its faults (each message without the stream's
     * name in front), the fonts it selects, the strings it shows and the XObjects it draws. A pure function of the
     * bytes, so the trace of equal bytes can be reused ({@link Memo}); everything that depends on the resources
     * (which font a name is, whether a glyph is .notdef, what an XObject holds) is done when the trace is replayed.
     */
    private static List<Step> trace(byte[] bytes, PDContentStream cs) {
      List<Step> out = new ArrayList<>();
      List<COSBase> operands = new ArrayList<>();
      int compat = 0;
      try {
        PDFStreamParser parser = new PDFStreamParser(bytes);
        Object token;
        while ((token = parser.parseNextToken()) != null) {
          if (token instanceof COSBase b) {
            operands.add(b);
            continue;
          }
          if (!(token instanceof Operator op)) continue;
          String name = op.getName();
          Integer arity = OPERATORS.get(name);
          if (name.equals("BX")) compat++;
          else if (name.equals("EX") && compat > 0) compat--;
          if (arity == null) {
            if (compat == 0) out.add(new Fault(Kind.UNKNOWN_OPERATOR, unknown(name)));
          } else {
            check(name, arity, operands, out);
            if (name.equals("Tf") && !operands.isEmpty() && operands.get(0) instanceof COSName fn) {
              out.add(new SetFont(fn));
            } else if (name.equals("Tj") || name.equals("'") || name.equals("\"") || name.equals("TJ")) {
              List<byte[]> shown = new ArrayList<>();
              for (COSBase o : operands) {
                if (o instanceof COSString s) shown.add(s.getBytes());
                else if (o instanceof COSArray a) for (COSBase e : a) if (e instanceof COSString s) shown.add(s.getBytes());
              }
              out.add(new Show(shown));
            } else if (name.equals("Do") && !operands.isEmpty() && operands.get(0) instanceof COSName xn) {
              out.add(new Draw(xn));
            }
          }
          operands.clear();
        }
        if (!operands.isEmpty()) out.add(new Fault(Kind.OPERANDS, " ends with operands and no operator"));
      } catch (IOException | RuntimeException e) {
        out.add(new Fault(Kind.SYNTAX, " cannot be parsed: " + e.getMessage() + near(cs, e.getMessage())));
      }
      return List.copyOf(out);
    }

    /** The bytes of a content stream as PDFBox parses them (a page's several streams joined as PDFBox joins them). */
    private static byte[] contents(PDContentStream cs) throws IOException {
      try (org.apache.pdfbox.io.RandomAccessRead in = cs.getContentsForStreamParsing()) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 14);
        byte[] buf = new byte[1 << 14];
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) out.write(buf, 0, n);
        return out.toByteArray();
      }
    }

    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile("offset (\\d+)");

    /** The text of the stream around the offset a parse error names, so that the report shows what is there. */
    private static String near(PDContentStream cs, String message) {
      java.util.regex.Matcher m = OFFSET.matcher(message == null ? "" : message);
      if (!m.find()) return "";
      try (InputStream in = cs.getContents()) {
        byte[] b = in.readAllBytes();
        int at = (int) Math.min(Long.parseLong(m.group(1)), b.length);
        int from = Math.max(0, at - 30);
        int to = Math.min(b.length, at + 30);
        return " (near \"" + new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replaceAll("\\s+", " ").strip() + "\")";
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    private static String unknown(String name) {
      String shown = name.length() > 20 ? name.substring(0, 20) + "…" : name;
      if (name.equals("NaN") || name.contains("Infinity") || name.contains("∞") || name.contains("\uFFFD")) {
        return " has '" + shown + "' where a number belongs (a size or scale that is not a number); viewers"
            + " stop drawing the page there";
      }
      return " has an unknown operator '" + shown + "'";
    }

    private static void check(String name, int arity, List<COSBase> operands, List<Step> out) {
      if (arity >= 0 && operands.size() != arity) {
        out.add(new Fault(Kind.OPERANDS, ": operator '" + name + "' has " + operands.size() + " operands, PDF defines "
            + arity));
      }
      for (COSBase o : operands) {
        if (o instanceof COSNumber num && !finite(num)) {
          out.add(new Fault(Kind.NON_FINITE, ": operator '" + name + "' has the number " + num + ", which is not finite"));
        } else if (o instanceof COSArray a) {
          for (COSBase e : a) {
            if (e instanceof COSNumber num && !finite(num)) {
              out.add(new Fault(Kind.NON_FINITE, ": operator '" + name + "' has the number " + num
                  + ", which is not finite"));
            }
          }
        }
      }
    }

    private static boolean finite(COSNumber n) {
      double v = n instanceof org.apache.pdfbox.cos.COSFloat f ? f.floatValue() : n.longValue();
      if (n instanceof org.apache.pdfbox.cos.COSFloat f && !Float.isFinite(f.floatValue())) return false;
      return Double.isFinite(v) && Math.abs(v) < MAX_REAL;
    }

    private PDFont font(PDResources res, COSName name) {
      try {
        // fonts are shared by every page: loaded once per document (PDFBox parses the embedded font file each time)
        COSBase key = res.getCOSObject().getCOSDictionary(COSName.FONT) == null ? null
            : res.getCOSObject().getCOSDictionary(COSName.FONT).getItem(name);
        if (key instanceof org.apache.pdfbox.cos.COSObject ref) {
          PDFont f = fonts.get(ref.getKey());
          if (f == null) {
            f = res.getFont(name);
            if (f != null) fonts.put(ref.getKey(), f);
          }
          return f;
        }
        return res.getFont(name);
      } catch (IOException | RuntimeException e) {
        return null; // a font that cannot be loaded is a viewer's problem PDFBox reports elsewhere; no glyph count
      }
    }

    private void xobject(PDResources res, COSName name) {
      try {
        PDXObject x = res.getXObject(name);
        if (x instanceof PDFormXObject f) form(f, "form XObject " + name.getName());
      } catch (IOException | RuntimeException e) {
        problem(Kind.SYNTAX, "XObject " + name.getName() + " cannot be read: " + e.getMessage());
      }
    }

    private void patterns(PDResources res) {
      for (COSName n : res.getPatternNames()) {
        try {
          PDAbstractPattern p = res.getPattern(n);
          if (p instanceof PDTilingPattern t) form(t, "pattern " + n.getName());
        } catch (IOException | RuntimeException e) {
          problem(Kind.SYNTAX, "pattern " + n.getName() + " cannot be read: " + e.getMessage());
        }
      }
    }

    /** Counts the glyphs of a shown string that the font draws as {@code .notdef}. */
    private void count(PDFont font, byte[] bytes) {
      InputStream in = new ByteArrayInputStream(bytes);
      try {
        while (in.available() > 0) {
          int code = font.readCode(in);
          if (notdef(font, code)) notdefByFont.merge(font.getName() == null ? "?" : font.getName(), 1, Integer::sum);
        }
      } catch (IOException | RuntimeException e) {
        // undecodable text is drawn by viewers as best they can; not counted
      }
    }

    private static boolean notdef(PDFont font, int code) throws IOException {
      if (font instanceof PDType0Font t0) return t0.codeToGID(code) == 0;
      if (font instanceof PDTrueTypeFont tt) return tt.isEmbedded() && tt.codeToGID(code) == 0;
      if (font instanceof PDSimpleFont sf && sf.getEncoding() != null) {
        return ".notdef".equals(sf.getEncoding().getName(code)) && code != 0;
      }
      return false;
    }
  }
}
