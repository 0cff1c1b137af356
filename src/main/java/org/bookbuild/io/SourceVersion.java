package org.bookbuild.io;

import java.time.Instant;
import java.util.List;

/**
 * What version control says about the sources a build reads: the release name ({@code 2026-fall} at a tag, the
 * describe form {@code 2026-fall+3} after it, the short commit id without any tag), the commit and its date, whether
 * the files differ from the commit (a draft), and the editions released before (tags reachable from the commit,
 * oldest first). No library types: the git reader lives in {@code io.git}.
 *
 * @param tag the tag at the commit, or empty
 * @param tags tags reachable from the commit (the commit's own tag included), oldest first
 */
public record SourceVersion(String version, String tag, String commit, Instant date, boolean dirty, List<Tag> tags) {
  public SourceVersion {
    tags = List.copyOf(tags);
  }

  /** A released edition: tag name, commit and commit date. */
  public record Tag(String name, String commit, Instant date) {}

  /** The commit id as people quote it (7 hex digits). */
  public String shortCommit() {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }

  /** The edition released before this one: the newest reachable tag that is not this commit's own tag. */
  public java.util.Optional<Tag> previous() {
    for (int i = tags.size() - 1; i >= 0; i--) {
      if (!tags.get(i).commit().equals(commit)) return java.util.Optional.of(tags.get(i));
    }
    return java.util.Optional.empty();
  }
}
