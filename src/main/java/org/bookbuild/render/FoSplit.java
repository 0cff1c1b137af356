package org.bookbuild.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.fo.PageListMark;

/**
 * Cuts a whole-book FO into one standalone FO document per page-sequence, so that each can be laid out on its own. The
 * cut is made on the text the FO writer produced (every {@code <} in text or attribute values is escaped there, so a
 * tag scan is exact); FO this scanner does not recognise (a DOCTYPE, CDATA, another prefix for the FO namespace, a
 * {@code fox:destination} of its own) is not cut, and {@link #of} returns null so the caller lays it out in one piece.
 *
 * <p>A chapter's document is the book's prolog (root, page masters, declarations; the bookmark tree is left out and
 * joined afterwards), then a {@code fox:destination} for each of the chapter's ids that anything links to, cites or
 * bookmarks (their positions are how the join finds link targets), then the page-sequence with
 * <ul>
 *   <li>its first page number written out ({@code initial-page-number});
 *   <li>each citation of a page in another chapter replaced by that page's label as text;
 *   <li>each link to an id of another chapter made a link to the URI {@code bookbuild-goto:id}, which the join turns
 *       into a link to that id's place in the book;
 *   <li>each index entry's page list ({@link PageListMark}) printed with each page once, in page order, runs as
 *       ranges ({@link IndexPages}); a list citing a page of its own chapter is left to FOP, one number per anchor.
 * </ul>
 */
final class FoSplit {
  static final String FO_NS = "http://www.w3.org/1999/XSL/Format";
  /** The URI scheme that carries a link to another chapter through its layout to the join. */
  static final String GOTO = "bookbuild-goto:";

  /** One page-sequence: its text in the book FO and what it defines and refers to. */
  /** @param print the fingerprint of the sequence's text, when {@link #of} made one (else null) */
  record Sequence(int index, int start, int end, String format, String initial, String forcePageCount,
      Set<String> ids, Set<String> links, Set<String> cites, Set<String> images, String print) {
    boolean autoNumbered() {
      return initial.equals("auto") || initial.startsWith("auto-");
    }
  }

  /** A bookmark of the book's {@code fo:bookmark-tree}. */
  record Mark(String title, boolean show, String target, List<Mark> children) {}

  final String fo;
  final String prolog;
  final List<Sequence> sequences;
  final List<Mark> bookmarks;
  /** Which sequence defines each id. */
  final Map<String, Integer> home;
  /** Ids that anything links to, cites or bookmarks. */
  final Set<String> targets;

  /** The colour set on {@code fo:root}, inherited by every sequence (null: FOP's default). */
  final String rootColor;

  private FoSplit(String fo, String prolog, List<Sequence> sequences, List<Mark> bookmarks, Map<String, Integer> home,
      Set<String> targets, String rootColor) {
    this.rootColor = rootColor;
    this.fo = fo;
    this.prolog = prolog;
    this.sequences = sequences;
    this.bookmarks = bookmarks;
    this.home = home;
    this.targets = targets;
  }

  /** A start or end tag found by the scan. */
  private record Tag(String name, boolean end, boolean empty, int start, int stop, Map<String, String> attrs) {}

