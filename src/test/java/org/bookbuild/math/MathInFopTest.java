package org.bookbuild.math;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MathInFopTest {
  @Test
  void inlineMathRendersAsEmbeddedText() throws Exception {
    FopHarness h = new FopHarness();
    String fo = FopHarness.page("<fo:block>Let " + FopHarness.inline("x^2+\\sqrt{y}") + " be given, and "
        + FopHarness.inline("\\sum_{i=1}^n a_i") + " the sum.</fo:block>"
        + "<fo:block font-size=\"20pt\">Big " + FopHarness.inline("x^2") + " text.</fo:block>");
    byte[] pdf = h.render(fo);
    Path p = Path.of("target/math-test/inline.pdf");
    Files.createDirectories(p.getParent());
    Files.write(p, pdf);
    assertTrue(h.fontEvents.isEmpty(), () -> "font events: " + h.fontEvents);
  }
}
