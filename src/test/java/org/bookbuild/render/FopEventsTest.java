package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.apache.fop.events.Event;
import org.apache.fop.events.model.EventSeverity;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.math.fop.FormulaElementMapping;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.LocatorImpl;

class FopEventsTest {
  @Test
  void aFormulaPaintedShortIsAMathUnpaintedErrorAtTheSourceOfItsFoPosition() {
    Diagnostics diags = new Diagnostics();
    FopEvents events = new FopEvents(diags, (line, col) -> SourcePos.of("ch.md", line * 10, col));
    LocatorImpl loc = new LocatorImpl();
    loc.setLineNumber(3);
    loc.setColumnNumber(7);
    events.processEvent(new Event(this, FormulaElementMapping.UNPAINTED_EVENT, EventSeverity.ERROR,
        Map.of("loc", loc, "message", "formula paints 16 of its 47 glyphs")));
    assertEquals(1, diags.all().size(), diags.all().toString());
    Diagnostic d = diags.all().get(0);
    assertEquals("math-unpainted", d.ruleId());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("formula paints 16 of its 47 glyphs", d.message());
    assertEquals(SourcePos.of("ch.md", 30, 7), d.pos());
  }
}