  /** Splits the FO, or returns null when its shape is not the one this class knows. */
  static FoSplit of(String fo) {
    Map<Integer, String> prints = new java.util.HashMap<>();
    List<Tag> tags = tagsOf(fo, prints);
    if (tags == null || tags.isEmpty()) return null;
    Tag root = tags.get(0);
    if (!root.name().equals("fo:root") || !FO_NS.equals(root.attrs().get("xmlns:fo"))) return null;
    List<Sequence> seqs = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    Map<String, Integer> home = new java.util.HashMap<>();
    Set<String> targets = new LinkedHashSet<>();
    int prologEnd = -1;
    int bookmarkStart = -1;
    int bookmarkStop = -1;
    List<Mark> markParent = null;
    java.util.ArrayDeque<List<Mark>> markStack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Object[]> openMarks = new java.util.ArrayDeque<>();
    Sequence open = null;
    int seqStart = -1;
    String seqFormat = null;
    String seqInitial = null;
    String seqForce = null;
    Set<String> ids = null;
    Set<String> links = null;
    Set<String> cites = null;
    Set<String> images = null;
    StringBuilder title = null;
    for (int i = 1; i < tags.size(); i++) {
      Tag t = tags.get(i);
      String n = t.name();
      if (n.equals("fox:destination")) return null;
      if (n.equals("fo:page-sequence")) {
        if (!t.end()) {
          if (prologEnd < 0) prologEnd = t.start();
          seqStart = t.start();
          seqFormat = t.attrs().getOrDefault("format", "1");
          seqInitial = t.attrs().getOrDefault("initial-page-number", "auto");
          seqForce = t.attrs().getOrDefault("force-page-count", "auto");
          ids = new LinkedHashSet<>();
          links = new LinkedHashSet<>();
          cites = new LinkedHashSet<>();
          images = new java.util.TreeSet<>();
        } else {
          if (seqStart < 0) return null;
          seqs.add(new Sequence(seqs.size(), seqStart, t.stop(), seqFormat, seqInitial, seqForce, ids, links, cites,
              images, prints.get(seqStart)));
          seqStart = -1;
        }
        continue;
      }
      if (n.equals("fo:page-sequence-wrapper")) return null;
      if (n.equals("fo:bookmark-tree")) {
        if (!t.end()) {
          bookmarkStart = t.start();
          markStack.push(marks);
        } else {
          bookmarkStop = t.stop();
          markStack.clear();
        }
        continue;
      }
      if (n.equals("fo:bookmark")) {
        if (!t.end()) {
          String target = t.attrs().getOrDefault("internal-destination", "");
          targets.add(target);
          List<Mark> kids = new ArrayList<>();
          openMarks.push(new Object[] {target, !"hide".equals(t.attrs().get("starting-state")), kids, new StringBuilder()});
          markStack.push(kids);
          if (t.empty()) return null;
        } else {
          Object[] m = openMarks.pop();
          markStack.pop();
          @SuppressWarnings("unchecked")
          List<Mark> kids = (List<Mark>) m[2];
          markStack.peek().add(new Mark(m[3].toString(), (Boolean) m[1], (String) m[0], kids));
        }
        continue;
      }
      if (n.equals("fo:bookmark-title")) {
        if (!t.end() && !t.empty() && !openMarks.isEmpty() && i + 1 < tags.size()) {
          Tag next = tags.get(i + 1);
          ((StringBuilder) openMarks.peek()[3]).append(unescape(fo.substring(t.stop(), next.start())));
        }
        continue;
      }
      if (t.end()) continue;
      String id = t.attrs().get("id");
      if (id != null) {
        if (seqStart < 0) continue;
        ids.add(id);
        if (home.putIfAbsent(id, seqs.size()) != null) return null;
      }
      if (seqStart < 0) continue;
      String dest = t.attrs().get("internal-destination");
      if (dest != null && n.equals("fo:basic-link")) {
        links.add(dest);
        targets.add(dest);
      }
      if (n.equals("fo:external-graphic") && t.attrs().get("src") != null) images.add(t.attrs().get("src"));
      if (n.equals("fo:page-number-citation") || n.equals("fo:page-number-citation-last")) {
        String ref = t.attrs().get("ref-id");
        if (ref != null) {
          cites.add(ref);
          targets.add(ref);
        }
      }
    }
    if (seqs.isEmpty() || prologEnd < 0) return null;
    if (bookmarkStart >= 0 && (bookmarkStart > prologEnd || bookmarkStop < 0)) return null;
    String prolog = bookmarkStart < 0 ? fo.substring(0, prologEnd)
        : fo.substring(0, bookmarkStart) + fo.substring(bookmarkStop, prologEnd);
    return new FoSplit(fo, prolog, seqs, marks, home, targets, root.attrs().get("color"));
  }

