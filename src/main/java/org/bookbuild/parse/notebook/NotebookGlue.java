package org.bookbuild.parse.notebook;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.Fingerprint;
import org.bookbuild.io.World;
import org.bookbuild.parse.MarkdownParser;
import org.bookbuild.parse.directive.Glued;

/**
 * The values another notebook of the book glued (MyST-NB's {@code glue()}), for a page that pastes them: Jupyter Book
 * 1 writes {@code {glue}`other.ipynb::name`}, Jupyter Book 0.x looked every glued name up book-wide. Read through the
 * {@link World} on every call (so a resident build sees the notebook change), converted once per content.
 */
public final class NotebookGlue {
  private static final MarkdownParser MD = new MarkdownParser();
  /** Glued values by the notebook's content fingerprint (a few notebooks, kept for the process). */
  private static final Map<String, Map<String, Glued>> SEEN = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Glued>> e) {
          return size() > 64;
        }
      });

  private NotebookGlue() {}

  /** What the notebook at {@code file} (project-relative) glued, by name; empty when it cannot be read. */
  public static Map<String, Glued> of(World world, String file) {
    if (world == null || !world.exists(file)) return Map.of();
    byte[] content;
    try {
      content = world.read(file);
    } catch (IOException e) {
      return Map.of();
    }
    String key = file + "\u0000" + new Fingerprint().add(content).hex();
    Map<String, Glued> known = SEEN.get(key);
    if (known != null) return known;
    // the notebook's own build reports what is wrong with it; this read stays quiet
    Outputs outputs = new Outputs(world, new Diagnostics(), MD);
    Map<String, Glued> glue = new LinkedHashMap<>();
    try {
      new NotebookStream(file).read(content, c -> {
        for (NotebookStream.Output o : c.outputs()) {
          if (o.glued()) glue.put(o.glue(), NotebookFormat.glued(o, outputs));
        }
      });
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    Map<String, Glued> out = Map.copyOf(glue);
    SEEN.put(key, out);
    return out;
  }
}
