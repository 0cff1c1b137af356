package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every YAML example in docs/figures.md draws without a diagnostic, so the documentation cannot drift from the code. */
class DocsExamplesTest {
  @TempDir Path dir;

  @Test
  void everyDocumentedExampleDraws() throws Exception {
    DiskWorld world = TestBooks.copy("figure-book", dir);
    String doc = Files.readString(Path.of("docs/figures.md"));
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    List<String> examples = new ArrayList<>();
    while (m.find()) examples.add(m.group(1));
    assertTrue(examples.size() >= 10, "one example per kind at least: " + examples.size());
    FigureEngine engine = new FigureEngine(world);
    for (int i = 0; i < examples.size(); i++) {
      String name = "figures/doc-" + i + ".yml";
      Files.writeString(dir.resolve(name), examples.get(i));
      Diagnostics d = new Diagnostics();
      FigureEngine.Rendered r = engine.renderFile(name, SourcePos.NONE, d);
      final int k = i;
      assertEquals(List.of(), d.all(), () -> "example " + k + ":\n" + examples.get(k));
      assertTrue(r.ok());
    }
  }
}
