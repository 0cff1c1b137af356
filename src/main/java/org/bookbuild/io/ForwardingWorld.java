package org.bookbuild.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A world that passes every question on to the world it wraps: the base of a decorator that changes or notes only some
 * of them ({@link RecordingWorld} notes answers for a resident process's memos; tests count reads), so that each
 * decorator says only what it adds and a method added to {@link World} reaches the wrapped world everywhere.
 */
public abstract class ForwardingWorld implements World {
  protected final World inner;

  protected ForwardingWorld(World inner) {
    this.inner = inner;
  }

  @Override
  public String describeRoot() {
    return inner.describeRoot();
  }

  @Override
  public byte[] read(String relPath) throws IOException {
    return inner.read(relPath);
  }

  @Override
  public byte[] fingerprint(String relPath) throws IOException {
    return inner.fingerprint(relPath);
  }

  @Override
  public boolean exists(String relPath) {
    return inner.exists(relPath);
  }

  @Override
  public List<String> list(String relDir, boolean recursive) throws IOException {
    return inner.list(relDir, recursive);
  }

  @Override
  public String resolve(String fromFile, String target) throws SandboxException {
    return inner.resolve(fromFile, target);
  }

  @Override
  public Optional<byte[]> builtin(String path) {
    return inner.builtin(path);
  }

  @Override
  public Optional<String> env(String name) {
    return inner.env(name);
  }

  @Override
  public Path outputPath(String relPath) {
    return inner.outputPath(relPath);
  }

  @Override
  public void writeAtomically(Path target, IOWriter writer) throws IOException {
    inner.writeAtomically(target, writer);
  }

  @Override
  public Optional<SourceVersion> sourceVersion() {
    return inner.sourceVersion();
  }

  @Override
  public Optional<World> atRevision(String revision) {
    return inner.atRevision(revision);
  }
}
