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
    String description) {

  /** An author with optional affiliation and e-mail. */
  public record Author(String name, String affiliation, String email) {}

  public String authorNames() {
    return String.join(", ", authors.stream().map(Author::name).toList());
  }
}
