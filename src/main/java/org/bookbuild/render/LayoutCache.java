package org.bookbuild.render;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Severity;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;

/**
 * Chapters' layouts kept between builds in {@code out/.cache/layout/}: {@code <key>.if} (the Intermediate Format) and
 * {@code <key>.meta} (page labels, target positions, FOP's diagnostics), written in that order so a meta file means a
 * whole entry. The key is a hash of the chapter's standalone FO (which holds its first page number and the labels of
 * the pages it cites in other chapters), FOP's configuration, this format's version and the build of the tool
 * ({@link #TOOL}): an edit elsewhere that moves no page leaves it valid.
 */
final class LayoutCache {
  static final String DIR = "out/.cache/layout/";
  private static final String VERSION = "layout-1";
  /**
   * The build of bookbuild that lays out (its jar's size and time): a new build may lay the same FO out differently (a
   * fix in the math plug-in, FOP's settings or the fonts) or report other diagnostics, so it does not reuse an older
   * one's layouts. Read from the tool's own jar, not the project, so not through the World.
   */
  static final String TOOL = tool();

  private static String tool() {
    try {
      java.nio.file.Path jar = java.nio.file.Path.of(
          LayoutCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (java.nio.file.Files.isRegularFile(jar)) {
        return java.nio.file.Files.size(jar) + "/" + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
      }
    } catch (Exception | Error e) {
      // no code source to read (an unusual class loader): the format version alone
    }
    return "";
  }

  private final World world;
  private final boolean enabled;
  private final String salt;

  LayoutCache(World world, boolean enabled, String salt) {
    this.world = world;
    this.enabled = enabled;
    this.salt = salt;
  }

  boolean enabled() {
    return enabled;
  }

  String key(String pieceFo) {
    return new org.bookbuild.io.Fingerprint().add(VERSION).add(TOOL).add(salt).add(pieceFo).hex();
  }

  Path ifPath(String key) {
    return world.outputPath(DIR + key + ".if");
  }

  private Path metaPath(String key) {
    return world.outputPath(DIR + key + ".meta");
  }

  /** A cached layout, or null. */
  ChapterLayout.Laid get(String key) {
    if (!enabled) return null;
    Path meta = metaPath(key);
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(ifPath(key))) return null;
    try {
      return decode(Files.readString(meta, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  InputStream openIf(String key) throws IOException {
    return new BufferedInputStream(Files.newInputStream(ifPath(key)), 1 << 16);
  }

  void putMeta(String key, ChapterLayout.Laid laid) throws IOException {
    byte[] b = encode(laid).getBytes(StandardCharsets.UTF_8);
    world.writeAtomically(metaPath(key), o -> o.write(b));
  }

  /** Removes entries this build did not use, beyond as many again as it used (the most recent are kept). */
  void prune(Set<String> used) {
    if (!enabled) return;
    Path dir = world.outputPath(DIR);
    if (!Files.isDirectory(dir)) return;
    try (var s = Files.list(dir)) {
      List<Path> metas = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".meta")).toList());
      List<Path> unused = new ArrayList<>();
      for (Path p : metas) {
        String k = p.getFileName().toString().replaceFirst("\\.meta$", "");
        if (!used.contains(k)) unused.add(p);
      }
      if (unused.size() <= used.size()) return;
      Map<Path, Long> mtime = new HashMap<>();
      for (Path p : unused) mtime.put(p, Files.getLastModifiedTime(p).toMillis());
      unused.sort((a, b) -> Long.compare(mtime.get(b), mtime.get(a)));
      for (Path p : unused.subList(used.size(), unused.size())) {
        String k = p.getFileName().toString().replaceFirst("\\.meta$", "");
        Files.deleteIfExists(p);
        Files.deleteIfExists(ifPath(k));
      }
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be tidied is still a cache
    }
  }

  static String encode(ChapterLayout.Laid laid) {
    StringBuilder b = new StringBuilder();
    b.append("pages");
    for (String n : laid.pageNames()) b.append('\t').append(esc(n));
    b.append('\n');
    laid.dests().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append("dest\t")
        .append(esc(e.getKey())).append('\t').append(e.getValue().page()).append('\t').append(e.getValue().x())
        .append('\t').append(e.getValue().y()).append('\n'));
    for (Diagnostic d : laid.diagnostics()) {
      b.append("diag\t").append(esc(d.ruleId())).append('\t').append(d.severity().name()).append('\t')
          .append(esc(d.pos().file())).append('\t').append(d.pos().line()).append('\t').append(d.pos().col())
          .append('\t').append(esc(d.message())).append('\t').append(esc(d.hint() == null ? "" : d.hint()))
          .append('\n');
    }
    return b.toString();
  }

  static ChapterLayout.Laid decode(String text) {
    List<String> pages = new ArrayList<>();
    Map<String, ChapterLayout.Dest> dests = new HashMap<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) continue;
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "pages" -> {
          for (int i = 1; i < f.length; i++) pages.add(unesc(f[i]));
        }
        case "dest" -> dests.put(unesc(f[1]), new ChapterLayout.Dest(Integer.parseInt(f[2]),
            Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        case "diag" -> diags.add(new Diagnostic(unesc(f[1]), Severity.valueOf(f[2]),
            unesc(f[6]), new SourcePos(unesc(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])), unesc(f[7])));
        default -> throw new IllegalArgumentException("unknown line " + f[0]);
      }
    }
    return new ChapterLayout.Laid(pages, dests, diags);
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unesc(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
