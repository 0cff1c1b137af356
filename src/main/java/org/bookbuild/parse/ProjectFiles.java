package org.bookbuild.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;
import org.bookbuild.parse.directive.DirectiveContext.Included;

/**
 * Reading a file an {@code include} or {@code literalinclude} names, for every chapter format: relative to the file
 * being parsed, through the project's World (so never outside the project), at most {@link #MAX_INCLUDE_DEPTH} deep.
 */
public final class ProjectFiles {
  public static final int MAX_INCLUDE_DEPTH = 8;

  private ProjectFiles() {}

  /**
   * The file {@code path} names from {@code file}; reports {@code include-missing}, {@code include-cycle} or
   * {@code path-outside-project} at {@code pos} and gives nothing when it cannot be read.
   */
  public static Optional<Included> read(World world, Diagnostics diags, String file, int depth, String path,
      SourcePos pos) {
    if (world == null) {
      diags.error("include-missing", pos, "cannot read " + path + ": no project files available here");
      return Optional.empty();
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
      diags.error("include-cycle", pos, "includes nested more than " + MAX_INCLUDE_DEPTH + " deep: " + path);
      return Optional.empty();
    }
    try {
      String rel = world.resolve(file, path.trim());
      if (!world.exists(rel)) {
        diags.error("include-missing", pos, "file not found: " + path);
        return Optional.empty();
      }
      return Optional.of(new Included(rel, new String(SourceText.utf8(rel, world.read(rel), diags), StandardCharsets.UTF_8)));
    } catch (SandboxException e) {
      diags.error("path-outside-project", pos, "refusing to read a file outside the project: " + path);
      return Optional.empty();
    } catch (IOException e) {
      diags.error("include-missing", pos, "cannot read " + path + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
