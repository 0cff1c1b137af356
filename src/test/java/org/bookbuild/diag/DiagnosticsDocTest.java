package org.bookbuild.diag;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule id reported in the code base is documented in docs/diagnostics.md, so the list stays true. */
class DiagnosticsDocTest {
  /** Calls that name a rule id as their first argument. */
  static final Pattern REPORT = Pattern.compile(
      "(?:\\.warn|\\.error|Diagnostic\\.warning|Diagnostic\\.error|new Diagnostic|ConfigException|SpecException|Refusal)\\(\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"");

  @Test
  void everyRuleIdInTheCodeIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/diagnostics.md"));
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = REPORT.matcher(Files.readString(f));
        while (m.find()) used.add(m.group(1));
      }
    }
    assertTrue(used.size() > 30, "the scan finds the rule ids: " + used);
    Set<String> missing = new TreeSet<>();
    for (String id : used) if (!doc.contains("`" + id + "`")) missing.add(id);
    assertEquals(Set.of(), missing, "add these rule ids to the table in docs/diagnostics.md");
  }
}
