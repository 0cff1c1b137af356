package org.bookbuild.transform.cite;

import java.util.Map;
import org.bookbuild.diag.SourcePos;

/**
 * One BibTeX entry, library-free: its key, its type in lower case ({@code book}, {@code article} …), its fields with
 * lower-case names and LaTeX accents already turned into Unicode, and where it stands in its {@code .bib} file.
 */
public record BibEntry(String key, String type, Map<String, String> fields, SourcePos pos) {
  public String field(String name) {
    return fields.getOrDefault(name, "");
  }
}
