package org.bookbuild.render;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.fop.pdf.BitmapImage;
import org.apache.fop.pdf.FlateFilter;
import org.apache.fop.pdf.PDFDeviceColorSpace;
import org.apache.fop.pdf.PDFDocument;
import org.apache.fop.pdf.PDFFilterException;
import org.apache.fop.pdf.PDFXObject;
import org.apache.fop.render.RenderingContext;
import org.apache.fop.render.pdf.PDFImageHandlerRawPNG;
import org.apache.fop.render.pdf.PDFRenderingContext;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.apache.xmlgraphics.image.loader.Image;
import org.apache.xmlgraphics.image.loader.impl.ImageRawPNG;
import org.bookbuild.io.Fingerprint;

/**
 * The alpha channel of a PNG taken by {@link PngPassThrough} split off into a soft mask in bulk. FOP's own raw-PNG
 * adapter does the same split one pixel at a time through a synchronized buffered stream, twice (once for the mask,
 * once for the colour), and deflates both again at the default level: a matplotlib plot of 1,000 × 800 pixels was tens of
 * milliseconds of C1-compiled byte shuffling, and the images were a fifth of a 160-page book's join (JFR, mines) and
 * most of a plot-heavy one's (climate-laboratory).
 *
 * <p>The split keeps the PNG's row filters: every PNG filter predicts a byte from the same channel of the pixel to its
 * left, above and above-left, so the filtered bytes of one channel, with each row's filter type in front, are a valid
 * PNG-predicted stream of that channel alone ({@code /Predictor 15}). The colour goes to FOP as an opaque PNG of the
 * same picture (FOP copies its data as it is), the alpha as a DeviceGray image that FOP's picture names as its
 * {@code /SMask}.
 *
 * <p>What a split gives is kept by the PNG data's fingerprint for the process (bounded by size), so a resident
 * {@code book watch} does not split the same plots again on every join.
 */
final class PngAlphaSplit {
  private PngAlphaSplit() {}

  /** The colour and alpha of one picture, each deflated with its row filters. */
  record Split(byte[] colour, byte[] alpha, int colourComponents) {
    long size() {
      return colour.length + (long) alpha.length;
    }
  }

  /** Splits kept across joins: least recently used out first, at most {@link #KEEP_BYTES} of them. */
  static final long KEEP_BYTES = 32L << 20;

  /** Splits by the fingerprint of the PNG data and the picture's size, done or under way; guarded by itself. */
  private static final Map<String, CompletableFuture<Split>> kept = new LinkedHashMap<>(64, 0.75f, true);
  private static long keptBytes;

  /**
   * Splits an 8-bit, non-interlaced PNG's deflated image data (its IDAT chunks joined) of {@code components}
   * interleaved samples per pixel, the last of them alpha (2: grey and alpha, 4: RGB and alpha).
   */
  static Split split(byte[] deflated, int width, int height, int components) throws IOException {
    int row = width * components;
    byte[] raw = inflate(deflated, height * (long) (row + 1));
    int colours = components - 1;
    byte[] colour = new byte[height * (width * colours + 1)];
    byte[] alpha = new byte[height * (width + 1)];
    int in = 0, c = 0, a = 0;
    for (int y = 0; y < height; y++) {
      byte filter = raw[in++];
      colour[c++] = filter;
      alpha[a++] = filter;
      if (colours == 3) {
        for (int x = 0; x < width; x++, in += 4) {
          colour[c] = raw[in];
          colour[c + 1] = raw[in + 1];
          colour[c + 2] = raw[in + 2];
          c += 3;
          alpha[a++] = raw[in + 3];
        }
      } else {
        for (int x = 0; x < width; x++, in += 2) {
          colour[c++] = raw[in];
          alpha[a++] = raw[in + 1];
        }
      }
    }
    return new Split(deflate(colour), deflate(alpha), colours);
  }

