package org.bookbuild.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;

/**
 * GitHub's alerts, which mystmd reads too and README-style course notes use: a block quote whose first line is
 * {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]} is that admonition
 * (titled with the style's word for the kind, as GitHub titles it).
 */
final class GitHubAlerts {
  private static final Pattern MARKER = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*",
      Pattern.CASE_INSENSITIVE);

  private GitHubAlerts() {}

  /** The admonition a block quote's content stands for, or empty when it is a plain quotation. */
  static Optional<Block> of(SourcePos pos, List<Block> quoted) {
    if (quoted.isEmpty() || !(quoted.get(0) instanceof Block.Para p) || p.content().isEmpty()
        || !(p.content().get(0) instanceof Inline.Text t)) {
      return Optional.empty();
    }
    Matcher m = MARKER.matcher(t.text());
    if (!m.lookingAt()) return Optional.empty();
    List<Inline> rest = new ArrayList<>(p.content().subList(1, p.content().size()));
    String after = t.text().substring(m.end());
    if (!after.isEmpty()) rest.add(0, new Inline.Text(t.pos(), after));
    while (!rest.isEmpty() && (rest.get(0) instanceof Inline.SoftBreak || rest.get(0) instanceof Inline.LineBreak)) {
      rest.remove(0);
    }
    List<Block> content = new ArrayList<>();
    if (!rest.isEmpty()) content.add(new Block.Para(p.pos(), rest, false));
    content.addAll(quoted.subList(1, quoted.size()));
    String kind = m.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(new Block.Div(pos, Attr.classes(kind), List.of(), content));
  }
}
