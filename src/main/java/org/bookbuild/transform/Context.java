package org.bookbuild.transform;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.project.Project;
import org.bookbuild.style.Style;

/**
 * What transforms and writers share during one build: the project, its style, the diagnostics sink, the world (for
 * assets) and the book-wide label table that numbering fills and reference resolution reads.
 */
public final class Context {
  private final Project project;
  private final Style style;
  private final Diagnostics diags;
  private final World world;
  private final Labels labels;

  public Context(Project project, Style style, Diagnostics diags, World world) {
    this(project, style, diags, world, new Labels());
  }

  private Context(Project project, Style style, Diagnostics diags, World world, Labels labels) {
    this.project = project;
    this.style = style;
    this.diags = diags;
    this.world = world;
    this.labels = labels;
  }

  /** The same context seen through another world (one that records what is asked: a memo's). */
  public Context withWorld(World w) {
    return new Context(project, style, diags, w, labels);
  }

  public Project project() {
    return project;
  }

  public Style style() {
    return style;
  }

  public Diagnostics diags() {
    return diags;
  }

  public World world() {
    return world;
  }

  public Labels labels() {
    return labels;
  }
}
