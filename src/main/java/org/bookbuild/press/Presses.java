package org.bookbuild.press;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookbuild.diag.Hints;
import org.bookbuild.io.World;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The registry of presses: every entry of {@code styles/press.yml} (the project's own file first, else the one built
 * into the tool) becomes a {@link Press}. Nothing in Java knows a press by name: adding a shop is adding an entry.
 *
 * @param profile the output-intent ICC profile named in the file (a built-in or project path)
 */
public record Presses(Map<String, Press> all, OutputProfile profile) {
  public static final String FILE = "styles/press.yml";
  /** The screen PDF, today's output. */
  public static final String NONE = "none";

  /** The CMYK output-device profile written as the PDF/X output intent. */
  public record OutputProfile(String file, String condition, String registry) {
    /**
     * The profile's bytes: the tool's own file, as FOP reads it for the output intent (a path without a scheme is a
     * built-in), else the project's; null when neither has it.
     */
    public byte[] bytes(World world) {
      if (file == null) return null;
      try {
        Optional<byte[]> b = world.builtin(file);
        if (b.isPresent()) return b.get();
        return world.exists(file) ? world.read(file) : null;
      } catch (IOException e) {
        return null;
      }
    }

    /**
     * The finish step that keeps a print interior's colour within this output intent ({@link
     * org.bookbuild.finish.PrintColour}: device RGB to CMYK), or null when the profile is not a CMYK one.
     */
    public org.bookbuild.finish.FinishStep colourStep(World world) {
      byte[] icc = bytes(world);
      return org.bookbuild.finish.PrintColour.isCmyk(icc) ? new org.bookbuild.finish.PrintColour(icc) : null;
    }
  }

  /** A press name nobody defined, or a press.yml that cannot be read. */
  public static final class PressException extends RuntimeException {
    public PressException(String message) {
      super(message);
    }
  }

  public static Presses load(World world) {
    byte[] bytes;
    try {
      Optional<byte[]> b = world.exists(FILE) ? Optional.of(world.read(FILE)) : world.builtin(FILE);
      bytes = b.orElseThrow(() -> new PressException("no " + FILE + " found"));
    } catch (IOException e) {
      throw new PressException("cannot read " + FILE + ": " + e.getMessage());
    }
    Map<String, Object> root;
    try {
      root = map(new Yaml(new LoaderOptions()).load(new String(bytes, StandardCharsets.UTF_8)), FILE);
    } catch (RuntimeException e) {
      throw new PressException("malformed " + FILE + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, Object> prof = map(root.get("output-profile"), "output-profile");
    OutputProfile profile = new OutputProfile(str(prof, "file", null), str(prof, "condition", "Custom"),
        str(prof, "registry", "http://www.color.org"));
    Map<String, Press> all = new LinkedHashMap<>();
    map(root.get("presses"), "presses").forEach((name, v) -> all.put(name, press(name, map(v, "presses." + name))));
    if (!all.containsKey(NONE)) {
      all.put(NONE, new Press(NONE, "screen PDF", true, Press.Bleed.NONE, false, 0, List.of(), 0, Map.of(), null, null, ""));
    }
    return new Presses(Map.copyOf(all), profile);
  }

  /** The press called {@code name}; unknown names fail with the nearest known name as a hint. */
  public Press get(String name) {
    Press p = all.get(name);
    if (p != null) return p;
    throw new PressException("unknown press '" + name + "'" + Hints.closest(name, all.keySet()).map(h -> " (did you mean '" + h + "'?)").orElse("")
        + "; known: " + String.join(", ", new java.util.TreeSet<>(all.keySet())));
  }

  private static Press press(String name, Map<String, Object> m) {
    String where = "presses." + name;
    if (Boolean.TRUE.equals(m.get("screen"))) {
      return new Press(name, str(m, "description", name), true, Press.Bleed.NONE, false, 0, List.of(), 0, Map.of(), null,
          null, str(m, "accepts", ""));
    }
    Map<String, Object> b = map(m.get("bleed"), where + ".bleed");
    Press.Bleed bleed = new Press.Bleed(len(b, "top", "0in"), len(b, "bottom", "0in"), len(b, "outside", "0in"), len(b, "inside", "0in"));
    List<Press.GutterStep> gutter = new ArrayList<>();
    if (m.get("gutter") instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> s = map(o, where + ".gutter");
        gutter.add(new Press.GutterStep(Integer.parseInt(str(s, "pages", "0")), len(s, "gutter", "0in")));
      }
    }
    gutter.sort(java.util.Comparator.comparingInt(Press.GutterStep::pages));
    Map<String, Object> pc = map(m.get("page-count"), where + ".page-count");
    for (String rule : pc.keySet()) {
      if (!PageCountRules.NAMES.contains(rule)) {
        throw new PressException(where + ".page-count: unknown rule '" + rule + "'" + Hints.closest(rule, PageCountRules.NAMES)
            .map(h -> " (did you mean '" + h + "'?)").orElse(""));
      }
    }
    Map<String, Object> c = map(m.get("cover"), where + ".cover");
    Map<String, Double> paper = new LinkedHashMap<>();
    map(c.get("paper"), where + ".cover.paper").forEach((k, v) -> paper.put(k, Length.pt(String.valueOf(v))));
    Press.CoverSpec cover = new Press.CoverSpec(len(c, "bleed", "0.125in"), len(c, "safety", "0.125in"),
        Integer.parseInt(str(c, "spine-text-from", "100")), len(c, "spine-safety", "0.0625in"), Map.copyOf(paper),
        len(c, "spine-extra", "0in"));
    boolean marks = Boolean.TRUE.equals(m.get("marks"));
    return new Press(name, str(m, "description", name), false, bleed, marks, marks ? len(m, "crop-offset", "0.5in") : 0,
        List.copyOf(gutter), len(m, "outside-min", "0.25in"), Map.copyOf(pc), str(m, "pdf-x", null), cover,
        str(m, "accepts", ""));
  }

  private static double len(Map<String, Object> m, String k, String dflt) {
    try {
      return Length.pt(str(m, k, dflt));
    } catch (IllegalArgumentException e) {
      throw new PressException(FILE + ": " + k + ": " + e.getMessage());
    }
  }

  private static String str(Map<String, Object> m, String k, String dflt) {
    Object v = m.get(k);
    return v == null ? dflt : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String what) {
    if (o == null) return new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    throw new PressException(FILE + ": " + what + " must be a mapping");
  }
}
