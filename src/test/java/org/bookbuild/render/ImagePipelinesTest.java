package org.bookbuild.render;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xmlgraphics.image.loader.ImageFlavor;
import org.apache.xmlgraphics.image.loader.ImageInfo;
import org.apache.xmlgraphics.image.loader.ImageManager;
import org.apache.xmlgraphics.image.loader.ImageSize;
import org.apache.xmlgraphics.image.loader.impl.DefaultImageContext;
import org.apache.xmlgraphics.image.loader.impl.ImageXMLDOM;
import org.apache.xmlgraphics.image.loader.pipeline.ImageProviderPipeline;
import org.bookbuild.math.fop.FormulaElementMapping;
import org.bookbuild.math.fop.FormulaPreloader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** FOP's pipelines for pictures held in memory (formulas) are searched once per kind and give what FOP's search gives. */
class ImagePipelinesTest {
  /** A formula as FOP's PDF painter hands it over: preloaded, its DOM the original image. */
  private static ImageInfo formula(String uri) throws Exception {
    ImageInfo info = new ImageInfo(uri, FormulaPreloader.MIME);
    ImageSize size = new ImageSize(20, 10, 72);
    size.calcSizeFromPixels();
    info.setSize(size);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    doc.appendChild(doc.createElementNS(FormulaElementMapping.NAMESPACE, "math"));
    info.getCustomObjects().put(ImageInfo.ORIGINAL_IMAGE, new ImageXMLDOM(info, doc, FormulaElementMapping.NAMESPACE));
    return info;
  }

  /** The chains as their loaders' and converters' classes. */
  private static String names(ImageProviderPipeline[] p) {
    return Arrays.toString(p).replaceAll("@[0-9a-f]+", "");
  }

  @Test
  void aPictureInMemoryGetsTheChainsFopFindsSearchedOnceForItsKind() throws Exception {
    ImageManager fops = new ImageManager(new DefaultImageContext());
    ImageManager ours = new ImageManager(new DefaultImageContext());
    ImagePipelines.install(ours);
    assertInstanceOf(ImagePipelines.class, ours.getPipelineFactory(), "installed in FOP's image manager");
    ImageFlavor[] wanted = {ImageFlavor.RAW_PNG, ImageFlavor.GRAPHICS2D, ImageFlavor.BUFFERED_IMAGE};
    for (int k = 0; k < 3; k++) {
      ImageInfo info = formula("formula-" + k);
      ImageProviderPipeline[] want = fops.getPipelineFactory().determineCandidatePipelines(info, wanted);
      ImageProviderPipeline[] got = ours.getPipelineFactory().determineCandidatePipelines(info, wanted);
      assertTrue(want.length > 0, "FOP finds a chain");
      assertEquals(names(want), names(got));
      assertSame(ImageFlavor.GRAPHICS2D, ours.choosePipeline(got).getTargetFlavor(), "drawn through Java2D");
    }
    assertEquals(1, ((ImagePipelines) ours.getPipelineFactory()).remembered(), "three formulas, one search");
  }
}
