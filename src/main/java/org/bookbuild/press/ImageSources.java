package org.bookbuild.press;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.figure.ImageInfo;
import org.bookbuild.fo.SourceMap;
import org.bookbuild.io.World;

/**
 * Which source file and position a raster image in the PDF came from, so that preflight's resolution warning names
 * the file, not only the page: every {@code fo:external-graphic} of the interior's FO, its pixel size read from the
 * file's header, and its source position from the FO writer's source map. A PDF image is matched by its pixel size.
 */
public final class ImageSources {
  /** An image the FO places: the file as the author knows it, where it was written, and its pixel size. */
  public record Source(String file, SourcePos pos, int width, int height) {}

  private static final Pattern GRAPHIC = Pattern.compile("<fo:external-graphic\\b[^>]*?\\bsrc=\"url\\(([^)\"]*)\\)\"");

  private ImageSources() {}

  public static List<Source> of(String fo, SourceMap sources, World world) {
    List<Source> out = new ArrayList<>();
    Path root = world.outputPath("x").getParent();
    Matcher m = GRAPHIC.matcher(fo);
    while (m.find()) {
      String src = m.group(1).replace("&amp;", "&");
      String rel;
      try {
        Path outDir = world.outputPath("out");
        if (src.startsWith("file:") && Path.of(URI.create(src)).startsWith(outDir)) {
          rel = "out/" + outDir.relativize(Path.of(URI.create(src))).toString().replace('\\', '/');
        } else if (src.startsWith("file:")) rel = root.relativize(Path.of(URI.create(src))).toString().replace('\\', '/');
        else if (src.startsWith("project:")) rel = src.substring("project:".length()).replaceFirst("^/+", "");
        else if (!src.contains(":")) rel = src;
        else continue;
        if (rel.startsWith("..") || !world.exists(rel)) continue;
        ImageInfo info = ImageInfo.probe(world.read(rel));
        if (info == null || !info.isRaster()) continue;
        SourcePos pos = sources.atOffset(m.start());
        String file = pos.isKnown() && rel.startsWith("out/.cache/") ? pos.file() + " (output " + rel + ")" : rel;
        out.add(new Source(file, pos, info.pixelWidth(), info.pixelHeight()));
      } catch (Exception e) {
        // an image we cannot measure is named by page only
      }
    }
    return out;
  }

  /** The first source with this pixel size, or null. */
  public static Source match(List<Source> all, int width, int height) {
    for (Source s : all) if (s.width() == width && s.height() == height) return s;
    return null;
  }
}
