package org.bookbuild.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A world that notes every question asked through it and the answer (files read, whether files exist, folder listings,
 * env, files written), so that a resident process's memo can later ask again ({@link #holds}) and know whether what
 * it kept still stands: the page memo of the parse stage and the chapter memo of the FO writer.
 */
public final class RecordingWorld extends ForwardingWorld {
  private final List<Fact> facts = new ArrayList<>();
  /** Set when the caller asked something that cannot be asked again (the memo then keeps nothing). */
  private boolean unknown;

  /** One answer the world gave; {@link #holds} asks again. */
  public interface Fact {
    boolean holds(World w);
  }

  /** The answers noted so far, in order. */
  public List<Fact> facts() {
    return List.copyOf(facts);
  }

  /** Notes one more thing to check again, asked outside this world (a file the caller read itself). */
  public void note(Fact f) {
    facts.add(f);
  }

  /** Whether something was asked that cannot be asked again (a memo then keeps nothing). */
  public boolean unknown() {
    return unknown;
  }

  /** Whether every fact still holds in {@code w}. */
  public static boolean holds(List<Fact> facts, World w) {
    for (Fact f : facts) if (!f.holds(w)) return false;
    return true;
  }

  /** The fingerprint a fact keeps of a file's bytes. */
  public static byte[] fingerprint(byte[] b) {
    return Fingerprint.of(b);
  }

  public RecordingWorld(World inner) {
    super(inner);
  }

  @Override
  public byte[] read(String relPath) throws IOException {
    byte[] b = noted(relPath, () -> inner.read(relPath));
    noteFile(relPath, fingerprint(b));
    return b;
  }

  @Override
  public byte[] fingerprint(String relPath) throws IOException {
    byte[] print = noted(relPath, () -> inner.fingerprint(relPath));
    noteFile(relPath, print);
    return print;
  }

  /** One look at a file through the wrapped world. */
  private interface Look {
    byte[] get() throws IOException;
  }

  /** What {@code look} gives; a file it cannot read is noted as such before the failure goes on. */
  private byte[] noted(String relPath, Look look) throws IOException {
    try {
      return look.get();
    } catch (IOException e) {
      noteFile(relPath, null);
      throw e;
    }
  }

  /** Notes that a file had the fingerprint {@code print} (null: it could not be read), to be asked again. */
  private void noteFile(String relPath, byte[] print) {
    facts.add(w -> {
      try {
        byte[] now = w.fingerprint(relPath);
        return print != null && Arrays.equals(print, now);
      } catch (IOException e) {
        return print == null;
      }
    });
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
  public Optional<String> env(String name) {
    Optional<String> answer = inner.env(name);
    facts.add(w -> w.env(name).equals(answer));
    return answer;
  }

  @Override
  public void writeAtomically(Path target, IOWriter writer) throws IOException {
    inner.writeAtomically(target, writer);
    // a file written while recording (a notebook's image in the cache) must still be there for its blocks to hold
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
