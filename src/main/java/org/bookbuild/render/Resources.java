package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
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

  Resources(World world, ResourceResolver fallback) {
    this.world = world;
    this.fallback = fallback;
  }

  @Override
  public Resource getResource(URI uri) throws IOException {
    String s = uri.toString();
    if (s.startsWith("classpath:")) {
      byte[] b = world.builtin(s.substring("classpath:".length()))
          .orElseThrow(() -> new IOException("no built-in resource " + s));
      return new Resource(new ByteArrayInputStream(b));
    }
    if (s.startsWith("project:")) {
      return new Resource(new ByteArrayInputStream(world.read(java.net.URLDecoder.decode(s.substring("project:".length()), "UTF-8"))));
    }
    String scheme = uri.getScheme();
    if ("file".equals(scheme)) {
      checkInsideProject(uri);
    } else if (!"data".equals(scheme)) {
      throw new IOException("not fetched: " + s + " (bookbuild never reads from the network)");
    }
    return fallback.getResource(uri);
  }

  /**
   * {@code file:} URIs (the figure stage's generated assets under {@code out/}) are read only inside the project
   * folder, symlinks resolved: a FO or SVG that names {@code file:///etc/passwd} gets nothing.
   */
  private void checkInsideProject(URI uri) throws IOException {
    Path p;
    try {
      p = Path.of(uri);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new IOException("not read: " + uri + " (not a local file)");
    }
    Path root = world.outputPath("").toAbsolutePath().normalize();
    Path real = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
    Path realRoot = Files.exists(root) ? root.toRealPath() : root;
    if (!real.startsWith(realRoot)) {
      throw new SandboxException("not read: " + uri + " lies outside the project folder");
    }
  }

  @Override
  public OutputStream getOutputStream(URI uri) throws IOException {
    throw new IOException("FOP may not write files: " + uri);
  }
}
