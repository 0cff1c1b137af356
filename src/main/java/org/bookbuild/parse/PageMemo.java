package org.bookbuild.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.RecordingWorld;
import org.bookbuild.io.World;
import org.bookbuild.model.Block;

/**
 * A resident process's memory of parsed pages ({@code book watch}): a page whose bytes, parse scope and every file it
 * looked at while being parsed (included files, notebooks' images, folder listings) are as they were is not parsed
 * again; its blocks and diagnostics are taken as the last parse left them. What a parse looked at is recorded through
 * a {@link World} that notes each question and its answer ({@link RecordingWorld}), so an edit to an included file parses
 * the page that includes it again. A parse that hit an internal error is not kept.
 */
public final class PageMemo {
  private final Map<String, Entry> pages = new ConcurrentHashMap<>();
  private int hits;

  /** What a page's parse gave, and what it depended on. */
  private record Entry(byte[] print, ParseScope scope, List<RecordingWorld.Fact> facts, List<Block> blocks, List<Diagnostic> diags) {}

  /** Pages taken from the memo so far (for tests). */
  public synchronized int hits() {
    return hits;
  }

  interface Parse {
    List<Block> run(World world, Diagnostics diags);
  }

  /** The blocks of {@code file}: remembered when nothing it depends on changed, else parsed through {@code parse}. */
  List<Block> page(World world, String file, byte[] content, ParseScope scope, Diagnostics diags, Parse parse) {
    byte[] print = RecordingWorld.fingerprint(content);
    Entry e = pages.get(file);
    if (e != null && Arrays.equals(e.print, print) && e.scope.equals(scope) && RecordingWorld.holds(e.facts, world)) {
      synchronized (this) {
        hits++;
      }
      for (Diagnostic d : e.diags) diags.report(d);
      return e.blocks;
    }
    RecordingWorld rec = new RecordingWorld(world);
    Diagnostics local = new Diagnostics();
    List<Block> blocks = parse.run(rec, local);
    diags.absorb(local);
    if (local.failures().isEmpty() && !rec.unknown()) {
      pages.put(file, new Entry(print, scope, rec.facts(), blocks, local.all()));
    } else {
      pages.remove(file);
    }
    return blocks;
  }

}
