package org.bookbuild.project;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/**
 * One project format: which configuration file it reads, whether a parsed file of that name is in its shape, and how
 * it becomes a {@link ProjectDescription}. Registered in {@link ProjectLoader#READERS}; a new format is one more entry.
 */
interface ProjectReader {
  /** The configuration file this format is recognised by ({@code book.yml}, {@code myst.yml}, {@code _toc.yml}). */
  String file();

  /** Whether the parsed file is this format (two formats share {@code _toc.yml}: a mapping or a list). */
  boolean accepts(Value root);

  ProjectDescription read(World world, Value root, Diagnostics diags) throws ConfigException;
}
