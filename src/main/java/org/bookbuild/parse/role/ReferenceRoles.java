package org.bookbuild.parse.role;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Inline;

/**
 * Roles that refer to something elsewhere: {@code eq}, {@code numref}, {@code ref}, {@code doc}, {@code prf:ref},
 * {@code term}, {@code cite}, {@code cite:p}, {@code cite:t} become unresolved {@link Inline.Ref}s (resolved by the
 * transform stage, the back matter resolves {@code term} and {@code cite*}); {@code index} becomes a Span of class
 * {@code index} carrying its entry.
 */
final class ReferenceRoles {
  /** {@code text <label>}: explicit text before a label in angle brackets. */
  private static final Pattern EXPLICIT = Pattern.compile("(?s)^(.*?)\\s*<([^<>]+)>\\s*$");

  private ReferenceRoles() {}

  static void register() {
    for (String kind : List.of("ref", "numref", "eq", "doc", "prf:ref", "term", "any")) {
      RoleRegistry.register(RoleSpec.of(kind, ReferenceRoles::ref));
    }
    // sphinxcontrib-bibtex's roles (c: capitalised, s: all authors, par: in brackets, empty: cited, nothing printed)
    // and its footnote citations, which the citation transform prints as footnotes holding the entry
    for (String kind : List.of("cite", "cite:p", "cite:t", "cite:ps", "cite:ts", "cite:ct", "cite:cts", "cite:alp",
        "cite:label", "cite:labelpar", "cite:year", "cite:yearpar", "cite:author", "cite:authorpar", "cite:empty",
        "footcite", "footcite:p", "footcite:ps", "footcite:t", "footcite:ts", "footcite:ct", "footcite:cts")) {
      RoleRegistry.register(RoleSpec.of(kind, (r, ctx) -> List.of(new Inline.Ref(r.pos(), r.name(),
          r.content().trim(), List.of()))));
    }
    // Sphinx's :math:numref: (an equation's number, as {eq})
    RoleRegistry.register(RoleSpec.of("math:numref", (r, ctx) -> ref(new RoleSpec.Role("eq", r.content(), r.pos(),
        r.contentPos()), ctx)));
    RoleRegistry.register(RoleSpec.of("index", ReferenceRoles::index));
    RoleRegistry.register(RoleSpec.of("download", ReferenceRoles::download));
    RoleRegistry.register(RoleSpec.of("button", ReferenceRoles::button));
  }

  /**
   * {@code {download}`text <file>`}: on paper there is nothing to click, so the text prints followed by the file's
   * name in code type ("the data (data.csv)"); without text, the file name alone.
   */
  private static List<Inline> download(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    List<Inline> out = new java.util.ArrayList<>();
    if (m.matches() && !m.group(1).isBlank()) {
      out.addAll(ctx.inlines(m.group(1), r.contentPos()));
      out.add(new Inline.Text(r.contentPos(), " ("));
      out.add(new Inline.Code(r.contentPos(), m.group(2).trim()));
      out.add(new Inline.Text(r.contentPos(), ")"));
    } else {
      out.add(new Inline.Code(r.contentPos(), (m.matches() ? m.group(2) : r.content()).trim()));
    }
    return List.of(new Inline.Span(r.pos(), Attr.classes("download"), out));
  }

  /** mystmd's {@code {button}`text <url>`}: the text as a link (a label instead of a URL is a cross-reference). */
  private static List<Inline> button(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    String target = (m.matches() ? m.group(2) : r.content()).trim();
    List<Inline> text = m.matches() && !m.group(1).isBlank() ? ctx.inlines(m.group(1), r.contentPos())
        : List.of(new Inline.Text(r.contentPos(), target));
    Inline in = target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.contains("/") || target.contains(".")
        ? new Inline.Link(r.pos(), target, text)
        : new Inline.Ref(r.pos(), "ref", target, m.matches() && !m.group(1).isBlank() ? text : List.of());
    return List.of(new Inline.Span(r.pos(), Attr.classes("button"), List.of(in)));
  }

  private static List<Inline> ref(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    String label = r.content().trim();
    List<Inline> text = List.of();
    if (m.matches() && !m.group(1).isBlank()) {
      label = m.group(2).trim();
      text = r.name().equals("numref") ? List.of(new Inline.Text(r.contentPos(), m.group(1)))
          : ctx.inlines(m.group(1), r.contentPos());
    } else if (m.matches()) {
      label = m.group(2).trim();
    }
    return List.of(new Inline.Ref(r.pos(), r.name(), label, text));
  }

  /** {@code {index}`text`} or {@code {index}`text <entry>`}: the text prints, the entry goes to the index. */
  private static List<Inline> index(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = EXPLICIT.matcher(r.content());
    String text = r.content().trim();
    String entry = text;
    if (m.matches() && !m.group(1).isBlank()) {
      text = m.group(1).trim();
      entry = m.group(2).trim();
    }
    return List.of(new Inline.Span(r.pos(), new Attr("", List.of("index"), java.util.Map.of("entry", entry)),
        List.of(new Inline.Text(r.contentPos(), text))));
  }
}
