package org.bookbuild.render;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.xmlgraphics.image.loader.Image;
import org.apache.xmlgraphics.image.loader.ImageFlavor;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.ImageManager;
import org.apache.xmlgraphics.image.loader.pipeline.ImageProviderPipeline;
import org.apache.xmlgraphics.image.loader.pipeline.PipelineFactory;
import org.bookbuild.math.fop.FormulaPreloader;

/**
 * FOP's image pipelines remembered for pictures it already holds in memory. For every picture drawn, FOP's image
 * manager works out afresh which chains of converters could turn it into a flavour the PDF output takes (a shortest
 * path search per flavour over every registered converter). A formula is such a picture (preloaded, painted through
 * Java2D), and a math book draws thousands: the search was a tenth of a 160-page book's join and of each {@code book
 * watch} preview (JFR, mines-nancy-optimization).
 *
 * <p>Only formulas are taken ({@link FormulaPreloader#MIME}), and that is what makes it sound: every formula has the
 * same kind of original image (its DOM), so the chains FOP finds depend only on the flavours asked for and on the
 * loaders and converters registered, which do not change once the factory is set up; and a chain holds no state of a
 * run (our formula loader hands back the preloaded DOM, the converters keep nothing). Every other picture keeps FOP's
 * own search: which loaders take a file can depend on the file ({@link PngPassThrough}).
 */
final class ImagePipelines extends PipelineFactory {
  private final Map<List<Object>, ImageProviderPipeline[]> known = new ConcurrentHashMap<>();

  private ImagePipelines(ImageManager manager) {
    super(manager);
  }

  /** Puts this in place of the manager's pipeline factory; leaves FOP's own where that cannot be done. */
  static void install(ImageManager manager) {
    try {
      java.lang.reflect.Field f = ImageManager.class.getDeclaredField("pipelineFactory");
      f.setAccessible(true);
      f.set(manager, new ImagePipelines(manager));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another FOP than the one this was written for: its own search, as before
    }
  }

  @Override
  public ImageProviderPipeline[] determineCandidatePipelines(ImageInfo info, ImageFlavor[] flavors) {
    Image original = info.getOriginalImage();
    if (original == null || !FormulaPreloader.MIME.equals(info.getMimeType())) {
      return super.determineCandidatePipelines(info, flavors);
    }
    List<Object> key = List.of(original.getFlavor(), List.of(flavors));
    ImageProviderPipeline[] found = known.get(key);
    if (found == null) {
      found = super.determineCandidatePipelines(info, flavors);
      known.put(key, found);
    }
    return found.clone();
  }

  /** Searches remembered (for tests). */
  int remembered() {
    return known.size();
  }
}
