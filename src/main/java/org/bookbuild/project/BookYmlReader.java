package org.bookbuild.project;

import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.World;
import org.bookbuild.project.YamlTree.Value;

/** This tool's own {@code book.yml}: its keys are the description's keys; toc entries have {@code children}. */
final class BookYmlReader implements ProjectReader {
  static final String FILE = "book.yml";

  @Override
  public String file() {
    return FILE;
  }

  @Override
  public boolean accepts(Value root) {
    return root.map() != null;
  }

  @Override
  public ProjectDescription read(World world, Value root, Diagnostics diags) {
    TocLists lists = new TocLists(FILE, diags, "children");
    var m = root.map();
    return new ProjectDescription(FILE, root, lists.entries(m.get("frontmatter")), lists.entries(m.get("toc")),
        lists.entries(m.get("appendices")), lists.entries(m.get("backmatter")));
  }
}
