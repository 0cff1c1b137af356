package org.bookbuild.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one sink every stage reports into. Thread-safe, keeps order of arrival, and drops exact repeats (the same rule at
 * the same place with the same message) so that a problem seen by two stages is printed once.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private final java.util.Set<String> seen = new java.util.HashSet<>();
  private final List<Throwable> failures = new ArrayList<>();

  /** Every diagnostic reported while a tap is on, repeats included, in order ({@link #tap}). */
  private List<Diagnostic> tapped;

  public synchronized void report(Diagnostic d) {
    if (tapped != null) tapped.add(d);
    if (seen.add(d.ruleId() + "|" + d.pos() + "|" + d.message())) items.add(d);
  }

  /**
   * Starts noting every diagnostic reported from now on, repeats included, until {@link #untap}: what one part of a
   * single-threaded stage reported, for a memo that replays it later through {@link #report}.
   */
  public synchronized void tap() {
    tapped = new ArrayList<>();
  }

  /** Stops the tap and returns what was reported since {@link #tap} (empty when no tap was on). */
  public synchronized List<Diagnostic> untap() {
    List<Diagnostic> t = tapped == null ? List.of() : List.copyOf(tapped);
    tapped = null;
    return t;
  }

  /** How many failures ({@code internal-error}s with their exception) were reported so far. */
  public synchronized int failureCount() {
    return failures.size();
  }

  public void warn(String ruleId, SourcePos pos, String message) {
    report(Diagnostic.warning(ruleId, pos, message));
  }

  public void error(String ruleId, SourcePos pos, String message) {
    report(Diagnostic.error(ruleId, pos, message));
  }

  /**
   * Reports a bug in the tool itself (an exception inside a stage) as an {@code internal-error} diagnostic at the
   * place being worked on, and keeps the exception for {@code --debug}; the stage then carries on without that part.
   */
  public void internal(SourcePos pos, String activity, Throwable t) {
    synchronized (this) {
      if (failures.size() < 20) failures.add(t);
    }
    String what = t instanceof StackOverflowError ? "nesting too deep for the stack"
        : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    report(new Diagnostic("internal-error", Severity.ERROR, "internal error while " + activity + " (" + what
        + "); this part is left out", pos, "please report this; --debug prints the Java stack trace"));
  }

  /** Exceptions behind {@code internal-error} diagnostics, for {@code --debug}. */
  /** Takes over everything another sink collected (a build attempt whose result is kept). */
  public synchronized void absorb(Diagnostics other) {
    for (Diagnostic d : other.all()) report(d);
    for (Throwable t : other.failures()) if (failures.size() < 20) failures.add(t);
  }

  public synchronized List<Throwable> failures() {
    return List.copyOf(failures);
  }

  public synchronized List<Diagnostic> all() {
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  public synchronized long count(Severity s) {
    return items.stream().filter(d -> d.severity() == s).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** Diagnostics with a given rule id; handy in tests. */
  public synchronized List<Diagnostic> byRule(String ruleId) {
    return items.stream().filter(d -> d.ruleId().equals(ruleId)).toList();
  }
}
