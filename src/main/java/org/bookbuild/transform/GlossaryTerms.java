package org.bookbuild.transform;

import java.util.List;
import java.util.Optional;
import org.bookbuild.model.Inline;
import org.bookbuild.project.ProjectLoader;

/**
 * Glossary terms and the {@code {term}} role. A glossary is a Div of kind {@code glossary} holding one Div of kind
 * {@code glossary-term} per term, whose id is {@link #id} of the term and whose title is the term; label collection
 * makes every term a target. A {@code {term}} reference resolves to a link to its entry printing the text as written
 * (or the explicit text); an unknown term is a {@code ref-unresolved} warning like any other reference.
 */
public final class GlossaryTerms {
  private GlossaryTerms() {}

  /** The id of a term's glossary entry: matching ignores case, spacing and accents, as Sphinx's term role does. */
  public static String id(String term) {
    return "term-" + ProjectLoader.slug(term);
  }

  static Optional<List<Inline>> resolve(Inline.Ref r, Context ctx) {
    return ctx.labels().get(id(r.label())).map(t -> List.of(new Inline.Link(r.pos(), "#" + t.id(),
        r.text().isEmpty() ? List.of(new Inline.Text(r.pos(), r.label())) : r.text())));
  }
}
