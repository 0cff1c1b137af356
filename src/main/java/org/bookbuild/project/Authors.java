package org.bookbuild.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.project.YamlTree.Value;

/**
 * Authors as mystmd and Jupyter Book write them, reduced to the {@code name}/{@code affiliation}/{@code email} form of
 * {@code book.yml}: a plain string, a list, {@code name: {given, family}} or {@code name: {literal}}, affiliations as
 * strings or as mappings with a {@code name} or {@code institution}.
 */
final class Authors {
  private Authors() {}

  static Value normalise(Value v) {
    if (v == null) return null;
    List<Value> items = v.list() != null ? v.list() : List.of(v);
    List<Value> out = new ArrayList<>();
    for (Value a : items) {
      if (a.str() != null) {
        out.add(a);
        continue;
      }
      if (a.map() == null) continue;
      Map<String, Value> m = new LinkedHashMap<>();
      m.put("name", new Value(name(a.map().get("name")), a.pos()));
      List<String> affs = new ArrayList<>();
      for (String key : List.of("affiliation", "affiliations")) {
        Value af = a.map().get(key);
        if (af == null) continue;
        for (Value x : af.list() != null ? af.list() : List.of(af)) {
          String s = x.str() != null ? x.str() : x.map() != null ? first(x.map(), "name", "institution") : null;
          if (s != null && !s.isBlank()) affs.add(s);
        }
      }
      m.put("affiliation", new Value(String.join("; ", affs), a.pos()));
      Value email = a.map().get("email");
      if (email != null && email.str() != null) m.put("email", email);
      out.add(new Value(m, a.pos()));
    }
    return new Value(out, v.pos());
  }

  private static String name(Value n) {
    if (n == null) return "";
    if (n.str() != null) return n.str();
    if (n.map() == null) return "";
    String literal = first(n.map(), "literal");
    if (literal != null) return literal;
    String given = first(n.map(), "given"), family = first(n.map(), "family");
    return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
  }

  private static String first(Map<String, Value> m, String... keys) {
    for (String k : keys) if (m.get(k) != null && m.get(k).str() != null) return m.get(k).str();
    return null;
  }

  /** Jupyter Book's {@code author: "A, B and C"} as a list of names. */
  static Value fromString(Value v) {
    if (v == null || v.str() == null) return normalise(v);
    List<Value> out = new ArrayList<>();
    for (String s : v.str().split("\\s*(,|;|\\band\\b|&)\\s*")) if (!s.isBlank()) out.add(new Value(s.trim(), v.pos()));
    return new Value(out, v.pos());
  }
}
