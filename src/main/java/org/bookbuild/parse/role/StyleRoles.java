package org.bookbuild.parse.role;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Inline;

/**
 * Roles that style their text: {@code sub}, {@code sup}, {@code u}, {@code smallcaps}, {@code del}, {@code kbd},
 * {@code abbr} (printed with its expansion, since paper has no tooltip), mystmd's {@code tooltip} (its tip a footnote), {@code math}, mystmd's {@code chem} (counts
 * as subscripts) and {@code span} (its text), and a few synonyms.
 */
final class StyleRoles {
  private static final Pattern ABBR = Pattern.compile("(?s)^(.*?)\\s*\\(([^()]*)\\)\\s*$");

  private StyleRoles() {}

  static void register() {
    Map<String, String> styled = Map.ofEntries(
        Map.entry("sub", "sub"), Map.entry("subscript", "sub"), Map.entry("sup", "sup"),
        Map.entry("superscript", "sup"), Map.entry("u", "underline"), Map.entry("underline", "underline"),
        Map.entry("smallcaps", "smallcaps"), Map.entry("sc", "smallcaps"), Map.entry("del", "strike"),
        Map.entry("strike", "strike"), Map.entry("kbd", "kbd"), Map.entry("emphasis", "emph"),
        Map.entry("strong", "strong"));
    styled.forEach((name, role) -> RoleRegistry.register(RoleSpec.of(name,
        (r, ctx) -> List.of(new Inline.Styled(r.pos(), role, List.of(new Inline.Text(r.contentPos(), r.content())))))));
    RoleRegistry.register(RoleSpec.of("math", (r, ctx) -> List.of(new Inline.MathInline(r.pos(), r.content().trim()))));
    RoleRegistry.register(RoleSpec.of("code", (r, ctx) -> List.of(new Inline.Code(r.pos(), r.content()))));
    RoleRegistry.register(RoleSpec.of("literal", (r, ctx) -> List.of(new Inline.Code(r.pos(), r.content()))));
    RoleRegistry.register(RoleSpec.of("abbr", StyleRoles::abbr));
    RoleRegistry.register(RoleSpec.of("tooltip", StyleRoles::tooltip));
    // mystmd's {chem}`H2O` (a formula, its counts as subscripts) and {span}`text` (text with classes for the web)
    RoleRegistry.register(RoleSpec.of("chem", StyleRoles::chem));
    RoleRegistry.register(RoleSpec.of("span", (r, ctx) -> ctx.inlines(r.content(), r.contentPos())));
    // myst-parser's {sub-ref}`today` / `wordcount-words` / `wordcount-minutes`: filled in by transform.SubRefs
    RoleRegistry.register(RoleSpec.of("sub-ref", (r, ctx) -> List.of(new Inline.Span(r.pos(),
        org.bookbuild.model.Attr.classes("sub-ref").with("key", r.content().strip()), List.of()))));
  }

  private static final Pattern COUNT = Pattern.compile("(?<=[A-Za-z)\\]])\\d+");

  /** A chemical formula: the counts after an element or a bracket as subscripts (H2O, Ca(OH)2). */
  private static List<Inline> chem(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    List<Inline> out = new java.util.ArrayList<>();
    Matcher m = COUNT.matcher(r.content());
    int last = 0;
    while (m.find()) {
      if (m.start() > last) out.add(new Inline.Text(r.contentPos(), r.content().substring(last, m.start())));
      out.add(new Inline.Styled(r.contentPos(), "sub", List.of(new Inline.Text(r.contentPos(), m.group()))));
      last = m.end();
    }
    if (last < r.content().length()) out.add(new Inline.Text(r.contentPos(), r.content().substring(last)));
    return out;
  }

  /** {@code text <tip>} or {@code text (tip)}: the words, then what the tip says. */
  private static final Pattern TIP = Pattern.compile("(?s)^(.*?)(?:\\s*<([^<>]+)>|\\s+\\(([^()]+)\\))\\s*$");

  /**
   * mystmd's {@code {tooltip}`words <what shows on hover>`}: paper has no hover, and the tip is an aside to the words,
   * so it prints as a footnote on them (the words as Markdown, the tip too); without a tip, the words alone.
   */
  private static List<Inline> tooltip(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = TIP.matcher(r.content());
    if (!m.matches() || m.group(1).isBlank()) return ctx.inlines(r.content().strip(), r.contentPos());
    String tip = (m.group(2) != null ? m.group(2) : m.group(3)).strip();
    List<Inline> out = new java.util.ArrayList<>(ctx.inlines(m.group(1).strip(), r.contentPos()));
    out.add(new Inline.Note(r.pos(), List.of(new org.bookbuild.model.Block.Para(r.contentPos(),
        ctx.inlines(tip, r.contentPos()), false))));
    return out;
  }

  private static List<Inline> abbr(RoleSpec.Role r, RoleSpec.RoleContext ctx) {
    Matcher m = ABBR.matcher(r.content());
    if (!m.matches() || m.group(1).isBlank()) {
      return List.of(new Inline.Styled(r.pos(), "abbr", List.of(new Inline.Text(r.contentPos(), r.content().trim()))));
    }
    return List.of(new Inline.Styled(r.pos(), "abbr", List.of(new Inline.Text(r.contentPos(), m.group(1).trim()))),
        new Inline.Text(r.contentPos(), " (" + m.group(2).trim() + ")"));
  }
}