  private final Map<Integer, String> signatures = new java.util.concurrent.ConcurrentHashMap<>();
  private String prologPrint;

  private synchronized String prologPrint() {
    if (prologPrint == null) prologPrint = new org.bookbuild.io.Fingerprint().add(prolog).hex();
    return prologPrint;
  }

  /** Tags of a sequence's text that {@link #of} acts on, by the text's fingerprint, offsets from its start. */
  private static final Map<String, List<Tag>> SEQUENCE_TAGS = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Tag>> eldest) {
          return size() > 2048;
        }
      });

  private static final Set<String> ACTED_ON = Set.of("fo:page-sequence", "fox:destination", "fo:page-sequence-wrapper",
      "fo:bookmark-tree", "fo:bookmark", "fo:bookmark-title", "fo:basic-link", "fo:external-graphic",
      "fo:page-number-citation", "fo:page-number-citation-last");

  /**
   * The tags {@link #of} reads, in order: {@code book watch} splits the whole book FO again for every edit, and the
   * scan of every tag of it (an attribute map each) was a tenth of the time before the preview on a 300-page book on
   * C1 (JFR). Each page sequence's text is found by its start and end tags and scanned only when its fingerprint is
   * new in this process; the text around the sequences (prolog, bookmarks) is always scanned. Whatever this cannot
   * read that way (a comment or instruction cut by a boundary, a nested sequence) is scanned whole, as before.
   * {@code prints} receives each sequence's fingerprint by its start.
   */
  private static List<Tag> tagsOf(String fo, Map<Integer, String> prints) {
    List<Tag> out = new ArrayList<>();
    int at = 0;
    String open = "<fo:page-sequence";
    String close = "</fo:page-sequence>";
    while (true) {
      int start = fo.indexOf(open, at);
      while (start >= 0 && start + open.length() < fo.length() && !isTagEnd(fo.charAt(start + open.length()))) {
        start = fo.indexOf(open, start + 1);
      }
      int gapEnd = start < 0 ? fo.length() : start;
      List<Tag> gap = scan(fo.substring(at, gapEnd));
      if (gap == null) return scan(fo);
      for (Tag t : gap) out.add(shifted(t, at));
      if (start < 0) return out;
      int end = fo.indexOf(close, start);
      if (end < 0) return scan(fo);
      end += close.length();
      String print = new org.bookbuild.io.Fingerprint().add(fo, start, end).hex();
      List<Tag> seq = SEQUENCE_TAGS.get(print);
      if (seq == null) {
        seq = sequenceTags(fo.substring(start, end));
        if (seq == null) return scan(fo);
        SEQUENCE_TAGS.put(print, seq);
      }
      for (Tag t : seq) out.add(shifted(t, start));
      prints.put(start, print);
      at = end;
    }
  }

  private static boolean isTagEnd(char c) {
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }

  /** The acted-on tags of one sequence's text, or null when the text is not one whole page sequence. */
  private static List<Tag> sequenceTags(String text) {
    List<Tag> all = scan(text);
    if (all == null || all.size() < 2) return null;
    Tag first = all.get(0);
    Tag last = all.get(all.size() - 1);
    if (!first.name().equals("fo:page-sequence") || first.end() || first.empty() || first.start() != 0) return null;
    if (!last.name().equals("fo:page-sequence") || !last.end() || last.stop() != text.length()) return null;
    List<Tag> kept = new ArrayList<>();
    boolean keepNext = false;
    for (int i = 0; i < all.size(); i++) {
      Tag t = all.get(i);
      if (t.name().equals("fo:page-sequence") && i > 0 && i < all.size() - 1) return null;
      boolean acted = ACTED_ON.contains(t.name()) || (!t.end() && t.attrs().containsKey("id"));
      // a bookmark title's text ends where the next tag starts: that tag stays too
      if (acted || keepNext) kept.add(t);
      keepNext = acted && t.name().equals("fo:bookmark-title");
    }
    return List.copyOf(kept);
  }

  private static Tag shifted(Tag t, int by) {
    return by == 0 ? t : new Tag(t.name(), t.end(), t.empty(), t.start() + by, t.stop() + by, t.attrs());
  }

  /**
   * A hash of everything {@link #piece} reads of the book for sequence {@code s}, besides its first page and the labels
   * it is given: the prolog, the root colour, the sequence's text, its place in the book, which of its ids anything
   * targets, and the sequence (and its page format) each id it links to or cites lives in. Two splits whose sequences
   * have the same signature write the same piece for the same first page and labels.
   */
  String signature(Sequence s) {
    return signatures.computeIfAbsent(s.index(), k -> {
      StringBuilder ctx = new StringBuilder().append(s.index()).append('|').append(rootColor).append('|');
      for (String id : s.ids()) ctx.append(targets.contains(id) ? '1' : '0');
      for (Set<String> refs : List.of(s.links(), s.cites())) {
        ctx.append('|');
        for (String id : refs) {
          Integer h = home.get(id);
          ctx.append(h == null ? "-" : h + sequences.get(h).format()).append(',');
        }
      }
      String text = s.print() != null ? s.print() : new org.bookbuild.io.Fingerprint().add(fo, s.start(), s.end()).hex();
      return new org.bookbuild.io.Fingerprint().add(prologPrint()).add(text).add(ctx.toString()).hex();
    });
  }

  /** The standalone FO document for one sequence and how its offsets map back to the book FO. */
  record Piece(String fo, int firstPage, List<NumberPatch.Num> nums, boolean unmarked, int[] pieceOffsets,
      int[] bookOffsets) {
    /** The book-FO offset of a piece offset. */
    int bookOffset(int pieceOffset) {
      int k = java.util.Arrays.binarySearch(pieceOffsets, pieceOffset);
      if (k < 0) k = -k - 2;
      if (k < 0) return 0;
      return bookOffsets[k] + (pieceOffset - pieceOffsets[k]);
    }
  }

  /**
   * Writes sequence {@code s} as a document of its own. Every page number in it (folio, citation, label written in)
   * gets a colour of its own for {@link NumberPatch}; {@code unmarked} says one could not be marked (inside a marker).
   *
   * @param firstPage its first page number
   * @param labels the page label of each id cited here that lives in another sequence (missing: "0")
   */
  Piece piece(Sequence s, int firstPage, Map<String, String> labels) {
    Writer w = new Writer(s, labels, new StringBuilder(s.end() - s.start() + prolog.length() + 1024));
    w.out.append(prolog);
    for (String id : s.ids()) {
      if (targets.contains(id)) {
        w.out.append("<fox:destination internal-destination=\"").append(escape(id)).append("\"/>");
      }
    }
    List<Tag> tags = scan(fo.substring(s.start(), s.end()));
    for (int k = 0; k < tags.size(); k++) {
      Tag t0 = tags.get(k);
      tags.set(k, new Tag(t0.name(), t0.end(), t0.empty(), t0.start() + s.start(), t0.stop() + s.start(), t0.attrs()));
    }
    w.from = s.start();
    for (int k = 0; k < tags.size(); k++) {
      Tag t = tags.get(k);
      if (k == 0) {
        w.colors.push(t.end() ? w.colors.peek() : t.attrs().getOrDefault("color", w.colors.peek()));
        w.copyTo(t.start());
        w.out.append(startTag(t, "initial-page-number", Integer.toString(firstPage)));
        w.from = t.stop();
        continue;
      }
      if (!t.end() && !t.empty() && t.name().equals("fo:wrapper") && t.attrs().containsKey(PageListMark.ATTR)) {
        int done = w.pageList(tags, k);
        if (done > k) {
          k = done;
          continue;
        }
      }
      w.tag(t);
    }
    w.copyTo(s.end());
    w.out.append("</fo:root>\n");
    int[] a = new int[w.map.size()];
    int[] b = new int[w.map.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = w.map.get(i)[0];
      b[i] = w.map.get(i)[1];
    }
    return new Piece(w.out.toString(), firstPage, List.copyOf(w.nums), w.unmarked, a, b);
  }

  /** Writes one sequence's piece: the book FO copied up to each tag, and the tags it rewrites rewritten. */
  private final class Writer {
    final Sequence s;
    final Map<String, String> labels;
    final StringBuilder out;
    /** Offsets {piece, book} where copying from the book FO resumed. */
    final List<int[]> map = new ArrayList<>();
    final List<NumberPatch.Num> nums = new ArrayList<>();
    final java.util.ArrayDeque<String> colors = new java.util.ArrayDeque<>();
    boolean unmarked;
    int inMarker;
    /** The book-FO offset copied up to. */
    int from;
    /** Appended to the id of each cited number written now (how a number of a merged page list is joined). */
    String numTag = "";

    Writer(Sequence s, Map<String, String> labels, StringBuilder out) {
      this.s = s;
      this.labels = labels;
      this.out = out;
      colors.push(rootColor == null ? "" : rootColor);
    }

    /** Copies the book FO from {@code from} up to {@code to}. */
    void copyTo(int to) {
      map.add(new int[] {out.length(), from});
      out.append(fo, from, to);
      from = to;
    }

    /** One tag of the sequence: kept, or rewritten when it links to or cites another chapter or prints a number. */
    void tag(Tag t) {
      String inherited = colors.peek();
      String own = t.end() ? inherited : t.attrs().getOrDefault("color", inherited);
      if (t.end()) {
        if (colors.size() > 1) colors.pop();
        if (t.name().equals("fo:marker")) inMarker--;
        return;
      }
      if (!t.empty()) {
        colors.push(own);
        if (t.name().equals("fo:marker")) inMarker++;
      }
      String n = t.name();
      if (n.equals("fo:basic-link")) {
        String dest = t.attrs().get("internal-destination");
        Integer h = dest == null ? null : home.get(dest);
        if (h != null && h != s.index()) {
          copyTo(t.start());
          Map<String, String> attrs = new java.util.LinkedHashMap<>(t.attrs());
          attrs.remove("internal-destination");
          attrs.put("external-destination", "url(" + GOTO + java.net.URLEncoder.encode(dest, StandardCharsets.UTF_8) + ")");
          out.append(startTag(new Tag(t.name(), false, t.empty(), t.start(), t.stop(), attrs), null, null));
          from = t.stop();
        }
        return;
      }
      boolean number = n.equals("fo:page-number") || n.equals("fo:page-number-citation")
          || n.equals("fo:page-number-citation-last");
      if (!number) return;
      if (inMarker > 0 || nums.size() >= 0xffff) {
        unmarked = true;
        return;
      }
      String ref = t.attrs().get("ref-id");
      Integer h = ref == null ? null : home.get(ref);
      String color = own.isEmpty() ? null : own;
      copyTo(t.start());
      if (t.empty() && n.equals("fo:page-number-citation") && h != null && h != s.index()) {
        String label = labels.getOrDefault(ref, "0");
        out.append("<fo:inline keep-together.within-line=\"always\" hyphenate=\"false\" color=\"")
            .append(NumberPatch.sentinel(nums.size())).append("\">").append(escape(label)).append("</fo:inline>");
        nums.add(new NumberPatch.Num(ref + numTag, label, color));
      } else {
        out.append(startTag(t, "color", NumberPatch.sentinel(nums.size())));
        nums.add(new NumberPatch.Num(null, null, color));
      }
      from = t.stop();
    }

    /**
     * The page list marked by the wrapper at {@code tags[k]} written with its numbers as {@link IndexPages} prints
     * them; returns the index of the wrapper's end tag, or {@code k} when the list is left to FOP as it is.
     */
    int pageList(List<Tag> tags, int k) {
      PageList list = inMarker > 0 ? null : pageListAt(tags, k, s.index(), labels);
      if (list == null) return k;
      copyTo(tags.get(k).start());
      for (IndexPages.Printed p : list.printed()) {
        out.append(list.joiner(p));
        numTag = "\n" + p.join();
        int[] item = list.items().get(p.anchor());
        from = tags.get(item[0]).start();
        for (int i = item[0]; i <= item[1]; i++) tag(tags.get(i));
        copyTo(tags.get(item[1]).stop());
        numTag = "";
      }
      from = tags.get(list.end()).stop();
      return list.end();
    }
  }

  /**
   * An index entry's page list (see {@link PageListMark}) and how to print it.
   *
   * @param end the index of the wrapper's end tag
   * @param items the first and last tag of each page number (a child element of the wrapper)
   * @param printed the numbers to print, as {@link IndexPages} plans them
   * @param separator the FO text between two numbers
   * @param dash the FO text of a range's dash
   */
  private record PageList(int end, List<int[]> items, List<IndexPages.Printed> printed, String separator, String dash) {
    String joiner(IndexPages.Printed p) {
      return switch (p.join()) {
        case FIRST -> "";
        case SEPARATOR -> separator;
        case DASH -> dash;
      };
    }
  }

  /**
   * The page list whose wrapper starts at {@code tags[k]} in sequence {@code seq}, with the cited pages' labels; null
   * when it is not one that can be settled before FOP lays it out: a page cited in the same or a later sequence (a
   * page only FOP knows, or one the list itself may move), or a shape not expected.
   */
  private PageList pageListAt(List<Tag> tags, int k, int seq, Map<String, String> labels) {
    Tag wrapper = tags.get(k);
    List<int[]> items = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    int depth = 0;
    int end = -1;
    for (int i = k + 1; i < tags.size() && end < 0; i++) {
      Tag t = tags.get(i);
      if (t.end()) {
        if (depth == 0) end = i;
        else if (--depth == 0) items.get(items.size() - 1)[1] = i;
        continue;
      }
      if (depth == 0) {
        items.add(new int[] {i, i});
        refs.add(null);
        // a main entry's number comes inside its styling; a plain one is the link itself
        weights.add(t.name().equals("fo:basic-link") ? "" : fo.substring(t.start(), t.stop()));
      }
      if (t.name().equals("fo:page-number-citation") && refs.get(refs.size() - 1) == null) {
        refs.set(refs.size() - 1, t.attrs().get("ref-id"));
      }
      if (!t.empty()) depth++;
    }
    if (end < 0 || items.isEmpty()) return null;
    List<IndexPages.Anchor> anchors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Integer h = refs.get(i) == null ? null : home.get(refs.get(i));
      if (h == null || h >= seq) return null;
      anchors.add(new IndexPages.Anchor(h, sequences.get(h).format(), labels.getOrDefault(refs.get(i), "0"),
          weights.get(i)));
    }
    String sep = items.size() > 1 ? fo.substring(tags.get(items.get(0)[1]).stop(), tags.get(items.get(1)[0]).start())
        : "";
    int min;
    try {
      min = Integer.parseInt(wrapper.attrs().getOrDefault(PageListMark.MIN, "3").strip());
    } catch (NumberFormatException e) {
      min = 3;
    }
    String dash = escape(wrapper.attrs().getOrDefault(PageListMark.DASH, "\u2013"));
    return new PageList(end, items, IndexPages.plan(anchors, min, this::continues), sep, dash);
  }

  /** Whether sequence {@code b} numbers on from {@code a}: every sequence after {@code a} up to {@code b} does. */
  private boolean continues(int a, int b) {
    for (int i = a + 1; i <= b; i++) if (!sequences.get(i).autoNumbered()) return false;
    return true;
  }

  /** Whether the book has page lists to settle, and the ids they cite (for {@link #withDestinations}). */
  Set<String> pageListCites() {
    Set<String> out = new LinkedHashSet<>();
    if (!fo.contains(PageListMark.ATTR)) return out;
    for (Sequence s : sequences) {
      String text = fo.substring(s.start(), s.end());
      if (!text.contains(PageListMark.ATTR)) continue;
      out.addAll(s.cites());
    }
    return out;
  }

  /** The whole book FO with a {@code fox:destination} for each of {@code ids}, so a layout of it tells their pages. */
  String withDestinations(Set<String> ids) {
    int at = sequences.get(0).start();
    StringBuilder b = new StringBuilder(fo.length() + ids.size() * 48).append(fo, 0, at);
    for (String id : ids) b.append("<fox:destination internal-destination=\"").append(escape(id)).append("\"/>");
    return b.append(fo, at, fo.length()).toString();
  }

  /**
   * The whole book FO with each page list printed as {@link IndexPages} plans it from {@code labels} (the pages of a
   * first layout): the numbers printed stay FOP's own citations and links, the others are left out, dashes put in.
   * For the single pass, which cannot print a number it has not laid out; a list's pages come before it, so printing
   * it otherwise moves none of them.
   */
  String settlePageLists(Map<String, String> labels) {
    StringBuilder out = new StringBuilder(fo.length());
    int from = 0;
    for (Sequence s : sequences) {
      List<Tag> tags = scan(fo.substring(s.start(), s.end()));
      if (tags == null) continue;
      for (int k = 0; k < tags.size(); k++) {
        Tag t0 = tags.get(k);
        tags.set(k, new Tag(t0.name(), t0.end(), t0.empty(), t0.start() + s.start(), t0.stop() + s.start(), t0.attrs()));
      }
      for (int k = 0; k < tags.size(); k++) {
        Tag t = tags.get(k);
        if (t.end() || t.empty() || !t.name().equals("fo:wrapper") || !t.attrs().containsKey(PageListMark.ATTR)) continue;
        PageList list = pageListAt(tags, k, s.index(), labels);
        if (list == null) continue;
        out.append(fo, from, t.start());
        for (IndexPages.Printed p : list.printed()) {
          int[] item = list.items().get(p.anchor());
          out.append(list.joiner(p)).append(fo, tags.get(item[0]).start(), tags.get(item[1]).stop());
        }
        from = tags.get(list.end()).stop();
        k = list.end();
      }
    }
    return out.append(fo, from, fo.length()).toString();
  }

  /** The spans {start, end} of the children of {@code fo:flow} in a piece: the chapter's top-level blocks. */
  static List<int[]> topBlocks(String piece) {
    List<Tag> tags = scan(piece);
    List<int[]> out = new ArrayList<>();
    if (tags == null) return out;
    int depth = -1;
    int start = -1;
    for (Tag t : tags) {
      if (depth < 0) {
        if (!t.end() && !t.empty() && t.name().equals("fo:flow")) depth = 0;
        continue;
      }
      if (t.end()) {
        if (depth == 0) break;
        depth--;
        if (depth == 0) out.add(new int[] {start, t.stop()});
      } else if (t.empty()) {
        if (depth == 0) out.add(new int[] {t.start(), t.stop()});
      } else {
        if (depth == 0) start = t.start();
        depth++;
      }
    }
    return out;
  }

  /**
   * The piece with the top-level blocks in {@code replaced} swapped for {@code placeholder} and every block from
   * {@code keep} on left out (a probe while looking for the block FOP fails on).
   */
  static String without(String piece, List<int[]> blocks, java.util.Map<Integer, String> replaced, int keep) {
    StringBuilder b = new StringBuilder(piece.length());
    int from = 0;
    for (int i = 0; i < blocks.size(); i++) {
      int[] bl = blocks.get(i);
      String rep = i >= keep ? "" : replaced.get(i);
      if (rep == null) continue;
      b.append(piece, from, bl[0]).append(rep);
      from = bl[1];
    }
    return b.append(piece, from, piece.length()).toString();
  }

  /** Ids cited in {@code s} that live in another sequence. */
  List<String> outsideCites(Sequence s) {
    List<String> out = new ArrayList<>();
    for (String c : s.cites()) {
      Integer h = home.get(c);
      if (h != null && h != s.index()) out.add(c);
    }
    return out;
  }

  private static String startTag(Tag t, String attr, String value) {
    StringBuilder b = new StringBuilder("<").append(t.name());
    boolean set = attr == null;
    for (Map.Entry<String, String> e : t.attrs().entrySet()) {
      String v = e.getValue();
      if (e.getKey().equals(attr)) {
        v = value;
        set = true;
      }
      b.append(' ').append(e.getKey()).append("=\"").append(escape(v)).append('"');
    }
    if (!set) b.append(' ').append(attr).append("=\"").append(escape(value)).append('"');
    return b.append(t.empty() ? "/>" : ">").toString();
  }

  /** Every tag of {@code s} in order, or null when it holds constructs the scan does not take apart. */
  private static List<Tag> scan(String s) {
    List<Tag> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      int lt = s.indexOf('<', i);
      if (lt < 0) return out;
      if (s.startsWith("<?", lt)) {
        int e = s.indexOf("?>", lt);
        if (e < 0) return null;
        i = e + 2;
        continue;
      }
      if (s.startsWith("<!--", lt)) {
        int e = s.indexOf("-->", lt);
        if (e < 0) return null;
        i = e + 3;
        continue;
      }
      if (s.startsWith("<!", lt)) return null;
      boolean end = lt + 1 < n && s.charAt(lt + 1) == '/';
      int p = lt + (end ? 2 : 1);
      int nameStart = p;
      while (p < n && !Character.isWhitespace(s.charAt(p)) && s.charAt(p) != '>' && s.charAt(p) != '/') p++;
      String name = s.substring(nameStart, p);
      Map<String, String> attrs = new java.util.LinkedHashMap<>();
      boolean empty = false;
      while (true) {
        while (p < n && Character.isWhitespace(s.charAt(p))) p++;
        if (p >= n) return null;
        char c = s.charAt(p);
        if (c == '>') {
          p++;
          break;
        }
        if (c == '/' && p + 1 < n && s.charAt(p + 1) == '>') {
          empty = true;
          p += 2;
          break;
        }
        int eq = s.indexOf('=', p);
        if (eq < 0) return null;
        String an = s.substring(p, eq).strip();
        int q = eq + 1;
        while (q < n && Character.isWhitespace(s.charAt(q))) q++;
        if (q >= n) return null;
        char quote = s.charAt(q);
        if (quote != '"' && quote != '\'') return null;
        int close = s.indexOf(quote, q + 1);
        if (close < 0) return null;
        attrs.put(an, unescape(s.substring(q + 1, close)));
        p = close + 1;
      }
      out.add(new Tag(name, end, empty, lt, p, attrs));
      i = p;
    }
  }

  static String unescape(String s) {
    if (s.indexOf('&') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi;
      if (c == '&' && (semi = s.indexOf(';', i)) > i) {
        String ent = s.substring(i + 1, semi);
        String rep = switch (ent) {
          case "lt" -> "<";
          case "gt" -> ">";
          case "amp" -> "&";
          case "quot" -> "\"";
          case "apos" -> "'";
          default -> {
            try {
              if (ent.startsWith("#x")) yield new String(Character.toChars(Integer.parseInt(ent.substring(2), 16)));
              if (ent.startsWith("#")) yield new String(Character.toChars(Integer.parseInt(ent.substring(1))));
            } catch (IllegalArgumentException e) {
              yield null;
            }
            yield null;
          }
        };
        if (rep != null) {
          b.append(rep);
          i = semi;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#10;");
        case '\t' -> b.append("&#9;");
        case '\r' -> b.append("&#13;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
