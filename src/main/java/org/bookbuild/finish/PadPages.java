package org.bookbuild.finish;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Appends truly blank pages (no content, no folio) so that the page count keeps a press's rules. Each new page copies
 * the boxes of the last page on the same side (recto or verso), so its bleed stays on the outside edge.
 */
public record PadPages(int count) implements FinishStep {
  @Override
  public void apply(PDDocument doc) {
    for (int i = 0; i < count; i++) {
      int n = doc.getNumberOfPages();
      PDPage like = doc.getPage(n >= 2 ? n - 2 : n - 1);
      PDPage p = new PDPage(like.getMediaBox());
      if (like.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.BLEED_BOX)) p.setBleedBox(like.getBleedBox());
      if (like.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.TRIM_BOX)) p.setTrimBox(like.getTrimBox());
      if (like.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.CROP_BOX)) p.setCropBox(like.getCropBox());
      doc.addPage(p);
    }
  }
}
