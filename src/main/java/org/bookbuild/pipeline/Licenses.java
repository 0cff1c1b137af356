package org.bookbuild.pipeline;

import org.bookbuild.project.ConfigException;
import org.bookbuild.project.Project;
import org.bookbuild.style.Style;

/** A book must name a licence the style can describe on its copyright page. */
final class Licenses {
  private Licenses() {}

  static void check(Project project, Style style) throws ConfigException {
    String id = project.meta().license();
    if (id.isEmpty()) return;
    if (style.license(id) == null && !style.licenseIds().isEmpty()) {
      throw new ConfigException("config-license", project.where("license"),
          "unknown licence id '" + id + "'; known: " + String.join(", ", style.licenseIds()));
    }
  }
}
