package org.bookbuild.edition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A book in a real git repository made with JGit: write files, commit at a fixed time, tag. */
final class GitBooks implements AutoCloseable {
  final Path dir;
  final Git git;
  private long clock = Instant.parse("2026-01-10T12:00:00Z").getEpochSecond();

  GitBooks(Path dir) throws GitAPIException {
    this.dir = dir;
    this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  GitBooks write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return this;
  }

  GitBooks write(Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) write(e.getKey(), e.getValue());
    return this;
  }

  /** Commits everything (new, changed and deleted files) a day after the previous commit; returns the commit id. */
  String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    clock += 86_400;
    PersonIdent who = new PersonIdent("Ada Author", "ada@example.invalid", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
  }

  void tag(String name) throws GitAPIException {
    PersonIdent who = new PersonIdent("Ada Author", "ada@example.invalid", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
    git.tag().setName(name).setAnnotated(true).setMessage("edition " + name).setTagger(who).setSigned(false).call();
  }

  @Override
  public void close() {
    git.close();
  }

  static {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }
}
