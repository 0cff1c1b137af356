package org.bookbuild.diag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Source lines for printing diagnostics with their context. Each file is read once (through whatever the caller
 * passes, normally the build's World) and indexed by line start; files that cannot be read give no context.
 */
public final class SourceLines {
  /** Reads a project file's bytes; returns null (or throws) when it cannot. */
  @FunctionalInterface
  public interface Reader {
    byte[] read(String file) throws Exception;
  }

  private record Indexed(String text, int[] starts) {}

  private final Reader reader;
  private final Map<String, Indexed> cache = new HashMap<>();

  public SourceLines(Reader reader) {
    this.reader = reader;
  }

  /** Line {@code line} (1-based) of {@code file} without its line end, if the file and line exist. */
  public Optional<String> line(String file, int line) {
    if (file == null || file.isEmpty() || line < 1) return Optional.empty();
    Indexed ix = cache.computeIfAbsent(file, this::load);
    if (ix == null || line > ix.starts.length) return Optional.empty();
    int start = ix.starts[line - 1];
    int end = line < ix.starts.length ? ix.starts[line] - 1 : ix.text.length();
    if (end > start && ix.text.charAt(end - 1) == '\r') end--;
    return Optional.of(ix.text.substring(start, Math.max(start, end)));
  }

  private Indexed load(String file) {
    try {
      byte[] b = reader.read(file);
      if (b == null) return null;
      String text = new String(b, StandardCharsets.UTF_8);
      int[] s = new int[64];
      int n = 0;
      s[n++] = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          if (n == s.length) s = Arrays.copyOf(s, n * 2);
          s[n++] = i + 1;
        }
      }
      return new Indexed(text, Arrays.copyOf(s, n));
    } catch (Exception | OutOfMemoryError e) {
      return null;
    }
  }
}
