package org.bookbuild.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bookbuild.diag.Severity;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.press.Press;
import org.bookbuild.press.Presses;

/** {@code book check}: runs {@link Preflight} on a PDF and prints the report; exit 0 pass, 1 fail, 2 unusable input. */
public final class CheckCommand {
  private CheckCommand() {}

  /** PDFBox's font parser logs about fonts it reads (jlatexmath's lack PostScript names); the report is the output. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.apache.fontbox");

  public static int run(Path file, String pressName, String colour, PrintWriter out, PrintWriter err) {
    QUIET.setLevel(java.util.logging.Level.SEVERE);
    if (!colour.equals("colour") && !colour.equals("grayscale")) {
      err.println("book: error: --colour takes colour or grayscale, not '" + colour + "' [press-unknown]");
      return 2;
    }
    Press press;
    try {
      Path dir = file.toAbsolutePath().getParent();
      press = Presses.load(DiskWorld.of(dir == null ? Path.of(".") : dir)).get(pressName);
    } catch (Presses.PressException | IOException e) {
      err.println("book: error: " + e.getMessage() + " [press-unknown]");
      return 2;
    }
    byte[] pdf;
    try {
      pdf = Files.readAllBytes(file);
    } catch (IOException e) {
      err.println("book: error: cannot read " + file + ": " + e.getMessage() + " [output-unwritable]");
      return 2;
    }
    List<Preflight.Finding> findings;
    try {
      findings = Preflight.check(pdf, new Preflight.Options(press, colour.equals("grayscale")));
    } catch (IOException | RuntimeException e) {
      err.println("book: error: " + file + " is not a readable PDF: " + e.getMessage() + " [press-preflight]");
      return 2;
    }
    out.println("preflight of " + file + " for " + press.name() + " (" + press.description() + ")"
        + (colour.equals("grayscale") ? ", grayscale" : ""));
    Map<String, Integer> byRule = new TreeMap<>();
    for (Preflight.Finding f : findings) {
      out.println("  " + f.format());
      if (f.severity() == Severity.ERROR) byRule.merge(f.rule(), 1, Integer::sum);
    }
    for (Preflight.Rule r : Preflight.RULES) {
      if (!r.appliesTo(new Preflight.Options(press, colour.equals("grayscale")))) continue;
      boolean failed = byRule.containsKey(r.id());
      out.println((failed ? "FAIL " : "pass ") + r.id() + ": " + r.wants() + (failed ? " (" + byRule.get(r.id()) + ")" : ""));
    }
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    out.println(byRule.isEmpty() ? "PASS" + (warnings > 0 ? " with " + warnings + " warning(s)" : "")
        : "FAIL: " + String.join(", ", byRule.keySet()));
    if (!press.accepts().isEmpty()) out.println(press.name() + " accepts: " + press.accepts());
    return byRule.isEmpty() ? 0 : 1;
  }
}
