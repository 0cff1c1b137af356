package org.bookbuild.bench;

import java.util.List;
import org.bookbuild.finish.Finisher;
import org.bookbuild.finish.FinisherAccess;
import org.bookbuild.model.Metadata;
import org.bookbuild.testing.TestFop;

/**
 * Measures the finishing step on a FOP book of about 150 pages (CMU fonts embedded): the byte-level finish (date and
 * id patched in place, catalog and info appended as an incremental update) against the PDFBox load/save fallback,
 * both on their first call after FOP ran (what a command-line build pays) and warm.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.bookbuild.bench.FinisherBench}
 * (write target/cp.txt with {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 * Pass {@code pdfbox} as the first argument to time the fallback's first call instead.
 */
public final class FinisherBench {
  public static void main(String[] args) throws Exception {
    boolean pdfbox = args.length > 0 && args[0].equals("pdfbox");
    StringBuilder seqs = new StringBuilder();
    String para = "The quick brown fox jumps over the lazy dog while the matrix multiplies its vectors. ".repeat(12);
    for (int c = 0; c < 25; c++) {
      StringBuilder flow = new StringBuilder("<fo:block id=\"c" + c + "\" font-size=\"16pt\">Chapter " + c + "</fo:block>");
      for (int p = 0; p < 16; p++) flow.append("<fo:block text-align=\"justify\" space-after=\"6pt\">").append(para).append("</fo:block>");
      seqs.append(TestFop.sequence(null, flow.toString()));
    }
    byte[] pdf = TestFop.render(TestFop.document(null, seqs.toString()));
    Metadata meta = new Metadata("T", null, List.of(new Metadata.Author("A", null, null), new Metadata.Author("B", null, null)),
        null, null, null, null, "en", List.of(), null);
    long c0 = System.nanoTime();
    byte[] first = pdfbox ? FinisherAccess.rewriteAndPatch(pdf, meta) : Finisher.finish(pdf, meta);
    long c1 = System.nanoTime();
    System.out.printf("%s, first call after FOP: %.1f ms (%d -> %d bytes)%n", pdfbox ? "PDFBox load/save" : "byte-level",
        (c1 - c0) / 1e6, pdf.length, first.length);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) Finisher.finish(pdf, meta);
      long t1 = System.nanoTime();
      for (int i = 0; i < 20; i++) FinisherAccess.rewriteAndPatch(pdf, meta);
      long t2 = System.nanoTime();
      System.out.printf("warm round %d: byte-level %.2f ms, PDFBox load/save %.1f ms%n", round, (t1 - t0) / 20e6, (t2 - t1) / 20e6);
    }
  }
}
