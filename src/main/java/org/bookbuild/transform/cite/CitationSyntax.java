package org.bookbuild.transform.cite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.transform.ChapterWise;
import org.bookbuild.transform.Context;

/**
 * Citations written as Pandoc and mystmd write them ({@code [@key]}, {@code @key [p. 3]}) read into the citation
 * references the {@code {cite}} roles make ({@link PandocCitations}), before {@link Citations} numbers them. Only keys
 * the project's bibliography holds are taken, so a chapter's turn is told the set of keys.
 */
public final class CitationSyntax implements ChapterWise<Set<String>, Set<String>> {
  @Override
  public Set<String> begin(Book book, Context ctx) {
    List<String> files = ctx.project().options().bibliography();
    Map<String, BibEntry> bib = files.isEmpty() ? Map.of() : BibFiles.load(files, ctx.world(), ctx.diags());
    return Set.copyOf(bib.keySet());
  }

  @Override
  public Set<String> facts(Set<String> keys, Chapter ch) {
    return keys;
  }

  @Override
  public Done chapter(Set<String> state, Set<String> keys, Chapter ch, Context ctx) {
    return new Done(ch.withBlocks(new PandocCitations(keys).blocks(ch.blocks())), null);
  }
}
