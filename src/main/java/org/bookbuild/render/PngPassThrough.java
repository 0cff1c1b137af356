package org.bookbuild.render;

import javax.imageio.metadata.IIOMetadata;
import org.apache.fop.apps.FopFactory;
import org.apache.xmlgraphics.image.loader.ImageFlavor;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.impl.AbstractImageLoaderFactory;
import org.apache.xmlgraphics.image.loader.impl.ImageLoaderRawPNG;
import org.apache.xmlgraphics.image.loader.spi.ImageLoader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * PNGs go into the PDF as their own compressed data (Flate with the PNG row filters, an alpha channel split off into a
 * soft mask) instead of being decoded into a Java image and copied out pixel by pixel. Notebook plots are RGBA PNGs,
 * which FOP decodes by default; decoding them was most of the join of a plot-heavy book (JFR on python-for-mathematics:
 * 89 of the join's 155 samples).
 *
 * <p>FOP's own raw-PNG loader can be preferred through its configuration, but then it also takes palette PNGs with
 * partly transparent entries, and writes their palette indices as the soft mask (diagrams printed faint). So the
 * pictures this one takes are chosen here: 8 bits per sample, not interlaced, and no palette with transparency. Every
 * other PNG goes the decoding way as before. The alpha of a translucent one is split off in bulk by
 * {@link PngAlphaSplit}. Press files (PDF/X) are left to the decoding way as well: it writes colour
 * as ICC-based sRGB, where this one writes DeviceRGB, which PDF/X does not accept under a CMYK output intent.
 */
final class PngPassThrough {
  private PngPassThrough() {}

  /** Makes the factory's image loading prefer the pass-through for the PNGs it can take. */
  static void install(FopFactory factory, RenderSettings settings) {
    if (settings.pdfXMode() != null) return;
    factory.getImageManager().getRegistry().registerLoaderFactory(new Factory());
    factory.getImageHandlerRegistry().addHandler(new PngAlphaSplit.Handler());
  }

  /**
   * Starts splitting the translucent PNGs a FO document names, on a thread of its own, for the factories {@link
   * #install} sets up ({@link PngAlphaSplit#prefetch}).
   */
  static void prefetch(String fo, org.bookbuild.io.World world, RenderSettings settings) {
    if (settings.pdfXMode() != null) return;
    PngAlphaSplit.prefetch(fo, new Resources(world,
        org.apache.fop.apps.io.ResourceResolverFactory.createDefaultResourceResolver()));
  }

  /** The raw loader under a name and penalty of its own: preferred over decoding wherever {@link Factory} admits it. */
  static final class Loader extends ImageLoaderRawPNG {
    @Override
    public int getUsagePenalty() {
      return -10_000;
    }
  }

  static final class Factory extends AbstractImageLoaderFactory {
    @Override
    public String[] getSupportedMIMETypes() {
      return new String[] {"image/png"};
    }

    @Override
    public ImageFlavor[] getSupportedFlavors(String mime) {
      return new ImageFlavor[] {ImageFlavor.RAW_PNG};
    }

    @Override
    public ImageLoader newImageLoader(ImageFlavor flavor) {
      return new Loader();
    }

    @Override
    public boolean isAvailable() {
      return true;
    }

    @Override
    public boolean isSupported(ImageInfo info) {
      if (!"image/png".equals(info.getMimeType())) return false;
      Object meta = info.getCustomObjects().get(IIOMetadata.class);
      if (!(meta instanceof IIOMetadata m)) return false;
      try {
        Node tree = m.getAsTree("javax_imageio_png_1.0");
        Element header = first(tree, "IHDR");
        if (header == null) return false;
        String colour = header.getAttribute("colorType");
        if (!"8".equals(header.getAttribute("bitDepth")) || !"none".equals(header.getAttribute("interlaceMethod"))) {
          return false;
        }
        // a palette whose entries carry alpha (a tRNS chunk): the raw adapter writes the indices as the soft mask
        return !("Palette".equals(colour) && first(tree, "tRNS") != null);
      } catch (RuntimeException e) {
        return false; // metadata this cannot read: the decoding way
      }
    }

    private static Element first(Node tree, String name) {
      for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && name.equals(e.getNodeName())) return e;
      }
      return null;
    }
  }
}
