package org.bookbuild.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifier, classes and key/value attributes of a node (Pandoc's {@code Attr}). The id is the label authors refer to;
 * classes name the kind of a generic container ({@code note}, {@code exercise}, {@code prf:theorem}); key/values carry
 * directive options and facts added by transforms ({@code number}).
 */
public record Attr(String id, List<String> classes, Map<String, String> kv) {
  public static final Attr EMPTY = new Attr("", List.of(), Map.of());

  public Attr {
    id = id == null ? "" : id;
    classes = List.copyOf(classes);
    kv = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kv));
  }

  public static Attr id(String id) {
    return new Attr(id, List.of(), Map.of());
  }

  public static Attr classes(String... classes) {
    return new Attr("", List.of(classes), Map.of());
  }

  public boolean hasClass(String c) {
    return classes.contains(c);
  }

  public String get(String key) {
    return kv.get(key);
  }

  public String get(String key, String dflt) {
    return kv.getOrDefault(key, dflt);
  }

  public Attr withId(String newId) {
    return new Attr(newId, classes, kv);
  }

  public Attr withClass(String c) {
    if (classes.contains(c)) return this;
    List<String> cs = new ArrayList<>(classes);
    cs.add(c);
    return new Attr(id, cs, kv);
  }

  public Attr with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(kv);
    if (value == null) m.remove(key);
    else m.put(key, value);
    return new Attr(id, classes, m);
  }

  public boolean isEmpty() {
    return id.isEmpty() && classes.isEmpty() && kv.isEmpty();
  }
}
