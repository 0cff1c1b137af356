package org.bookbuild.math.fop;

import java.util.Map;
import org.apache.xmlgraphics.image.loader.Image;
import org.apache.xmlgraphics.image.loader.ImageException;
import org.apache.xmlgraphics.image.loader.ImageFlavor;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.ImageSessionContext;
import org.apache.xmlgraphics.image.loader.XMLNamespaceEnabledImageFlavor;
import org.apache.xmlgraphics.image.loader.impl.AbstractImageLoader;
import org.apache.xmlgraphics.image.loader.impl.AbstractImageLoaderFactory;
import org.apache.xmlgraphics.image.loader.spi.ImageLoader;

/**
 * The image pipeline only plans conversions for MIME types that have a loader, even when the preloader already holds
 * the image. This factory is that loader for formulas: it hands back the DOM {@link FormulaPreloader} kept.
 */
public final class FormulaLoaderFactory extends AbstractImageLoaderFactory {
  static final ImageFlavor FLAVOR =
      new XMLNamespaceEnabledImageFlavor(ImageFlavor.XML_DOM, FormulaElementMapping.NAMESPACE);

  @Override
  public String[] getSupportedMIMETypes() {
    return new String[] {FormulaPreloader.MIME};
  }

  @Override
  public ImageFlavor[] getSupportedFlavors(String mime) {
    return new ImageFlavor[] {FLAVOR};
  }

  @Override
  public ImageLoader newImageLoader(ImageFlavor targetFlavor) {
    return new AbstractImageLoader() {
      @Override
      public Image loadImage(ImageInfo info, Map<String, Object> hints, ImageSessionContext session)
          throws ImageException {
        Image original = info.getOriginalImage();
        if (original == null) throw new ImageException("formula image has no DOM: " + info);
        return original;
      }

      @Override
      public ImageFlavor getTargetFlavor() {
        return FLAVOR;
      }
    };
  }

  @Override
  public boolean isAvailable() {
    return true;
  }
}
