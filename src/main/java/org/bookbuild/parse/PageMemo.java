package org.bookbuild.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;
import org.bookbuild.model.Block;

/**
 * A resident process's memory of parsed pages ({@code book watch}): a page whose bytes, parse scope and every file it
 * looked at while being parsed (included files, notebooks' images, folder listings) are as they were is not parsed
 * again; its blocks and diagnostics are taken as the last parse left them. What a parse looked at is recorded through
 * a {@link World} that notes each question and its answer ({@link Recording}), so an edit to an included file parses
 * the page that includes it again. A parse that hit an internal error is not kept.
 */
public final class PageMemo {
  private final Map<String, Entry> pages = new ConcurrentHashMap<>();
  private int hits;

  /** What a page's parse gave, and what it depended on. */
  private record Entry(byte[] sha, ParseScope scope, List<Fact> facts, List<Block> blocks, List<Diagnostic> diags) {}

  /** One answer the world gave during a parse; {@link #holds} asks again. */
  private interface Fact {
    boolean holds(World w);
  }

  /** Pages taken from the memo so far (for tests). */
  public synchronized int hits() {
    return hits;
  }

  interface Parse {
    List<Block> run(World world, Diagnostics diags);
  }

  /** The blocks of {@code file}: remembered when nothing it depends on changed, else parsed through {@code parse}. */
  List<Block> page(World world, String file, byte[] content, ParseScope scope, Diagnostics diags, Parse parse) {
    byte[] sha = sha(content);
    Entry e = pages.get(file);
    if (e != null && Arrays.equals(e.sha, sha) && e.scope.equals(scope) && holds(e.facts, world)) {
      synchronized (this) {
        hits++;
      }
      for (Diagnostic d : e.diags) diags.report(d);
      return e.blocks;
    }
    Recording rec = new Recording(world);
    Diagnostics local = new Diagnostics();
    List<Block> blocks = parse.run(rec, local);
    diags.absorb(local);
    if (local.failures().isEmpty() && !rec.unknown) {
      pages.put(file, new Entry(sha, scope, List.copyOf(rec.facts), blocks, local.all()));
    } else {
      pages.remove(file);
    }
    return blocks;
  }

  private static boolean holds(List<Fact> facts, World w) {
    for (Fact f : facts) if (!f.holds(w)) return false;
    return true;
  }

  static byte[] sha(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A world that notes every question a parse asks and the answer, for {@link #holds}. */
  static final class Recording implements World {
    private final World inner;
    final List<Fact> facts = new ArrayList<>();
    /** Set when the parse asked something that cannot be asked again (the memo then keeps nothing). */
    boolean unknown;

    Recording(World inner) {
      this.inner = inner;
    }

    @Override
    public String describeRoot() {
      return inner.describeRoot();
    }

    @Override
    public byte[] read(String relPath) throws IOException {
      byte[] b;
      try {
        b = inner.read(relPath);
      } catch (IOException e) {
        facts.add(w -> {
          try {
            w.read(relPath);
            return false;
          } catch (IOException again) {
            return true;
          }
        });
        throw e;
      }
      byte[] sha = sha(b);
      facts.add(w -> {
        try {
          return Arrays.equals(sha, sha(w.read(relPath)));
        } catch (IOException e) {
          return false;
        }
      });
      return b;
    }

    @Override
    public boolean exists(String relPath) {
      boolean answer = inner.exists(relPath);
      facts.add(w -> w.exists(relPath) == answer);
      return answer;
    }

    @Override
    public List<String> list(String relDir, boolean recursive) throws IOException {
      List<String> answer = inner.list(relDir, recursive);
      facts.add(w -> {
        try {
          return w.list(relDir, recursive).equals(answer);
        } catch (IOException e) {
          return false;
        }
      });
      return answer;
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
      Optional<String> answer = inner.env(name);
      facts.add(w -> w.env(name).equals(answer));
      return answer;
    }

    @Override
    public Path outputPath(String relPath) {
      return inner.outputPath(relPath);
    }

    @Override
    public void writeAtomically(Path target, IOWriter writer) throws IOException {
      inner.writeAtomically(target, writer);
      // a file the parse wrote (a notebook's image in the cache) must still be there for its blocks to hold
      facts.add(w -> Files.exists(target));
    }

    @Override
    public Optional<org.bookbuild.io.SourceVersion> sourceVersion() {
      unknown = true;
      return inner.sourceVersion();
    }

    @Override
    public Optional<World> atRevision(String revision) {
      unknown = true;
      return inner.atRevision(revision);
    }
  }
}
