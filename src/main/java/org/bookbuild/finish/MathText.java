package org.bookbuild.finish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.bookbuild.math.MathUnicode;
import org.bookbuild.math.UnicodeCMap;

/**
 * Math as text: rewrites the ToUnicode maps of jlatexmath's fonts through {@link UnicodeCMap}, for a PDF FOP wrote in
 * one pass (the per-chapter join writes them so itself, and a map already rewritten is left alone).
 */
final class MathText implements DocumentStep {
  @Override
  public boolean wanted(String pdf) {
    return pdf.contains("+jlm_");
  }

  @Override
  public boolean apply(PDDocument doc) throws IOException {
    Set<COSStream> done = new HashSet<>();
    boolean changed = false;
    for (PDPage page : doc.getPages()) changed |= resources(page.getResources(), done, new HashSet<>());
    return changed;
  }

  private boolean resources(PDResources res, Set<COSStream> done, Set<COSBase> visited) throws IOException {
    if (res == null || !visited.add(res.getCOSObject())) return false;
    boolean changed = false;
    COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
    if (fonts != null) {
      for (COSName n : fonts.keySet()) {
        if (fonts.getDictionaryObject(n) instanceof COSDictionary font) changed |= font(font, done);
      }
    }
    for (COSName n : res.getXObjectNames()) {
      PDXObject x = res.getXObject(n);
      if (x instanceof PDFormXObject form) changed |= resources(form.getResources(), done, visited);
    }
    return changed;
  }

  private boolean font(COSDictionary font, Set<COSStream> done) throws IOException {
    String base = font.getNameAsString(COSName.BASE_FONT);
    if (base == null || !MathUnicode.isMathFont(base)) return false;
    if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream cmap) || !done.add(cmap)) return false;
    String text;
    try (var in = cmap.createInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    String mapped = UnicodeCMap.mapped(base, text);
    if (mapped == null) return false;
    try (OutputStream out = cmap.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(mapped.getBytes(StandardCharsets.ISO_8859_1));
    }
    return true;
  }
}
