package org.bookbuild.model;

import java.util.List;

/** A group of chapters. A part with an empty title is no part at all: its chapters stand on their own. */
public record Part(String id, String title, List<Chapter> chapters) {
  public boolean isReal() {
    return !title.isEmpty();
  }

  public Part withChapters(List<Chapter> cs) {
    return new Part(id, title, cs);
  }
}
