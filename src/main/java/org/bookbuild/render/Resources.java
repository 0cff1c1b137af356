package org.bookbuild.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.bookbuild.io.World;

/**
 * How FOP reads fonts and images: {@code classpath:} URIs from the tool's jars (fonts), {@code project:} URIs through
 * the build's {@link World} (sandboxed project files). Everything else (the figure cache's {@code file:} URIs) goes to
 * FOP's default resolver. Nothing is ever fetched from the network.
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
    if (scheme != null && !scheme.equals("file") && !scheme.equals("data")) {
      throw new IOException("not fetched: " + s + " (bookbuild never reads from the network)");
    }
    return fallback.getResource(uri);
  }

  @Override
  public OutputStream getOutputStream(URI uri) throws IOException {
    throw new IOException("FOP may not write files: " + uri);
  }
}
