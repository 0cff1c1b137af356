package org.bookbuild.pipeline;

import java.util.Optional;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.diff.Compare;
import org.bookbuild.edition.Editions;
import org.bookbuild.io.SourceVersion;
import org.bookbuild.io.World;
import org.bookbuild.model.Book;
import org.bookbuild.parse.BookReader;
import org.bookbuild.project.ConfigException;
import org.bookbuild.project.Project;
import org.bookbuild.project.ProjectLoader;
import org.bookbuild.style.Style;
import org.bookbuild.transform.Context;

/**
 * The previous edition, for "what changed": the project as committed at the {@code since} tag (by default the tag
 * before this build's commit) read through a git-tree world, parsed and transformed like this edition, then compared
 * ({@link Compare}). Problems in the old sources are not this edition's problems: they go to a scratch sink.
 */
final class Previous {
  private Previous() {}

  static Book compare(World world, Style style, Book book, String edition, String since, boolean review, Diagnostics diags) {
    Optional<SourceVersion> here = world.sourceVersion();
    String tag = since;
    if (tag == null || tag.isBlank()) {
      if (here.isEmpty()) return book;
      Optional<SourceVersion.Tag> prev = here.get().previous();
      if (prev.isEmpty()) return book;
      tag = prev.get().name();
    }
    Optional<World> old = world.atRevision(tag);
    if (old.isEmpty()) {
      diags.warn("since-unknown", SourcePos.NONE, "cannot compare with '" + tag + "': no such tag or commit in the"
          + " project's git repository; the book is built without change bars");
      return book;
    }
    Diagnostics scratch = new Diagnostics();
    Project oldProject;
    try {
      oldProject = ProjectLoader.load(old.get(), scratch);
    } catch (ConfigException | RuntimeException e) {
      diags.warn("since-unreadable", SourcePos.NONE, "cannot read the edition at '" + tag + "': " + e.getMessage()
          + "; the book is built without change bars");
      return book;
    }
    // the same edition as it was then (the base book if it had no such edition)
    Editions.Chosen chosen = Editions.choose(old.get(), oldProject, edition, style, scratch);
    if (chosen == null) chosen = Editions.choose(old.get(), oldProject, "", style, scratch);
    Project p = chosen.project();
    Book oldParsed = Editions.apply(BookReader.read(old.get(), p, scratch), chosen, scratch);
    Book oldBook = Guard.transforms(oldParsed, d -> new Context(p, style, d, old.get()), scratch).book();
    String version = book.meta().release().version();
    return Compare.apply(book, oldBook, style, new Compare.Options(version.isEmpty() ? "this edition" : version, tag, review));
  }
}
