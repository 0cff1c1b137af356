package org.bookbuild.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The whole book in the model: metadata and parts (each holding chapters), in reading order. */
public record Book(Metadata meta, List<Part> parts) {
  /** All chapters in reading order. */
  public List<Chapter> chapters() {
    List<Chapter> all = new ArrayList<>();
    for (Part p : parts) all.addAll(p.chapters());
    return all;
  }

  /** A copy with every chapter replaced by {@code f(chapter)}. */
  public Book mapChapters(UnaryOperator<Chapter> f) {
    List<Part> ps = new ArrayList<>();
    for (Part p : parts) ps.add(p.withChapters(p.chapters().stream().map(f).toList()));
    return new Book(meta, ps);
  }
}
