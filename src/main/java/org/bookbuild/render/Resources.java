package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.bookbuild.io.SafeXml;
import org.bookbuild.io.SandboxException;
import org.bookbuild.io.World;

/**
 * How FOP reads fonts and images: {@code classpath:} URIs from the tool's jars (fonts), {@code project:} URIs through
 * the build's {@link World} (sandboxed project files). {@code file:} URIs (the figure cache) only inside the project
 * folder; {@code data:} URIs as they are. Nothing is ever fetched from the network.
 */
final class Resources implements ResourceResolver {
  private final World world;
  private final ResourceResolver fallback;
  /**
   * The tool's own files read so far in this session, by path. FOP reads a font's file again in every run that sets a
   * glyph in it (each chapter's layout and the join: {@code LazyFont} per run), and each read inflates it from the jar
   * again (a cold 160-page book: 16 layouts and a join over some 10 faces of 0.3-0.9 MB). The bytes are the jar's,
   * so every read gives the same; FOP copies what it reads ({@code FontFileReader}), so one array serves all.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, byte[]> builtins =
      new java.util.concurrent.ConcurrentHashMap<>();

  Resources(World world, ResourceResolver fallback) {
    this.world = world;
    this.fallback = fallback;
  }

  @Override
  public Resource getResource(URI uri) throws IOException {
    String s = uri.toString();
    if (s.startsWith("classpath:")) {
      String path = s.substring("classpath:".length());
      byte[] b = builtins.get(path);
      if (b == null) {
        b = world.builtin(path).orElseThrow(() -> new IOException("no built-in resource " + s));
        builtins.putIfAbsent(path, b);
      }
      return new Resource(new ByteArrayInputStream(b));
    }
    if (s.startsWith("project:")) {
      String rel = java.net.URLDecoder.decode(s.substring("project:".length()), "UTF-8");
      return new Resource(new ByteArrayInputStream(withoutDoctype(world.read(rel), s)));
    }
    String scheme = uri.getScheme();
    if ("file".equals(scheme)) {
      Path p = checkInsideProject(uri);
      return new Resource(new ByteArrayInputStream(withoutDoctype(Files.readAllBytes(p), s)));
    } else if (!"data".equals(scheme)) {
      throw new IOException("not fetched: " + s + " (bookbuild never reads from the network)");
    }
    return fallback.getResource(uri);
  }

  /**
   * {@code file:} URIs (the figure stage's generated assets under {@code out/}) are read only inside the project
   * folder or its output folder (elsewhere with {@code --out}), symlinks resolved: a FO or SVG that names {@code file:///etc/passwd} gets nothing.
   */
  private Path checkInsideProject(URI uri) throws IOException {
    Path p;
    try {
      p = Path.of(uri);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new IOException("not read: " + uri + " (not a local file)");
    }
    Path root = world.outputPath("").toAbsolutePath().normalize();
    Path outDir = world.outputPath("out").toAbsolutePath().normalize();
    Path real = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
    Path realRoot = Files.exists(root) ? root.toRealPath() : root;
    Path realOut = Files.exists(outDir) ? outDir.toRealPath() : outDir;
    if (!real.startsWith(realRoot) && !real.startsWith(realOut)) {
      throw new SandboxException("not read: " + uri + " lies outside the project folder");
    }
    return real;
  }

  /**
   * XML resources (SVG) lose a DOCTYPE that only names a DTD, so Batik never loads one; one that declares entities is
   * refused (the FO writer's image gate has reported it already). Other files pass unchanged.
   */
  private static byte[] withoutDoctype(byte[] b, String name) throws IOException {
    if (b.length < 5 || b[0] != '<' && !(b.length > 3 && (b[0] & 0xff) == 0xEF)) return b;
    byte[] clean = SafeXml.withoutDoctype(b);
    if (clean == null) throw new IOException("not read: " + name + " declares XML entities");
    return clean;
  }

  @Override
  public OutputStream getOutputStream(URI uri) throws IOException {
    throw new IOException("FOP may not write files: " + uri);
  }
}
