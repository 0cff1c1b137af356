package org.bookbuild.parse.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test corpus beside the repository (or its worktree), wherever the build runs from. */
public final class CorpusAccess {
  private CorpusAccess() {}

  public static Path path(String rel) {
    for (String base : new String[] {"../shared/corpus", "../../shared/corpus", "/work/shared/corpus"}) {
      Path p = Path.of(base, rel);
      if (Files.exists(p)) return p;
    }
    return Path.of("../shared/corpus", rel);
  }
}
