package org.bookbuild.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The real world: a project folder on disk, resources from the classpath, the process environment. */
public final class DiskWorld implements World {
  /** Largest project file read (sources, images, data): bigger ones are refused rather than filling the heap. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  private final Path root;
  private final Map<String, String> env;
  private Optional<org.bookbuild.io.git.GitRepo> git;
  /** Project files asked for so far: a build is a draft when one of these differs from the commit. */
  private final java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /**
   * Fingerprints of files read for {@link #fingerprint}, by absolute path, for the rest of this world's build: the
   * memos of {@code book watch} check the same images several times a build (transforms, FO, layout keys), and a
   * world is made per build (a file changed meanwhile starts another build). A file written through this world is
   * forgotten.
   */
  private final Map<Path, byte[]> prints = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Where the project's {@code out/} folder is: {@code root/out}, or the folder of the PDF that {@code --out} names
   * ({@link #withOutput}), so that a build with {@code --out} elsewhere writes nothing (caches included) into the
   * project folder, which may be read-only.
   */
  private final Path out;

  /** @param root the project folder; must exist and be readable. */
  public DiskWorld(Path root, Map<String, String> env) throws IOException {
    this.root = root.toRealPath();
    this.env = env;
    this.out = this.root.resolve("out");
  }

  private DiskWorld(DiskWorld base, Path out) {
    this.root = base.root;
    this.env = base.env;
    this.git = base.git;
    this.out = out;
  }

  /**
   * The same project with its output folder elsewhere: every project-relative {@code out/…} path (the PDF's default
   * place, {@code out/.cache/} of figures, notebook outputs and layouts, split chapters) goes into {@code dir}.
   */
  public DiskWorld withOutput(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    return d.equals(out) ? this : new DiskWorld(this, d);
  }

  /** The output folder for a project-relative path under {@code out/}, or null for any other path. */
  private Path inOutput(String norm) {
    if (norm.equals("out")) return out;
    if (norm.startsWith("out/")) return out.resolve(norm.substring(4));
    return null;
  }

  public static DiskWorld of(Path root) throws IOException {
    return new DiskWorld(root, System.getenv());
  }

  @Override
  public String describeRoot() {
    return root.toString();
  }

  private Path inside(String rel) throws IOException {
    String norm = Paths2.join("", rel);
    if (norm == null || rel.startsWith("/")) throw new SandboxException("path leaves the project folder: " + rel);
    Path o = inOutput(norm);
    if (o != null && !out.equals(root.resolve("out"))) {
      if (Files.exists(o)) {
        Path real = o.toRealPath();
        Path base = Files.exists(out) ? out.toRealPath() : out;
        if (!real.startsWith(base)) throw new SandboxException("path leads outside the output folder: " + rel);
        return real;
      }
      return o;
    }
    Path p = root.resolve(norm);
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
      Path real = p.toRealPath();
      if (!real.startsWith(root)) throw new SandboxException("path leads outside the project folder: " + rel);
      return real;
    }
    return p;
  }

  @Override
  public byte[] read(String relPath) throws IOException {
    note(relPath);
    Path p = inside(relPath);
    if (!Files.isRegularFile(p)) throw new NoSuchFileException(relPath);
    if (Files.size(p) > MAX_FILE_BYTES) {
      throw new IOException(relPath + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB; not read");
    }
    return Files.readAllBytes(p);
  }

  @Override
  public byte[] fingerprint(String relPath) throws IOException {
    Path p = inside(relPath);
    byte[] known = prints.get(p);
    if (known != null) {
      note(relPath);
      return known;
    }
    byte[] print = Fingerprint.of(read(relPath));
    prints.put(p, print);
    return print;
  }

  @Override
  public boolean exists(String relPath) {
    note(relPath);
    try {
      return Files.isRegularFile(inside(relPath));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public List<String> list(String relDir, boolean recursive) throws IOException {
    Path dir = inside(relDir);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Override
  public String resolve(String fromFile, String target) throws SandboxException {
    String joined = Paths2.join(fromFile, target);
    if (joined == null) throw new SandboxException("path leaves the project folder: " + target);
    try {
      inside(joined);
    } catch (SandboxException e) {
      throw e;
    } catch (IOException e) {
      // unreadable is reported by the reader, not here
    }
    return joined;
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  @Override
  public Path outputPath(String relPath) {
    String norm = Paths2.join("", relPath);
    Path o = norm == null ? null : inOutput(norm);
    return o != null ? o : root.resolve(relPath);
  }

  @Override
  public Optional<SourceVersion> sourceVersion() {
    return git().flatMap(g -> g.headVersion(java.util.Set.copyOf(asked)));
  }

  private void note(String relPath) {
    String norm = Paths2.join("", relPath);
    if (norm != null) asked.add(norm);
  }

  @Override
  public Optional<World> atRevision(String revision) {
    return git().flatMap(g -> g.world(revision, this, env));
  }

  private Optional<org.bookbuild.io.git.GitRepo> git() {
    if (git == null) git = org.bookbuild.io.git.GitRepo.find(root);
    return git;
  }

  @Override
  public void writeAtomically(Path target, IOWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = null;
    try {
      // CREATE_NEW with the default mode, so the file gets the permissions the umask gives (a readable PDF for a
      // web server or a colleague), not createTempFile's 0600
      OutputStream out = null;
      for (int attempt = 0; out == null; attempt++) {
        Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
            + ".part");
        try {
          out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          tmp = candidate;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) throw e;
        }
      }
      try (OutputStream o = out) {
        writer.write(o);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (tmp != null) Files.deleteIfExists(tmp);
      prints.remove(target.toAbsolutePath().normalize());
      if (Files.exists(target)) prints.remove(target.toRealPath());
    }
  }
}
