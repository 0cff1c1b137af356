package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.io.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FOP's reads of the tool's own files (font faces) reach the world once per session, however many runs ask. */
class ResourcesReadOnceTest {
  @TempDir Path dir;

  @Test
  void aBuiltInFileIsReadFromTheWorldOnceAndGivesTheSameBytesEveryTime() throws Exception {
    DiskWorld disk = DiskWorld.of(dir);
    Counting w = new Counting(disk);
    Resources r = new Resources(w, ResourceResolverFactory.createDefaultResourceResolver());
    String face = "styles/fonts/cmu/cmu-serif-500-roman.ttf";
    byte[] first = r.getResource(java.net.URI.create("classpath:" + face)).readAllBytes();
    byte[] second = r.getResource(java.net.URI.create("classpath:" + face)).readAllBytes();
    assertTrue(first.length > 100_000, "the face is read: " + first.length);
    assertArrayEquals(first, second);
    assertArrayEquals(disk.builtin(face).orElseThrow(), second);
    assertEquals(1, w.reads.get(face).get(), "read from the jar once");
    // a file the tool lacks is still an error, every time
    assertThrows(IOException.class, () -> r.getResource(java.net.URI.create("classpath:styles/no-such.ttf")));
    assertThrows(IOException.class, () -> r.getResource(java.net.URI.create("classpath:styles/no-such.ttf")));
  }

  /** Counts {@link World#builtin} calls by path; everything else is the inner world's. */
  private static final class Counting extends org.bookbuild.io.ForwardingWorld {
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    Counting(World inner) {
      super(inner);
    }

    @Override
    public Optional<byte[]> builtin(String path) {
      reads.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      return inner.builtin(path);
    }
  }
}
