package org.bookbuild.io.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bookbuild.io.SourceVersion;
import org.bookbuild.io.World;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A project folder inside a git work tree, read with JGit (no {@code git} process): the version of the checked-out
 * commit, the tags before it, whether the project's files differ from it, and the project as of any revision
 * ({@link GitWorld}). JGit types stay in this package.
 */
public final class GitRepo {
  private final Repository repo;
  /** The project folder relative to the work tree, with a trailing slash ("" at the top). */
  private final String sub;

  private GitRepo(Repository repo, String sub) {
    this.repo = repo;
    this.sub = sub;
  }

  /** The git work tree holding {@code projectRoot}, if there is one with at least one commit. */
  public static Optional<GitRepo> find(Path projectRoot) {
    try {
      FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true).findGitDir(projectRoot.toFile());
      if (b.getGitDir() == null) return Optional.empty();
      Repository repo = b.build();
      if (repo.isBare() || repo.resolve(Constants.HEAD + "^{commit}") == null) return Optional.empty();
      Path work = repo.getWorkTree().toPath().toRealPath();
      Path root = projectRoot.toRealPath();
      if (!root.startsWith(work)) return Optional.empty();
      String rel = work.relativize(root).toString().replace(File.separatorChar, '/');
      return Optional.of(new GitRepo(repo, rel.isEmpty() ? "" : rel + "/"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  String sub() {
    return sub;
  }

  Repository repository() {
    return repo;
  }

  /**
   * The version of the checked-out commit, with {@code dirty} set when one of the project files {@code read} (paths
   * relative to the project) differs from it: modified, staged, deleted or new and not ignored.
   */
  public Optional<SourceVersion> headVersion(Set<String> read) {
    try {
      ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
      if (head == null) return Optional.empty();
      SourceVersion v = versionOf(head);
      return Optional.of(new SourceVersion(v.version(), v.tag(), v.commit(), v.date(), dirty(read), v.tags()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The commit a revision names (tag, branch, id), if it exists. */
  public Optional<ObjectId> commitOf(String revision) {
    try {
      return Optional.ofNullable(repo.resolve(revision + "^{commit}"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The project as committed at {@code revision}, writing its output through {@code output}. */
  public Optional<World> world(String revision, World output, Map<String, String> env) {
    Optional<ObjectId> c = commitOf(revision);
    if (c.isEmpty()) return Optional.empty();
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit commit = rw.parseCommit(c.get());
      return Optional.of(new GitWorld(this, commit.getTree(), versionOf(commit), output, env));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Tag, describe form, date and the tags reachable from {@code id} (never dirty: committed content). */
  SourceVersion versionOf(ObjectId id) throws IOException {
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(id);
      List<SourceVersion.Tag> reachable = new ArrayList<>();
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        Ref peeled = repo.getRefDatabase().peel(ref);
        ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
        RevObject o = rw.parseAny(target);
        if (!(o instanceof RevCommit tc)) continue;
        rw.parseHeaders(tc);
        if (!rw.isMergedInto(tc, rw.parseCommit(c))) continue;
        reachable.add(new SourceVersion.Tag(Repository.shortenRefName(ref.getName()), tc.name(),
            Instant.ofEpochSecond(tc.getCommitTime())));
      }
      reachable.sort(Comparator.comparing(SourceVersion.Tag::date).thenComparing(SourceVersion.Tag::name));
      String tag = "";
      for (SourceVersion.Tag t : reachable) if (t.commit().equals(c.name())) tag = t.name();
      String version;
      if (!tag.isEmpty()) {
        version = tag;
      } else {
        String best = null;
        int bestCount = Integer.MAX_VALUE;
        for (SourceVersion.Tag t : reachable) {
          int n = commitsSince(c, ObjectId.fromString(t.commit()));
          if (n < bestCount || (n == bestCount && best != null && t.name().compareTo(best) > 0)) {
            bestCount = n;
            best = t.name();
          }
        }
        version = best == null ? c.name().substring(0, 7) : best + "+" + bestCount;
      }
      return new SourceVersion(version, tag, c.name(), Instant.ofEpochSecond(c.getCommitTime()), false, reachable);
    }
  }

  private int commitsSince(RevCommit head, ObjectId tag) throws IOException {
    try (RevWalk rw = new RevWalk(repo)) {
      rw.markStart(rw.parseCommit(head));
      rw.markUninteresting(rw.parseCommit(tag));
      int n = 0;
      for (RevCommit ignored : rw) n++;
      return n;
    }
  }

  private boolean dirty(Set<String> read) {
    try {
      var cmd = Git.wrap(repo).status();
      if (!sub.isEmpty()) cmd.addPath(sub.substring(0, sub.length() - 1));
      Status s = cmd.call();
      Set<String> changed = new TreeSet<>();
      changed.addAll(s.getAdded());
      changed.addAll(s.getChanged());
      changed.addAll(s.getModified());
      changed.addAll(s.getRemoved());
      changed.addAll(s.getMissing());
      changed.addAll(s.getConflicting());
      changed.addAll(s.getUntracked());
      changed.removeIf(p -> !p.startsWith(sub) || !read.contains(p.substring(sub.length())));
      return !changed.isEmpty();
    } catch (GitAPIException | RuntimeException e) {
      return true;
    }
  }
}
