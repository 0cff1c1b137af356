package org.bookbuild.fo;

import java.io.IOException;
import java.util.Optional;
import org.bookbuild.io.World;

/**
 * Where a style's font file comes from: {@code classpath:} resources (fonts in Maven jars), the built-in
 * {@code styles/} folder, or the project folder (a project overlay bringing its own fonts).
 */
public final class FontFiles {
  private FontFiles() {}

  public static Optional<byte[]> bytes(String source, World world) {
    if (source.startsWith("classpath:")) return world.builtin(source.substring("classpath:".length()));
    if (world.exists(source)) {
      try {
        return Optional.of(world.read(source));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return world.builtin(source);
  }
}
