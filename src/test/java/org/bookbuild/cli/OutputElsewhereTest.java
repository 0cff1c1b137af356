package org.bookbuild.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bookbuild.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --out} pointing elsewhere, a build writes nothing into the project folder (which may be read-only, as
 * the real-projects corpus is): notebook outputs, figures and chapter layouts are cached next to the PDF, under
 * {@code .cache/}, and a second build reads them from there.
 */
class OutputElsewhereTest {
  @TempDir Path project;
  @TempDir Path elsewhere;

  static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  @Test
  void cachesGoNextToTheOutputAndNothingIntoTheProject() throws Exception {
    String nb = "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Plots\\n\", \"A plot.\"]},"
        + " {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": [\"plot()\"], \"outputs\":"
        + " [{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"" + PNG + "\"}}]}],"
        + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    TestBooks.write(project, Map.of("book.yml", TestBooks.bookYml(null, "a.md", "plots.ipynb"), "a.md",
        "# One\n\nText.\n", "plots.ipynb", nb));
    Path pdf = elsewhere.resolve("book.pdf");
    for (int i = 0; i < 2; i++) {
      TestBooks.Run run = TestBooks.cli("build", project.toString(), "--out", pdf.toString());
      assertTrue(Files.size(pdf) > 1000, run.stderr());
      assertFalse(run.stderr().contains("error:"), run.stderr());
      assertFalse(Files.exists(project.resolve("out")), "nothing written into the project: " + list(project));
    }
    assertTrue(Files.isDirectory(elsewhere.resolve(".cache/nb")), "notebook outputs cached next to the PDF: " + list(elsewhere));
    assertTrue(Files.isDirectory(elsewhere.resolve(".cache/layout")), "layouts cached next to the PDF: " + list(elsewhere));
  }

  static String list(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(dir::relativize).map(Path::toString).sorted().toList().toString();
    }
  }
}
