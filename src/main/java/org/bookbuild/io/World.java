package org.bookbuild.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the build takes from or gives to the outside world: project files, built-in resources, environment and
 * output. The command line uses {@link DiskWorld}; tests may use {@link MemoryWorld}. No stage reads files, the clock
 * or the environment behind this interface's back, so builds are deterministic and sandboxed by construction.
 *
 * <p>Paths given to {@link #read} are project-relative with forward slashes ({@code chapters/01-intro.md}).
 */
public interface World {
  /** A short name for the project root, used in messages. */
  String describeRoot();

  /** Reads a project file. Fails with {@link SandboxException} for paths outside the project. */
  byte[] read(String relPath) throws IOException;

  /**
   * The {@link Fingerprint} of a project file's bytes, what the memos of a resident process compare to know whether a
   * file they depended on changed. A world may remember it for the rest of its build ({@link DiskWorld}).
   */
  default byte[] fingerprint(String relPath) throws IOException {
    return Fingerprint.of(read(relPath));
  }

  /** Whether a project file exists (and lies inside the project). */
  boolean exists(String relPath);

  /** Project-relative paths of the files directly or recursively under a folder, sorted. */
  List<String> list(String relDir, boolean recursive) throws IOException;

  /**
   * Resolves {@code target} as named inside the file {@code fromFile} (relative to that file's folder, or to the
   * project root when it starts with {@code /}) and returns the normalised project-relative path; fails with
   * {@link SandboxException} when the result lies outside the project.
   */
  String resolve(String fromFile, String target) throws SandboxException;

  /** A built-in resource shipped with the tool (for example {@code styles/default/page.yml}), if present. */
  default Optional<byte[]> builtin(String path) {
    try (java.io.InputStream in = World.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** An environment variable. */
  Optional<String> env(String name);

  /** Absolute path where project-relative output {@code relPath} goes (for the default output location). */
  Path outputPath(String relPath);

  /**
   * Writes a file completely and only then moves it into place, so that a failed build leaves the previous file
   * untouched.
   */
  void writeAtomically(Path target, IOWriter writer) throws IOException;

  /**
   * The version-control state of the project (tag, describe form, commit, date, uncommitted changes), if the project
   * lies in a git work tree.
   */
  default Optional<SourceVersion> sourceVersion() {
    return Optional.empty();
  }

  /**
   * The same project as of a git revision (a tag or commit id): a world that reads the files committed there and
   * writes output where this one does. Empty when the project is not in git or the revision does not exist.
   */
  default Optional<World> atRevision(String revision) {
    return Optional.empty();
  }

  /** Writes into an output stream. */
  @FunctionalInterface
  interface IOWriter {
    void write(OutputStream out) throws IOException;
  }
}
