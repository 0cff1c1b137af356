package org.bookbuild.style;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.io.World;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads a style. Lookup for {@code styles/<name>/style.yml} and {@code styles/licenses.yml}: the project's own
 * {@code styles/} folder first, then the styles built into the tool. The project's {@code style.yml}, when present, is
 * applied last as an overlay with the same sections ({@code page}, {@code fonts}, {@code roles}, {@code strings}).
 */
public final class StyleLoader {
  /** Name of the overlay file in a project folder. */
  public static final String OVERLAY = "style.yml";

  private StyleLoader() {}

  public static Style load(World world, String name, String language) {
    Kept k = kept;
    if (k != null && k.name().equals(name) && k.language().equals(language)
        && org.bookbuild.io.RecordingWorld.holds(k.facts(), world)) {
      return k.style();
    }
    org.bookbuild.io.RecordingWorld recording = new org.bookbuild.io.RecordingWorld(world);
    Style style = loadFresh(recording, name, language);
    if (!recording.unknown()) kept = new Kept(name, language, recording.facts(), style);
    return style;
  }

  /**
   * The style loaded last and every answer the project's files gave while it was loaded (the tool's own files do not
   * change while it runs). {@code book watch} loads the style for every build: when no file of it changed, the same
   * style is used again, so its resolved roles are kept and the memos that compare styles find them equal at once.
   */
  private record Kept(String name, String language, List<org.bookbuild.io.RecordingWorld.Fact> facts, Style style) {}

  private static volatile Kept kept;

  private static Style loadFresh(World world, String name, String language) {
    Map<String, Object> base = yaml(world, "styles/" + name + "/style.yml")
        .orElseThrow(() -> new StyleException("unknown style '" + name + "': no styles/" + name + "/style.yml"));
    Map<String, Object> merged = new LinkedHashMap<>(base);
    yaml(world, "styles/" + name + "/strings-" + language + ".yml")
        .ifPresent(m -> merged.put("strings", mergeFlat(section(merged, "strings"), m)));
    Map<String, Object> overlay = projectYaml(world, OVERLAY).orElse(Map.of());
    Map<String, Object> page = mergeFlat(section(merged, "page"), section(overlay, "page"));
    Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
    for (Map<String, Object> src : List.of(section(merged, "roles"), section(overlay, "roles"))) {
      for (Map.Entry<String, Object> e : src.entrySet()) {
        roles.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(asMap(e.getValue(), "roles." + e.getKey()));
      }
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : mergeFlat(section(merged, "strings"), section(overlay, "strings")).entrySet())
      strings.put(e.getKey(), String.valueOf(e.getValue()));
    List<Style.FontFace> fonts = new ArrayList<>();
    Object fl = overlay.containsKey("fonts") ? overlay.get("fonts") : merged.get("fonts");
    if (fl instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> f = asMap(o, "fonts");
        List<String> also = new ArrayList<>();
        if (f.get("also") instanceof List<?> names) for (Object n : names) also.add(String.valueOf(n));
        fonts.add(new Style.FontFace(str(f, "family"), str(f, "style", "normal"), str(f, "weight", "normal"),
            str(f, "file"), List.copyOf(also)));
      }
    }
    Map<String, Map<String, Object>> licenses = new LinkedHashMap<>();
    yaml(world, "styles/licenses.yml").ifPresent(m -> m.forEach((k, v) -> licenses.put(k, asMap(v, "licenses." + k))));
    return new Style(page, roles, strings, fonts, licenses);
  }

  private static Optional<Map<String, Object>> yaml(World world, String path) {
    Optional<Map<String, Object>> own = projectYaml(world, path);
    if (own.isPresent()) return own;
    return world.builtin(path).map(b -> deepCopy(BUILTIN.computeIfAbsent(path + "#" + b.length + "#" + java.util.Arrays.hashCode(b),
        k -> parse(b, "built-in " + path))));
  }

  /**
   * Built-in style files parsed once per JVM (by content): YAML parsing dominated building many small books in one
   * JVM (tests, fuzzing). Callers get their own copy.
   */
  private static final Map<String, Map<String, Object>> BUILTIN = new java.util.concurrent.ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, deepCopy(v)));
      return (T) out;
    }
    if (o instanceof java.util.List<?> l) {
      java.util.List<Object> out = new java.util.ArrayList<>(l.size());
      for (Object v : l) out.add(deepCopy(v));
      return (T) out;
    }
    return o;
  }

  private static Optional<Map<String, Object>> projectYaml(World world, String path) {
    if (!world.exists(path)) return Optional.empty();
    try {
      return Optional.of(parse(world.read(path), path));
    } catch (IOException e) {
      throw new StyleException("cannot read " + path + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> parse(byte[] bytes, String what) {
    try {
      Object o = new Yaml(new LoaderOptions()).load(new String(bytes, StandardCharsets.UTF_8));
      return o == null ? Map.of() : asMap(o, what);
    } catch (RuntimeException e) {
      throw new StyleException("malformed style file " + what + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Map<String, Object> section(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? Map.of() : asMap(v, key);
  }

  private static Map<String, Object> mergeFlat(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    out.putAll(b);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    if (o == null) return new LinkedHashMap<>();
    throw new StyleException("style section " + what + " must be a mapping");
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v == null) throw new StyleException("font entry lacks '" + k + "'");
    return String.valueOf(v);
  }

  private static String str(Map<String, Object> m, String k, String d) {
    Object v = m.get(k);
    return v == null ? d : String.valueOf(v);
  }
}
