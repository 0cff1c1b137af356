package org.bookbuild.transform;

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

  private final Map<String, Target> byId = new LinkedHashMap<>();
  /** Labels of one document's scope (HTML anchors), by source file, then by the label as written (normalised). */
  private final Map<String, Map<String, Target>> local = new LinkedHashMap<>();

  /** Adds a target; returns the earlier one if the id is taken (the caller reports the duplicate). */
  public Optional<Target> add(Target t) {
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
    Target old = local.computeIfAbsent(document, c -> new LinkedHashMap<>()).putIfAbsent(normalise(label), t);
    byId.putIfAbsent(label, t);
    return Optional.ofNullable(old);
  }

  /** Another name for a target, unless something already answers to it (a page's name for its title heading). */
  public void alias(String name, Target t) {
    byId.putIfAbsent(name, t);
  }

  /** A label as seen from a source file: its own document-scoped labels first, then the book's. */
  public Optional<Target> get(String id, String document) {
    Map<String, Target> own = document == null ? null : local.get(document);
    if (own != null) {
      Target t = own.get(normalise(id));
      if (t != null) return Optional.of(t);
    }
    return get(id);
  }

  public Optional<Target> get(String id) {
    Target t = byId.get(id);
    if (t == null) t = byId.get(normalise(id));
    return Optional.ofNullable(t);
  }

  /** Labels are matched case-insensitively with spaces and underscores as hyphens, as MyST does. */
  public static String normalise(String label) {
    return label.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
  }

  public Map<String, Target> all() {
    return java.util.Collections.unmodifiableMap(byId);
  }
}
