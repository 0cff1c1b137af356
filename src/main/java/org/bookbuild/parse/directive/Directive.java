package org.bookbuild.parse.directive;

import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;

/**
 * One directive as written: its name, argument, options (from {@code :key: value} lines or a YAML block, in order)
 * and raw body text. {@code pos} is the opening fence, {@code argPos} the argument's first character, {@code bodyPos}
 * the body's first line.
 */
public record Directive(String name, String argument, Map<String, String> options, String body, SourcePos pos,
    SourcePos argPos, SourcePos bodyPos) {

  public String option(String key) {
    return options.get(key);
  }

  public String option(String key, String dflt) {
    String v = options.get(key);
    return v == null ? dflt : v;
  }

  public boolean flag(String key) {
    return options.containsKey(key) && !"false".equalsIgnoreCase(options.get(key).trim());
  }

  /**
   * mystmd's {@code :enumerated: false} (its common directive option; sphinx-proof's {@code :nonumber:} is the legacy
   * form): the block is not numbered.
   */
  public static boolean notEnumerated(Directive d) {
    String v = d.options().get("enumerated");
    return v != null && (v.trim().equalsIgnoreCase("false") || v.trim().equals("0") || v.trim().equalsIgnoreCase("no"));
  }

  /** The label: {@code :label:} or {@code :name:} (MyST accepts both), or empty. */
  public String label() {
    String l = options.getOrDefault("label", options.getOrDefault("name", ""));
    return l.trim();
  }

  /**
   * The attributes every directive's node starts from: id from the label, classes {@code kind} then {@code :class:}
   * values.
   */
  public Attr attr(String kind) {
    Attr a = new Attr(label(), java.util.List.of(kind), Map.of());
    String cls = options.get("class");
    if (cls != null) for (String c : cls.trim().split("\\s+")) if (!c.isEmpty()) a = a.withClass(c);
    return a;
  }
}
