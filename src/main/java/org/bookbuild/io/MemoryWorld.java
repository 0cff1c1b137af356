package org.bookbuild.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project held in memory, for tests and fuzzing: files are a map from project-relative path to bytes, built-in
 * resources come from the classpath, output goes under a folder the caller names. Sandboxing is the same string
 * logic as on disk ({@link Paths2}): {@code ../} above the root and absolute paths are refused.
 */
public final class MemoryWorld implements World {
  private final Map<String, byte[]> files = new TreeMap<>();
  private final Map<String, String> env;
  private final Path out;

  /** @param out folder for output and generated assets (created on demand) */
  public MemoryWorld(Path out, Map<String, String> env) {
    this.out = out;
    this.env = env;
  }

  public MemoryWorld put(String rel, String text) {
    files.put(rel, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public MemoryWorld put(String rel, byte[] bytes) {
    files.put(rel, bytes);
    return this;
  }

  private static String inside(String rel) throws SandboxException {
    String norm = Paths2.join("", rel);
    if (norm == null || rel.startsWith("/")) throw new SandboxException("path leaves the project folder: " + rel);
    return norm;
  }

  @Override
  public String describeRoot() {
    return "(memory)";
  }

  @Override
  public byte[] read(String relPath) throws IOException {
    byte[] b = files.get(inside(relPath));
    if (b == null) throw new NoSuchFileException(relPath);
    return b.clone();
  }

  @Override
  public boolean exists(String relPath) {
    try {
      return files.containsKey(inside(relPath));
    } catch (SandboxException e) {
      return false;
    }
  }

  @Override
  public List<String> list(String relDir, boolean recursive) throws IOException {
    String dir = inside(relDir);
    String prefix = dir.isEmpty() ? "" : dir + "/";
    return files.keySet().stream()
        .filter(f -> f.startsWith(prefix) && (recursive || f.indexOf('/', prefix.length()) < 0))
        .toList();
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
    return out.resolve(relPath);
  }

  @Override
  public void writeAtomically(Path target, IOWriter writer) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    writer.write(buf);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, buf.toByteArray());
  }
}
