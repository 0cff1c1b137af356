package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FOP's reads of the tool's own files (font faces) reach the world once per session, however many runs ask. */
class ResourcesReadOnceTest {
  @TempDir Path dir;

  @Test
  void aBuiltInFileIsReadFromTheWorldOnceAndGivesTheSameBytesEveryTime() throws Exception {
    Counting w = new Counting(DiskWorld.of(dir));
    Resources r = new Resources(w, ResourceResolverFactory.createDefaultResourceResolver());
    String face = "styles/fonts/cmu/cmu-serif-500-roman.ttf";
    byte[] first = r.getResource(java.net.URI.create("classpath:" + face)).readAllBytes();
    byte[] second = r.getResource(java.net.URI.create("classpath:" + face)).readAllBytes();
    assertTrue(first.length > 100_000, "the face is read: " + first.length);
    assertArrayEquals(first, second);
    assertArrayEquals(w.inner.builtin(face).orElseThrow(), second);
    assertEquals(1, w.reads.get(face).get(), "read from the jar once");
    // a file the tool lacks is still an error, every time
    assertThrows(IOException.class, () -> r.getResource(java.net.URI.create("classpath:styles/no-such.ttf")));
    assertThrows(IOException.class, () -> r.getResource(java.net.URI.create("classpath:styles/no-such.ttf")));
  }

  /** Counts {@link World#builtin} calls by path; everything else is the inner world's. */
  private static final class Counting implements World {
    final World inner;
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    Counting(World inner) {
      this.inner = inner;
    }

    @Override
    public Optional<byte[]> builtin(String path) {
      reads.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      return inner.builtin(path);
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
  }
}
