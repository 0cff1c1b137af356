package org.bookbuild.testing;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF (from Maven Central, test scope) run on a PDF: the failed rules of one profile (PDF/UA-1, PDF/A-2a …), each
 * as {@code clause-test} with how often it failed and the first failure's message and place.
 */
public final class Vera {
  private static boolean initialised;

  private Vera() {}

  /** Failed rules: {@code "7.1-3"} → {@code "12× message @ location"}; empty when the file conforms. */
  public static synchronized Map<String, String> failures(byte[] pdf, String flavourId) throws Exception {
    if (!initialised) {
      VeraGreenfieldFoundryProvider.initialise();
      initialised = true;
    }
    PDFAFlavour flavour = PDFAFlavour.fromString(flavourId);
    Map<String, String> out = new TreeMap<>();
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult r = validator.validate(parser);
      Map<String, Integer> counts = new TreeMap<>();
      Map<String, String> first = new TreeMap<>();
      for (TestAssertion a : r.getTestAssertions()) {
        if (a.getStatus() != TestAssertion.Status.FAILED) continue;
        String id = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
        counts.merge(id, 1, Integer::sum);
        first.putIfAbsent(id, a.getMessage() + " @ " + a.getLocation().getContext()
            + (a.getErrorMessage() == null ? "" : " : " + a.getErrorMessage()));
      }
      for (var e : r.getFailedChecks().entrySet()) {
        String id = e.getKey().getClause() + "-" + e.getKey().getTestNumber();
        counts.putIfAbsent(id, e.getValue());
      }
      for (var e : counts.entrySet()) out.put(e.getKey(), e.getValue() + "× " + first.getOrDefault(e.getKey(), ""));
      if (!r.isCompliant() && out.isEmpty()) out.put("?", "not compliant, no failed rule reported");
    }
    return out;
  }

  /**
   * Command line (scripts/verapdf.sh): {@code Vera [--flavour ua1|2a|2u …] FILE.pdf …} prints the failed rules of each
   * file and exits 1 when any file fails a rule.
   */
  public static void main(String[] args) throws Exception {
    String fl = "ua1";
    int failedFiles = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--flavour") && i + 1 < args.length) {
        fl = args[++i];
        continue;
      }
      byte[] pdf = Files.readAllBytes(Path.of(args[i]));
      long t0 = System.nanoTime();
      Map<String, String> f = failures(pdf, fl);
      System.out.println(args[i] + ": veraPDF " + fl + ": " + f.size() + " failed rules ("
          + (System.nanoTime() - t0) / 1_000_000 + " ms)");
      f.forEach((k, v) -> System.out.println("  " + k + ": " + v));
      if (!f.isEmpty()) failedFiles++;
    }
    System.exit(failedFiles == 0 ? 0 : 1);
  }
}
