package org.bookbuild.model;

import java.util.List;

/** What the book says about itself: shown on the title and copyright pages and written into the PDF's metadata. */
public record Metadata(
    String title,
    String subtitle,
    List<Author> authors,
    String date,
    String license,
    String copyright,
    String edition,
    String language,
    List<String> keywords,
    String description,
    Release release) {

  /** Metadata of a book with no release information (not built from version control, no named edition). */
  public Metadata(String title, String subtitle, List<Author> authors, String date, String license, String copyright,
      String edition, String language, List<String> keywords, String description) {
    this(title, subtitle, authors, date, license, copyright, edition, language, keywords, description, Release.NONE);
  }

  public Metadata {
    release = release == null ? Release.NONE : release;
  }

  public Metadata withRelease(Release r) {
    return new Metadata(title, subtitle, authors, date, license, copyright, edition, language, keywords, description, r);
  }

  /**
   * Which release of the book this build is: the version ({@code 2026-fall}, {@code 2026-fall+3}, or a commit id),
   * the commit and its date (ISO {@code yyyy-mm-dd}), whether the sources had uncommitted changes (a draft), the named
   * edition ({@code instructor}) with its title-page line, and the editions released before (for the XMP history).
   * Empty strings where unknown.
   */
  public record Release(String version, String commit, String date, boolean draft, String edition, String editionLine,
      List<Previous> history) {
    public static final Release NONE = new Release("", "", "", false, "", "", List.of());

    public Release {
      history = List.copyOf(history);
    }

    public boolean versioned() {
      return !version.isEmpty();
    }

    public String shortCommit() {
      return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    public Release withEdition(String name, String line) {
      return new Release(version, commit, date, draft, name, line, history);
    }
  }

  /** An earlier release: its version and date. */
  public record Previous(String version, String date) {}

  /** An author with optional affiliation and e-mail. */
  public record Author(String name, String affiliation, String email) {}

  public String authorNames() {
    return String.join(", ", authors.stream().map(Author::name).toList());
  }
}