  /**
   * The split of a picture's data: the one kept when the same data was split before in this process, or is being split
   * now ({@link #prefetch}), waited for; else split here and kept.
   */
  static Split splitKept(byte[] deflated, int width, int height, int components) throws IOException {
    String key = key(deflated, width, height, components);
    CompletableFuture<Split> theirs;
    CompletableFuture<Split> mine = new CompletableFuture<>();
    synchronized (kept) {
      theirs = kept.putIfAbsent(key, mine);
    }
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        return split(deflated, width, height, components); // it failed there: try here, the error is ours to report
      }
    }
    try {
      Split s = split(deflated, width, height, components);
      mine.complete(s);
      synchronized (kept) {
        keptBytes += s.size();
        var it = kept.entrySet().iterator();
        while (keptBytes > KEEP_BYTES && it.hasNext()) {
          CompletableFuture<Split> f = it.next().getValue();
          if (!f.isDone() || f == mine) continue;
          if (!f.isCompletedExceptionally()) keptBytes -= f.join().size();
          it.remove();
        }
      }
      return s;
    } catch (IOException | RuntimeException e) {
      mine.completeExceptionally(e);
      synchronized (kept) {
        kept.remove(key, mine);
      }
      throw e;
    }
  }

  /** Whether a finished split of this picture's data is kept. */
  static boolean isKept(byte[] deflated, int width, int height, int components) {
    synchronized (kept) {
      CompletableFuture<Split> f = kept.get(key(deflated, width, height, components));
      return f != null && f.isDone() && !f.isCompletedExceptionally();
    }
  }

  private static String key(byte[] deflated, int width, int height, int components) {
    return new Fingerprint().add(deflated).hex() + ':' + width + 'x' + height + 'x' + components;
  }

  /** Whether the kept splits have room for more. */
  private static boolean room() {
    synchronized (kept) {
      return keptBytes < KEEP_BYTES;
    }
  }

  private static final java.util.concurrent.ExecutorService AHEAD = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "bookbuild-png");
    t.setDaemon(true);
    return t;
  });

  /**
   * Starts splitting, on a thread of its own, the translucent PNGs a FO document names ({@code fo:external-graphic}),
   * in document order, while the chapters are laid out: the join, which runs alone on one core, then finds them split.
   * What cannot be read or is no such PNG is left to the join, which reports it as before. Returns the task, done when
   * every picture named was taken or skipped.
   */
  static java.util.concurrent.Future<?> prefetch(String fo, ResourceResolver resources) {
    Set<String> uris = new LinkedHashSet<>();
    for (int at = fo.indexOf("<fo:external-graphic"); at >= 0; at = fo.indexOf("<fo:external-graphic", at + 1)) {
      int src = fo.indexOf(" src=\"url(", at);
      int close = fo.indexOf('>', at);
      if (src < 0 || src > close) continue;
      int from = src + " src=\"url(".length();
      int to = fo.indexOf(")\"", from);
      if (to < 0 || to > close) continue;
      String uri = unescape(fo.substring(from, to));
      if (uri.endsWith(".png") || uri.endsWith(".PNG")) uris.add(uri);
    }
    return AHEAD.submit(() -> {
      for (String uri : uris) {
        if (!room()) return;
        try (InputStream in = resources.getResource(URI.create(uri))) {
          Png png = Png.read(in.readAllBytes());
          if (png != null) splitKept(png.data(), png.width(), png.height(), png.components());
        } catch (Exception e) {
          // not readable or not a PNG this takes: the join reads it as before and reports what it finds
        }
      }
    });
  }

  private static String unescape(String s) {
    return s.indexOf('&') < 0 ? s : s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /** What the split needs of a PNG file: its size, samples per pixel and joined IDAT data; null when it takes it not. */
  record Png(int width, int height, int components, byte[] data) {
    static Png read(byte[] b) {
      if (b.length < 33 || (b[0] & 0xff) != 0x89 || b[1] != 'P' || b[2] != 'N' || b[3] != 'G') return null;
      ByteArrayOutputStream idat = new ByteArrayOutputStream(b.length);
      int width = 0, height = 0, components = 0;
      for (int at = 8; at + 8 <= b.length; ) {
        int len = ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
        String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (len < 0 || at + 12L + len > b.length) return null;
        int d = at + 8;
        if (type.equals("IHDR")) {
          width = int32(b, d);
          height = int32(b, d + 4);
          int depth = b[d + 8], colourType = b[d + 9], interlace = b[d + 12];
          if (depth != 8 || interlace != 0) return null;
          if (colourType == 6) components = 4;
          else if (colourType == 4) components = 2;
          else return null; // no alpha channel: FOP copies its data as it is
        } else if (type.equals("IDAT")) {
          idat.write(b, d, len);
        } else if (type.equals("IEND")) {
          break;
        }
        at = d + len + 4;
      }
      return components == 0 || width <= 0 || height <= 0 ? null : new Png(width, height, components, idat.toByteArray());
    }

    private static int int32(byte[] b, int i) {
      return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }
  }

  private static byte[] inflate(byte[] deflated, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 8) throw new IOException("PNG too large to split: " + size + " bytes of samples");
    byte[] out = new byte[(int) size];
    Inflater inf = new Inflater();
    try {
      inf.setInput(deflated);
      int n = 0;
      while (n < out.length) {
        int got = inf.inflate(out, n, out.length - n);
        if (got == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
        n += got;
      }
      if (n < out.length) throw new IOException("PNG data ends after " + n + " of " + out.length + " bytes");
      return out;
    } catch (DataFormatException e) {
      throw new IOException("PNG data does not inflate: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }

  private static byte[] deflate(byte[] data) {
    Deflater def = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      def.setInput(data);
      def.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
      byte[] buf = new byte[1 << 16];
      while (!def.finished()) out.write(buf, 0, def.deflate(buf));
      return out.toByteArray();
    } finally {
      def.end();
    }
  }

  /**
   * FOP's raw-PNG handler, handed the colour of a translucent PNG as an opaque one; the soft mask is added to the
   * picture's XObject here. Every other PNG goes to FOP's handler as it is.
   */
  static final class Handler extends PDFImageHandlerRawPNG {
    @Override
    public int getPriority() {
      return super.getPriority() - 1;
    }

    @Override
    public void handleImage(RenderingContext context, Image image, Rectangle pos) throws IOException {
      if (!(image instanceof ImageRawPNG png) || !(context instanceof PDFRenderingContext pdf) || !translucent(png)) {
        super.handleImage(context, image, pos);
        return;
      }
      String key = png.getInfo().getOriginalURI();
      PDFDocument doc = pdf.getGenerator().getDocument();
      boolean first = doc.getXObject(key) == null;
      int w = png.getSize().getWidthPx(), h = png.getSize().getHeightPx();
      ColorModel cm = png.getColorModel();
      Split split = null;
      if (first) {
        try (InputStream in = png.createInputStream()) {
          split = splitKept(in.readAllBytes(), w, h, cm.getNumComponents());
        }
      }
      ComponentColorModel opaque = new ComponentColorModel(cm.getColorSpace(), false, false, Transparency.OPAQUE,
          DataBuffer.TYPE_BYTE);
      ImageRawPNG colour = new ImageRawPNG(png.getInfo(),
          new ByteArrayInputStream(split != null ? split.colour() : new byte[0]), opaque, 8, png.getICCProfile());
      colour.setRenderingIntent(png.getRenderingIntent());
      super.handleImage(context, colour, pos);
      if (!first) return; // the picture was written with its mask when first drawn
      doc.getProfile().verifyTransparencyAllowed(key);
      PDFXObject x = doc.getXObject(key);
      if (x == null) throw new IOException("FOP did not keep the picture " + key);
      BitmapImage mask = new BitmapImage("Mask:" + key, w, h, split.alpha(), null);
      mask.setPDFFilter(predicted(w, 1));
      mask.disallowMultipleFilters();
      mask.setColorSpace(new PDFDeviceColorSpace(PDFDeviceColorSpace.DEVICE_GRAY));
      x.put("SMask", doc.addImage(null, mask).makeReference());
    }

    private static boolean translucent(ImageRawPNG png) {
      ColorModel cm = png.getColorModel();
      return !(cm instanceof IndexColorModel) && cm.hasAlpha() && cm.getTransparency() == ColorModel.TRANSLUCENT
          && png.getBitDepth() == 8 && (cm.getNumComponents() == 2 || cm.getNumComponents() == 4);
    }

    private static FlateFilter predicted(int columns, int colours) throws IOException {
      try {
        FlateFilter f = new FlateFilter();
        f.setApplied(true);
        f.setPredictor(FlateFilter.PREDICTION_PNG_OPT);
        f.setColors(colours);
        f.setColumns(columns);
        f.setBitsPerComponent(8);
        return f;
      } catch (PDFFilterException e) {
        throw new IOException(e);
      }
    }
  }
}
