package org.bookbuild.io.git;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.Paths2;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.SourceVersion;
import org.bookbuild.io.World;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * A project as committed at one revision: every file is read from the git tree, never from the work tree, so a build
 * through this world depends on the commit alone (that is what makes {@code book release} reproducible). Output goes
 * where the world it was opened from writes. Symbolic links in the tree are refused like links out of a project.
 */
public final class GitWorld implements World {
  private final GitRepo git;
  private final RevTree tree;
  private final SourceVersion version;
  private final World output;
  private final Map<String, String> env;

  GitWorld(GitRepo git, RevTree tree, SourceVersion version, World output, Map<String, String> env) {
    this.git = git;
    this.tree = tree;
    this.version = version;
    this.output = output;
    this.env = env;
  }

  private static String inside(String rel) throws SandboxException {
    String norm = Paths2.join("", rel);
    if (norm == null || rel.startsWith("/")) throw new SandboxException("path leaves the project folder: " + rel);
    return norm;
  }

  @Override
  public String describeRoot() {
    return output.describeRoot() + " @ " + version.version();
  }

  @Override
  public byte[] read(String relPath) throws IOException {
    String p = git.sub() + inside(relPath);
    try (TreeWalk tw = TreeWalk.forPath(git.repository(), p, tree)) {
      if (tw == null) throw new NoSuchFileException(relPath);
      FileMode mode = tw.getFileMode(0);
      if (mode == FileMode.SYMLINK) throw new SandboxException("symbolic link in the committed tree: " + relPath);
      if ((mode.getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) throw new NoSuchFileException(relPath);
      ObjectLoader l = git.repository().open(tw.getObjectId(0));
      if (l.getSize() > DiskWorld.MAX_FILE_BYTES) {
        throw new IOException(relPath + " is larger than " + (DiskWorld.MAX_FILE_BYTES >> 20) + " MB; not read");
      }
      return l.getBytes();
    }
  }

  @Override
  public boolean exists(String relPath) {
    try {
      String p = git.sub() + inside(relPath);
      try (TreeWalk tw = TreeWalk.forPath(git.repository(), p, tree)) {
        return tw != null && (tw.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
      }
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public List<String> list(String relDir, boolean recursive) throws IOException {
    String dir = inside(relDir);
    String prefix = git.sub() + (dir.isEmpty() ? "" : dir + "/");
    List<String> out = new ArrayList<>();
    try (TreeWalk tw = new TreeWalk(git.repository())) {
      tw.addTree(tree);
      tw.setRecursive(true);
      if (!prefix.isEmpty()) tw.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
      while (tw.next()) {
        String path = tw.getPathString();
        if (!path.startsWith(prefix) || (tw.getFileMode(0).getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) continue;
        if (!recursive && path.indexOf('/', prefix.length()) >= 0) continue;
        out.add(path.substring(git.sub().length()));
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public String resolve(String fromFile, String target) throws SandboxException {
    String joined = Paths2.join(fromFile, target);
    if (joined == null) throw new SandboxException("path leaves the project folder: " + target);
    return joined;
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  @Override
  public Path outputPath(String relPath) {
    return output.outputPath(relPath);
  }

  @Override
  public void writeAtomically(Path target, IOWriter writer) throws IOException {
    output.writeAtomically(target, writer);
  }

  @Override
  public Optional<SourceVersion> sourceVersion() {
    return Optional.of(version);
  }

  @Override
  public Optional<World> atRevision(String revision) {
    return git.world(revision, output, env);
  }
}
