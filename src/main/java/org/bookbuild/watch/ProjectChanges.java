package org.bookbuild.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Tells when files of a project changed: sources, notebooks, figure specs, data, images, the project's style and its
 * configuration — every file under the project folder except what the build itself writes ({@code out/}, the PDF and
 * its FO wherever {@code --out} puts them) and hidden or tool folders ({@code .git}, {@code _build},
 * {@code node_modules}). The operating system's file notification ({@link WatchService}, inotify on Linux) is used,
 * every folder registered, new ones as they appear; where it is unavailable the tree is polled for sizes and times.
 *
 * <p>This class only observes; every byte the build reads still goes through {@code io.World}.
 */
final class ProjectChanges implements Closeable {
  /**
   * Quiet time that ends a burst of events (an editor's save is several: write, rename, attribute change, all within a
   * millisecond or two of each other). It is waited out after every save before the build starts, so it counts in the
   * time to the preview: 30 ms rather than 60. A save slower than that (a script writing many files) gives one more
   * build, which the next one follows.
   */
  static final long DEBOUNCE_MS = 30;
  /** A burst is cut after this long even if events keep coming (a script rewriting many files). */
  static final long BURST_MAX_MS = 1000;
  private static final long POLL_MS = 400;
  private static final Set<String> SKIPPED_DIRS = Set.of("out", "_build", "node_modules", "__pycache__", "target");

  private final Path root;
  private final Predicate<Path> ignored;
  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new HashMap<>();
  private volatile boolean closed;
  // polling fallback: last seen size and modification time per file
  private Map<Path, String> snapshot;

  /**
   * @param root the project folder (real path)
   * @param outputs files the build writes, ignored wherever they are (the PDF, its FO)
   */
  ProjectChanges(Path root, Set<Path> outputs, boolean poll) throws IOException {
    this.root = root;
    this.ignored = p -> outputs.contains(p) || isOwnOutput(p, outputs) || skipped(root.relativize(p));
    WatchService ws = null;
    if (!poll) {
      try {
        ws = FileSystems.getDefault().newWatchService();
        registerTree(ws, root);
      } catch (IOException | UnsupportedOperationException e) {
        if (ws != null) ws.close();
        ws = null;
        dirs.clear();
      }
    }
    this.service = ws;
    if (service == null) snapshot = scan();
  }

  /** Whether the operating system notifies changes (false: the tree is polled). */
  boolean notified() {
    return service != null;
  }

  /** The build writes {@code .NAME.*.part} next to each output before moving it into place. */
  private static boolean isOwnOutput(Path p, Set<Path> outputs) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    for (Path o : outputs) {
      if (p.getParent() != null && p.getParent().equals(o.getParent()) && name.startsWith("." + o.getFileName() + ".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean skipped(Path rel) {
    for (int i = 0; i < rel.getNameCount(); i++) {
      String s = rel.getName(i).toString();
      if (s.startsWith(".") || s.endsWith("~") || i == 0 && SKIPPED_DIRS.contains(s)) return true;
    }
    return false;
  }

  private void registerTree(WatchService ws, Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path d : (Iterable<Path>) s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
        if (!d.equals(root) && ignored.test(d)) continue;
        WatchKey k = d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        dirs.put(k, d);
      }
    }
  }

  /**
   * Waits for the next change and returns the project-relative paths that changed in that burst (sorted); returns an
   * empty set once {@link #close} was called.
   */
  Set<String> await() throws InterruptedException {
    Set<String> changed = new TreeSet<>();
    while (!closed && changed.isEmpty()) {
      if (service == null) {
        Thread.sleep(POLL_MS);
        changed.addAll(pollChanges());
        continue;
      }
      try {
        WatchKey first = service.take();
        long burstEnd = System.nanoTime() + BURST_MAX_MS * 1_000_000;
        WatchKey k = first;
        while (k != null) {
          drain(k, changed);
          if (System.nanoTime() > burstEnd) break;
          k = service.poll(DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
      } catch (ClosedWatchServiceException e) {
        return Set.of();
      }
    }
    return closed ? Set.of() : changed;
  }

  private void drain(WatchKey k, Set<String> changed) {
    Path dir = dirs.get(k);
    for (WatchEvent<?> ev : k.pollEvents()) {
      if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed.add("(many files)");
        continue;
      }
      if (dir == null) continue;
      Path p = dir.resolve((Path) ev.context());
      if (ignored.test(p)) continue;
      if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          registerTree(service, p);
        } catch (IOException | ClosedWatchServiceException e) {
          // a folder that vanished again, or we are closing
        }
      }
      changed.add(root.relativize(p).toString().replace('\\', '/'));
    }
    if (!k.reset()) dirs.remove(k);
  }

  private Set<String> pollChanges() {
    Map<Path, String> now;
    try {
      now = scan();
    } catch (IOException e) {
      return Set.of();
    }
    Set<String> changed = new TreeSet<>();
    for (var e : now.entrySet()) {
      if (!e.getValue().equals(snapshot.get(e.getKey()))) changed.add(root.relativize(e.getKey()).toString());
    }
    for (Path p : snapshot.keySet()) if (!now.containsKey(p)) changed.add(root.relativize(p).toString());
    snapshot = now;
    return changed;
  }

  private Map<Path, String> scan() throws IOException {
    Map<Path, String> files = new HashMap<>();
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
        return !d.equals(root) && ignored.test(d) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
            : java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a) {
        if (!ignored.test(f)) files.put(f, a.size() + "@" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    return files;
  }

  @Override
  public void close() {
    closed = true;
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        // closing a watch service does not fail in a way that matters here
      }
    }
  }
}
