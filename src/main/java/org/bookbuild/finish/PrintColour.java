package org.bookbuild.finish;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A print interior's colour for a CMYK output intent: PDF/X (and every print shop's preflight) refuses device RGB
 * when the output intent is CMYK, and FOP, Batik and the math painter all paint in it. This step meets them where
 * their output meets, the finished PDF:
 * <ul>
 *   <li>vector colour ({@code rg}/{@code RG}, {@code cs}/{@code CS} in DeviceRGB with its {@code sc}/{@code scn}) on
 *       every page, form and tiling pattern becomes DeviceCMYK through the output-intent profile ({@code k}/{@code K});
 *       a neutral (red = green = blue) becomes DeviceGray ({@code g}), which a CMYK press prints with black ink only:
 *       black text is never four-colour black;</li>
 *   <li>images, shadings and indexed spaces over DeviceRGB are tagged ICC-based sRGB, which is what their samples
 *       are: device independent, allowed by PDF/X-3 and PDF/X-4, and converted by the shop's RIP with the output
 *       intent; the pixels stay as they were (FOP's decoded PNGs are tagged so already);</li>
 *   <li>transparency groups blending in DeviceRGB blend in DeviceCMYK, the output intent's space.</li>
 * </ul>
 * A content stream with no RGB in it is left as it was written.
 */
public final class PrintColour implements FinishStep {
  private final ICC_ColorSpace cmyk;
  private final Map<Integer, float[]> converted = new HashMap<>();
  private final Map<COSBase, Boolean> done = new IdentityHashMap<>();
  private COSStream srgb;
  private int rewritten;

  /** @param profile the output intent's ICC profile; it must describe a CMYK device */
  public PrintColour(byte[] profile) {
    this.cmyk = space(profile);
  }

  /** Whether {@code profile} is an ICC profile of a CMYK device (the header's colour space field). */
  public static boolean isCmyk(byte[] profile) {
    return profile != null && profile.length >= 20 && profile[16] == 'C' && profile[17] == 'M' && profile[18] == 'Y'
        && profile[19] == 'K';
  }

  private static final Map<Integer, ICC_ColorSpace> SPACES = new java.util.concurrent.ConcurrentHashMap<>();

  /** One colour space per profile per process: building LCMS's transform costs more than a book's conversions. */
  private static ICC_ColorSpace space(byte[] profile) {
    if (!isCmyk(profile)) throw new IllegalArgumentException("the output intent's profile is not a CMYK profile");
    return SPACES.computeIfAbsent(java.util.Arrays.hashCode(profile),
        h -> new ICC_ColorSpace(ICC_Profile.getInstance(profile)));
  }

  /** Content streams changed by the last {@link #apply} (pages, forms, patterns). */
  public int rewritten() {
    return rewritten;
  }

  @Override
  public void apply(PDDocument doc) throws IOException {
    for (PDPage page : doc.getPages()) {
      PDResources res = page.getResources();
      COSDictionary resDict = res == null ? null : res.getCOSObject();
      byte[] in = page.getContents().readAllBytes();
      byte[] out = rewrite(in, resDict);
      if (out != null) {
        PDStream s = new PDStream(doc);
        try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
          o.write(out);
        }
        page.setContents(s);
      }
      group(page.getCOSObject());
      resources(resDict);
    }
  }

  /** Everything a resource dictionary reaches: forms, images, patterns, shadings, soft masks, colour spaces. */
  private void resources(COSDictionary res) throws IOException {
    if (res == null || done.put(res, true) != null) return;
    for (COSBase x : values(res, COSName.XOBJECT)) {
      if (!(x instanceof COSStream s) || done.put(s, true) != null) continue;
      if (COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
        tagSpace(s, COSName.COLORSPACE);
        if (s.getDictionaryObject(COSName.SMASK) instanceof COSStream mask) tagSpace(mask, COSName.COLORSPACE);
      } else if (COSName.FORM.equals(s.getCOSName(COSName.SUBTYPE))) {
        form(s, res);
      }
    }
    for (COSBase p : values(res, COSName.PATTERN)) {
      if (!(p instanceof COSDictionary pd) || done.put(pd, true) != null) continue;
      if (pd.getInt(COSName.PATTERN_TYPE) == 1 && pd instanceof COSStream tiling) form(tiling, res);
      else if (pd.getDictionaryObject(COSName.SHADING) instanceof COSDictionary sh) tagSpace(sh, COSName.COLORSPACE);
    }
    for (COSBase sh : values(res, COSName.SHADING)) {
      if (sh instanceof COSDictionary d) tagSpace(d, COSName.COLORSPACE);
    }
    for (COSBase gs : values(res, COSName.EXT_G_STATE)) {
      if (gs instanceof COSDictionary g && g.getDictionaryObject(COSName.SMASK) instanceof COSDictionary mask) {
        if (mask.getDictionaryObject(COSName.G) instanceof COSStream f && done.put(f, true) == null) form(f, res);
      }
    }
    COSBase spaces = res.getDictionaryObject(COSName.COLORSPACE);
    if (spaces instanceof COSDictionary cs) {
      for (COSName k : cs.keySet()) {
        COSBase v = cs.getDictionaryObject(k);
        if (v instanceof COSArray a && a.size() > 1 && COSName.INDEXED.equals(a.getObject(0))) tagIndexed(a);
      }
    }
  }

  private void form(COSStream form, COSDictionary outer) throws IOException {
    COSDictionary own = form.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary r ? r : null;
    byte[] in;
    try (var s = form.createInputStream()) {
      in = s.readAllBytes();
    }
    byte[] out = rewrite(in, own != null ? own : outer);
    if (out != null) {
      try (OutputStream o = form.createOutputStream(COSName.FLATE_DECODE)) {
        o.write(out);
      }
    }
    group(form);
    resources(own);
  }

  /** A transparency group blending in DeviceRGB blends in the output intent's CMYK. */
  private static void group(COSDictionary d) {
    if (d.getDictionaryObject(COSName.GROUP) instanceof COSDictionary g && isRgb(g.getDictionaryObject(COSName.CS))) {
      g.setItem(COSName.CS, COSName.DEVICECMYK);
    }
  }

  private static List<COSBase> values(COSDictionary res, COSName kind) {
    List<COSBase> out = new ArrayList<>();
    if (res.getDictionaryObject(kind) instanceof COSDictionary d) {
      for (COSName k : d.keySet()) out.add(d.getDictionaryObject(k));
    }
    return out;
  }

  private static boolean isRgb(COSBase cs) {
    if (cs instanceof COSObject o) cs = o.getObject();
    return COSName.DEVICERGB.equals(cs) || COSName.RGB.equals(cs);
  }

  /** DeviceRGB (or an indexed space over it) under {@code key} becomes ICC-based sRGB. */
  private void tagSpace(COSDictionary d, COSName key) {
    COSBase cs = d.getDictionaryObject(key);
    if (isRgb(cs)) d.setItem(key, srgb());
    else if (cs instanceof COSArray a && a.size() > 1 && COSName.INDEXED.equals(a.getObject(0))) tagIndexed(a);
  }

  private void tagIndexed(COSArray a) {
    if (isRgb(a.getObject(1))) a.set(1, srgb());
  }

  /** One ICC-based sRGB colour space per document (Java's own sRGB profile). */
  private COSArray srgb() {
    if (srgb == null) {
      srgb = new COSStream();
      srgb.setInt(COSName.N, 3);
      try (OutputStream o = srgb.createOutputStream(COSName.FLATE_DECODE)) {
        o.write(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    COSArray a = new COSArray();
    a.add(COSName.ICCBASED);
    a.add(srgb);
    return a;
  }

  /** The content stream with its device-RGB colour in CMYK (or gray), or null when it has none ({@link RgbOperators}). */
  private byte[] rewrite(byte[] content, COSDictionary res) {
    byte[] out = RgbOperators.rewrite(content, name -> isRgb(named(res, COSName.getPDFName(name))), this::cmyk);
    if (out != null) rewritten++;
    return out;
  }

  /** sRGB → the profile's CMYK, remembered per colour (a book has a few dozen). */
  float[] cmyk(float[] rgb) {
    int key = q(rgb[0]) << 20 | q(rgb[1]) << 10 | q(rgb[2]);
    return converted.computeIfAbsent(key, k -> {
      float[] in = {clamp(rgb[0]), clamp(rgb[1]), clamp(rgb[2])};
      float[] c;
      synchronized (cmyk) {   // one colour space per profile is shared by the builds of a process
        c = cmyk.fromRGB(in);
      }
      for (int i = 0; i < c.length; i++) c[i] = Math.round(clamp(c[i]) * 10000) / 10000f;
      return c;
    });
  }

  private static int q(float v) {
    return Math.round(clamp(v) * 1000);
  }

  private static float clamp(float v) {
    return Math.max(0, Math.min(1, v));
  }

  private static COSBase named(COSDictionary res, COSName name) {
    if (res == null || !(res.getDictionaryObject(COSName.COLORSPACE) instanceof COSDictionary cs)) return null;
    return cs.getDictionaryObject(name);
  }
}
