package org.bookbuild.math;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.Xml;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.yaml.snakeyaml.Yaml;

/** Prints every KaTeX screenshot formula into target/math-test/katex.pdf for looking at (not a test). */
public final class KatexSheet {
  public static void main(String[] args) throws Exception {
    Map<String, Object> all = new Yaml().load(Files.readString(Files.exists(KatexCorpusTest.DATA) ? KatexCorpusTest.DATA : Path.of("/work/shared/corpus/katex/test/screenshotter/ss_data.yaml")));
    Xml x = new Xml();
    Diagnostics d = new Diagnostics();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      String tex = e.getValue() instanceof Map<?, ?> m ? String.valueOf(m.get("tex")) : String.valueOf(e.getValue());
      x.start("fo:block").attr("font-family", "CMU Serif").attr("font-size", "8pt").attr("space-before", "6pt").text(e.getKey()).end();
      MathFo.display(x, new Block.MathBlock(SourcePos.of("katex", 1, 1), Attr.EMPTY, tex), new MathContext(Map.of(), d, null, 306, 10));
    }
    Files.write(Path.of("target/math-test/katex.pdf"), new FopHarness().render(FopHarness.page(x.toString())));
  }
}
