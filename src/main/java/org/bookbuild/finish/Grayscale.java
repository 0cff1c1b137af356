package org.bookbuild.finish;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A black-and-white interior: every colour operator on every page (and in every form it draws) becomes a gray of the
 * same lightness ({@code rg}/{@code k}/{@code sc} in RGB, CMYK or ICC spaces → {@code g}), and every colour image is
 * replaced by its gray version (soft masks kept). What the style gave as colour was already mapped to gray when the
 * style was loaded; this catches what the style does not reach: figures, notebook images, SVG drawings.
 */
public final class Grayscale implements FinishStep {
  private final Map<COSBase, Boolean> done = new IdentityHashMap<>();

  @Override
  public void apply(PDDocument doc) throws IOException {
    for (PDPage page : doc.getPages()) {
      PDResources res = page.getResources();
      byte[] out = rewrite(page.getContents().readAllBytes(), res);
      PDStream s = new PDStream(doc);
      try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
        o.write(out);
      }
      page.setContents(s);
      resources(doc, res);
    }
  }

  private void resources(PDDocument doc, PDResources res) throws IOException {
    if (res == null || done.put(res.getCOSObject(), true) != null) return;
    for (COSName name : res.getXObjectNames()) {
      PDXObject x = res.getXObject(name);
      if (x instanceof PDFormXObject form) {
        if (done.put(form.getCOSObject(), true) != null) continue;
        PDResources fr = form.getResources();
        byte[] out = rewrite(form.getContentStream().toByteArray(), fr == null ? res : fr);
        COSStream cos = form.getCOSObject();
        try (OutputStream o = cos.createOutputStream(COSName.FLATE_DECODE)) {
          o.write(out);
        }
        resources(doc, fr);
      } else if (x instanceof PDImageXObject img && !img.isStencil() && !(img.getColorSpace() instanceof PDDeviceGray)
          && img.getColorSpace().getNumberOfComponents() > 1) {
        res.put(name, gray(doc, img));
      }
    }
  }

  private static PDImageXObject gray(PDDocument doc, PDImageXObject img) throws IOException {
    BufferedImage src = img.getOpaqueImage(null, 1);
    BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int p = src.getRGB(x, y);
        int v = luma((p >> 16) & 255, (p >> 8) & 255, p & 255);
        g.getRaster().setSample(x, y, 0, v);
      }
    }
    boolean jpeg = COSName.DCT_DECODE.equals(img.getCOSObject().getDictionaryObject(COSName.FILTER))
        || img.getSuffix() != null && img.getSuffix().equals("jpg");
    PDImageXObject out = jpeg ? JPEGFactory.createFromImage(doc, g, 0.92f) : LosslessFactory.createFromImage(doc, g);
    COSBase smask = img.getCOSObject().getDictionaryObject(COSName.SMASK);
    if (smask != null) out.getCOSObject().setItem(COSName.SMASK, smask);
    if (img.getInterpolate()) out.setInterpolate(true);
    return out;
  }

  static int luma(int r, int g, int b) {
    return (int) Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
  }

  /** The content stream with every colour operator turned gray. */
  private static byte[] rewrite(byte[] content, PDResources res) throws IOException {
    PDFStreamParser parser = new PDFStreamParser(content);
    List<Object> tokens = parser.parse();
    List<Object> out = new ArrayList<>(tokens.size());
    List<COSBase> operands = new ArrayList<>();
    PDColorSpace fill = PDDeviceGray.INSTANCE, stroke = PDDeviceGray.INSTANCE;
    for (Object t : tokens) {
      if (!(t instanceof Operator op)) {
        operands.add((COSBase) t);
        continue;
      }
      String n = op.getName();
      switch (n) {
        case "rg", "RG", "k", "K" -> {
          float[] v = floats(operands);
          float gv = n.equalsIgnoreCase("rg") ? lum(v[0], v[1], v[2]) : cmykGray(v);
          emit(out, List.of(new COSFloat(gv)), Operator.getOperator(n.equals("rg") || n.equals("k") ? "g" : "G"));
        }
        case "cs", "CS" -> {
          PDColorSpace cs = operands.isEmpty() || !(operands.get(0) instanceof COSName nm) ? null : colourSpace(nm, res);
          boolean keep = cs == null || neutral(cs);
          if (n.equals("cs")) fill = cs; else stroke = cs;
          if (keep) emit(out, operands, op);
          else emit(out, List.of(COSName.DEVICEGRAY), op);
        }
        case "sc", "scn", "SC", "SCN" -> {
          PDColorSpace cs = n.startsWith("s") ? fill : stroke;
          if (cs == null || neutral(cs) || operands.stream().anyMatch(o -> o instanceof COSName)) {
            emit(out, operands, op);
          } else {
            float[] rgb = cs.toRGB(floats(operands));
            emit(out, List.of(new COSFloat(lum(rgb[0], rgb[1], rgb[2]))), op);
          }
        }
        default -> emit(out, operands, op);
      }
      operands.clear();
    }
    out.addAll(operands);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(content.length);
    new ContentStreamWriter(bytes).writeTokens(out);
    return bytes.toByteArray();
  }

  private static void emit(List<Object> out, List<COSBase> operands, Operator op) {
    out.addAll(operands);
    out.add(op);
  }

  /** Colour spaces that carry no hue: gray, one-component ICC, separations (registration, spot tints). */
  static boolean neutral(PDColorSpace cs) {
    return cs instanceof PDDeviceGray || cs instanceof PDSeparation
        || cs instanceof PDICCBased icc && icc.getNumberOfComponents() == 1;
  }

  private static PDColorSpace colourSpace(COSName name, PDResources res) {
    try {
      return PDColorSpace.create(name, res);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static float[] floats(List<COSBase> operands) {
    float[] v = new float[operands.size()];
    for (int i = 0; i < v.length; i++) v[i] = operands.get(i) instanceof COSNumber num ? num.floatValue() : 0;
    return v;
  }

  private static float lum(float r, float g, float b) {
    return Math.round((0.2126f * r + 0.7152f * g + 0.0722f * b) * 1000) / 1000f;
  }

  private static float cmykGray(float[] v) {
    if (v.length < 4) return 0;
    float r = (1 - v[0]) * (1 - v[3]), g = (1 - v[1]) * (1 - v[3]), b = (1 - v[2]) * (1 - v[3]);
    return lum(r, g, b);
  }
}
