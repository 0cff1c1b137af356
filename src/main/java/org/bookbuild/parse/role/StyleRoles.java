package org.bookbuild.parse.role;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.model.Inline;

/**
 * Roles that style their text: {@code sub}, {@code sup}, {@code u}, {@code smallcaps}, {@code del}, {@code kbd},
 * {@code abbr} (printed with its expansion, since paper has no tooltip), {@code math}, and a few synonyms.
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
