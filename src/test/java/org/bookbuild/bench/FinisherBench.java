package org.bookbuild.bench;

import java.util.List;
import org.bookbuild.finish.Finisher;
import org.bookbuild.model.Metadata;
import org.bookbuild.testing.TestFop;

/**
 * Measures the finishing step on a 100-page FOP book: the in-place id patch alone against the PDFBox load/save path.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.bookbuild.bench.FinisherBench}.
 */
public final class FinisherBench {
  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    StringBuilder seqs = new StringBuilder();
    String para = "The quick brown fox jumps over the lazy dog while the matrix multiplies its vectors. ".repeat(12);
    for (int c = 0; c < pages / 4; c++) {
      StringBuilder flow = new StringBuilder("<fo:block id=\"c" + c + "\" font-size=\"16pt\">Chapter " + c + "</fo:block>");
      for (int p = 0; p < 16; p++) flow.append("<fo:block text-align=\"justify\" space-after=\"6pt\">").append(para).append("</fo:block>");
      seqs.append(TestFop.sequence(null, flow.toString()));
    }
    byte[] pdf = TestFop.render(TestFop.document(null, seqs.toString()));
    try (var in = org.bookbuild.check.PdfInspector.open(pdf)) {
      System.out.println("pages " + in.pageCount() + ", bytes " + pdf.length);
    }
    Metadata meta = new Metadata("T", null, List.of(), null, null, null, null, null, List.of(), null);
    long c0 = System.nanoTime();
    byte[] first = Finisher.finish(pdf, meta);
    long c1 = System.nanoTime();
    System.out.printf("first call in this JVM (PDFBox classes loading): %.1f ms, output %d bytes%n", (c1 - c0) / 1e6, first.length);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) Finisher.finish(pdf, meta);
      long t1 = System.nanoTime();
      byte[] tagged = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)
          .replace("/Type /Catalog", "/Type /Catalog").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      long t2 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        byte[] copy = tagged.clone();
        org.bookbuild.finish.FinisherAccess.patchOnly(copy);
      }
      long t3 = System.nanoTime();
      System.out.printf("round %d: full finish (PDFBox load/save + patch) %.1f ms, patch only %.2f ms%n",
          round, (t1 - t0) / 20e6, (t3 - t2) / 20e6);
    }
  }
}
