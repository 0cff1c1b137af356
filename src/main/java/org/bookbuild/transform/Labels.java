package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Inline;

/**
 * The book-wide table of everything an author can refer to: headings, figures, tables, equations, exercises,
 * theorem-like blocks. Filled by {@link CollectLabels}, read by {@link ResolveRefs} and the FO writer.
 */
public final class Labels {
  /**
   * One referable element. {@code kind} is the counter kind (section, figure, table, code, equation, or a block kind
   * such as exercise); {@code number} is its printed number ("3.2", may be empty); {@code title} its title or caption.
   */
  public record Target(String id, String kind, String number, List<Inline> title, String chapterId, SourcePos pos) {}

  /**
   * One look-up a transform's chapter turn made while the table was tapped ({@link #tap}): what was looked up (the
   * label and the document it was looked up from, null for the book's; a page's file), and the answer.
   */
  public record Read(Kind kind, String id, String document, Object answer) {
    /** A label (from a document, or the book's), every label, a page by its file, every page's file. */
    enum Kind { LABEL, LABELS, PAGE, PAGES }
  }

  private final Map<String, Target> byId = new LinkedHashMap<>();
  /** Each source file's first heading id: the page a link to that file goes to. */
  private final Map<String, String> pages = new LinkedHashMap<>();
  /** Look-ups since {@link #tap}; null when no tap is on. */
  private List<Read> tapped;
  /** Whether the table was written while tapped (the turn then cannot be kept). */
  private boolean written;
  /** Labels of one document's scope (HTML anchors), by source file, then by the label as written (normalised). */
  private final Map<String, Map<String, Target>> local = new LinkedHashMap<>();

  /** Adds a target; returns the earlier one if the id is taken (the caller reports the duplicate). */
  public Optional<Target> add(Target t) {
    if (tapped != null) written = true;
    Target old = byId.putIfAbsent(t.id(), t);
    return Optional.ofNullable(old);
  }

  /**
   * Adds a label of its document's scope (an HTML anchor: each document is its own page in Jupyter Book, so
   * {@code <a id='section1'>} may stand in every notebook). {@code label} is the name as written, {@code t.id()} the
   * id made unique in the book. Links from the same document find it first ({@link #get(String, String)}); others
   * find the first document's. Returns the earlier target of that name in the same document, if any.
   */
  public Optional<Target> addLocal(String label, String document, Target t) {
    if (tapped != null) written = true;
    Target old = local.computeIfAbsent(document, c -> new LinkedHashMap<>()).putIfAbsent(normalise(label), t);
    byId.putIfAbsent(label, t);
    return Optional.ofNullable(old);
  }

  /** Another name for a target, unless something already answers to it (a page's name for its title heading). */
  public void alias(String name, Target t) {
    if (tapped != null) written = true;
    byId.putIfAbsent(name, t);
  }

  /** A label as seen from a source file: its own document-scoped labels first, then the book's. */
  public Optional<Target> get(String id, String document) {
    Optional<Target> t = find(id, document);
    if (tapped != null) tapped.add(new Read(Read.Kind.LABEL, id, document, t));
    return t;
  }

  public Optional<Target> get(String id) {
    Optional<Target> t = find(id);
    if (tapped != null) tapped.add(new Read(Read.Kind.LABEL, id, null, t));
    return t;
  }

  private Optional<Target> find(String id, String document) {
    Map<String, Target> own = document == null ? null : local.get(document);
    if (own != null) {
      Target t = own.get(normalise(id));
      if (t != null) return Optional.of(t);
    }
    return find(id);
  }

  private Optional<Target> find(String id) {
    Target t = byId.get(id);
    if (t == null) t = byId.get(normalise(id));
    return Optional.ofNullable(t);
  }

  /** Starts noting every look-up ({@link TransformMemo}: what a chapter's turn depended on). */
  void tap() {
    tapped = new ArrayList<>();
    written = false;
  }

  /** Stops the tap: the look-ups since {@link #tap}, or null when the table was written meanwhile. */
  List<Read> untap() {
    List<Read> r = written || tapped == null ? null : List.copyOf(tapped);
    tapped = null;
    return r;
  }

  /** Whether the tap already holds a look-up of the whole table of this kind (no write comes between: see {@link #untap}). */
  private boolean wholeRead(Read.Kind kind) {
    for (Read r : tapped) if (r.kind() == kind) return true;
    return false;
  }

  /** Whether every look-up gives the same answer now. */
  boolean holds(List<Read> reads) {
    for (Read r : reads) {
      Object now = switch (r.kind()) {
        case LABEL -> r.document() != null ? find(r.id(), r.document()) : find(r.id());
        case LABELS -> new ArrayList<>(byId.entrySet());
        case PAGE -> Optional.ofNullable(pages.get(r.id()));
        case PAGES -> new ArrayList<>(pages.keySet());
      };
      if (!now.equals(r.answer())) return false;
    }
    return true;
  }

  /** Notes the page a source file is: the id of its first heading (the first one noted stays). */
  public void page(String file, String headingId) {
    if (tapped != null) written = true;
    pages.putIfAbsent(file, headingId);
  }

  /** The id of the first heading of source file {@code file} (a page of the book), or null. */
  public String page(String file) {
    String id = pages.get(file);
    if (tapped != null) tapped.add(new Read(Read.Kind.PAGE, file, null, Optional.ofNullable(id)));
    return id;
  }

  /** The source files that are pages of the book. */
  public java.util.Set<String> pageFiles() {
    if (tapped != null && !wholeRead(Read.Kind.PAGES)) tapped.add(new Read(Read.Kind.PAGES, "", null, new ArrayList<>(pages.keySet())));
    return java.util.Collections.unmodifiableSet(pages.keySet());
  }

  /** Labels are matched case-insensitively with spaces and underscores as hyphens, as MyST does. */
  public static String normalise(String label) {
    return label.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
  }

  public Map<String, Target> all() {
    if (tapped != null && !wholeRead(Read.Kind.LABELS)) tapped.add(new Read(Read.Kind.LABELS, "", null, new ArrayList<>(byId.entrySet())));
    return java.util.Collections.unmodifiableMap(byId);
  }
}
