package org.bookbuild.project;

import java.util.List;
import org.bookbuild.project.YamlTree.Value;

/**
 * What every project format is read into, whatever its files look like: the settings under the key names of
 * {@code book.yml} (a mapping that keeps each value's source position) and the four toc lists, not yet resolved to
 * files. {@link ProjectLoader} turns a description into a {@link Project}; docs/projects.md gives each format's mapping.
 *
 * @param configFile the file the description was read from (diagnostics and {@link Project#configFile})
 * @param settings book.yml keys to values ({@code title}, {@code authors}, {@code math} …)
 */
record ProjectDescription(
    String configFile,
    Value settings,
    List<TocSpec> frontmatter,
    List<TocSpec> toc,
    List<TocSpec> appendices,
    List<TocSpec> backmatter) {}
