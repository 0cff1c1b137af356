package org.bookbuild.render;

import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.EventListener;
import org.apache.fop.events.model.EventSeverity;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;

/** Bridges FOP's events into the build's diagnostics, with rule ids derived from the event kind. */
final class FopEvents implements EventListener {
  private final Diagnostics diags;

  FopEvents(Diagnostics diags) {
    this.diags = diags;
  }

  @Override
  public void processEvent(Event event) {
    EventSeverity sev = event.getSeverity();
    if (sev == EventSeverity.INFO) return;
    String key = event.getEventKey();
    String rule = switch (key) {
      case "glyphNotAvailable" -> "glyph-missing";
      case "fontSubstituted" -> "font-substituted";
      case "lineOverflows", "regionOverflow", "tableFixedAutoWidthNotSupported", "objectTooWide" -> "layout-overflow";
      case "idNotFound", "unresolvedIDReference", "unresolvedIDReferenceOnPage" -> "ref-unresolved";
      default -> "fop-" + key;
    };
    String message;
    try {
      message = EventFormatter.format(event);
    } catch (RuntimeException e) {
      message = key;
    }
    Severity s = sev == EventSeverity.WARN ? Severity.WARNING : Severity.ERROR;
    diags.report(new Diagnostic(rule, s, message.replaceAll("\\s+", " "), SourcePos.NONE, ""));
  }
}
