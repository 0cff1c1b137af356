package org.bookbuild.render;

import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.EventListener;
import org.apache.fop.events.model.EventSeverity;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.fo.SourceMap;

/** Bridges FOP's events into the build's diagnostics, with rule ids derived from the event kind. */
final class FopEvents implements EventListener {
  private final Diagnostics diags;
  private final java.util.function.BiFunction<Integer, Integer, SourcePos> sources;

  FopEvents(Diagnostics diags, SourceMap sources) {
    this(diags, sources::at);
  }

  /** @param sources the author's position for an FO line and column */
  FopEvents(Diagnostics diags, java.util.function.BiFunction<Integer, Integer, SourcePos> sources) {
    this.diags = diags;
    this.sources = sources;
  }

  /** The author's position for an event: FOP passes the FO element's locator as parameter {@code loc}. */
  private SourcePos where(Event event) {
    Object loc = event.getParam("loc");
    if (loc instanceof org.xml.sax.Locator l) return sources.apply(l.getLineNumber(), l.getColumnNumber());
    return SourcePos.NONE;
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
      case "formulaUnpainted" -> "math-unpainted";
      default -> "fop-" + key;
    };
    String message;
    try {
      // events of our own FOP plug-ins carry their message; FOP's are formatted from its templates
      message = event.getParam("message") instanceof String own ? own : EventFormatter.format(event);
    } catch (RuntimeException e) {
      message = key;
    }
    Severity s = sev == EventSeverity.WARN ? Severity.WARNING : Severity.ERROR;
    String text = stripLocation(message).replace("fo:block", "block").replace("fo:inline", "inline");
    String hint = rule.equals("layout-overflow")
        ? "text past the margin: break a long word, URL or code span, or shorten the line" : "";
    diags.report(new Diagnostic(rule, s, text, where(event), hint));
  }

  /** FOP appends "(See position l:c)" in the FO, which means nothing to the author; the diagnostic has the source position. */
  static String stripLocation(String message) {
    return message.replaceAll("\\s+", " ").replaceAll("\\s*\\(See position [^)]*\\)", "").replaceAll("\\s*\\(No context info available\\)", "").trim();
  }
}
