package org.bookbuild.parse.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.figure.PlotlyFigure;
import org.bookbuild.io.World;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.LineIndex;
import org.bookbuild.parse.MarkdownParser;

/**
 * Turns a code cell's stored outputs into blocks, as they were saved (nothing is executed). Text streams, reprs and
 * errors print as monospaced output blocks (code blocks with class {@code output}, role {@code code.output});
 * images are written once into {@code out/.cache/nb/} under a hash of their bytes and placed from there; plotly
 * figures are drawn by the figure stage as vector SVG.
 */
final class Outputs {
  static final String CACHE = "out/.cache/nb/";

  private final World world;
  private final Diagnostics diags;
  private final MarkdownParser md;

  Outputs(World world, Diagnostics diags, MarkdownParser md) {
    this.world = world;
    this.diags = diags;
    this.md = md;
  }

  List<Block> convert(NotebookStream.Output o) {
    SourcePos pos = o.pos();
    List<Block> out = new ArrayList<>();
    switch (o.type()) {
      case "stream" -> text(out, pos, o.text(), "stream", o.name());
      case "error" -> {
        String tb = String.join("\n", o.traceback());
        String shown = tb.isBlank() ? o.ename() + ": " + o.evalue() : tb;
        text(out, pos, shown, "error", null);
      }
      case "execute_result", "display_data" -> bundle(out, o);
      default -> diags.warn("notebook-output", pos, "unknown output type '" + o.type() + "' is not printed");
    }
    return out;
  }

  private void bundle(List<Block> out, NotebookStream.Output o) {
    SourcePos pos = o.pos();
    String mime = o.mime();
    Object v = o.value();
    if (mime == null) {
      if (o.interactive() != null) {
        interactive(out, o);
      } else if (o.plain() != null) {
        text(out, pos, o.plain(), "plain", null);
      } else if (o.unprintable() != null) {
        // an output held only in a form this tool cannot print (application/json, a PDF …) is said, not dropped
        diags.warn("notebook-output", pos, "output stored only as " + o.unprintable() + ", which cannot be printed");
        out.add(new Block.Problem(pos, "output not printed (" + o.unprintable() + ")", ""));
      }
      return;
    }
    switch (mime) {
      case Mime.PLOTLY -> {
        if (!(v instanceof JsonNode fig)) {
          diags.warn("notebook-output", pos, "plotly output is not a JSON object and is not printed");
          return;
        }
        org.bookbuild.figure.FigureEngine.Rendered r = PlotlyFigure.render(world, fig, pos, diags);
        out.add(image(pos, r.svg(), r.widthPt(), r.heightPt(), "plotly figure"));
      }
      case Mime.SVG -> {
        // a DOCTYPE would make the SVG reader fetch the DTD from the web
        String svg = transparentAsNone(String.valueOf(v).replaceFirst("(?s)<!DOCTYPE[^>]*>", ""));
        cached(out, pos, svg.getBytes(StandardCharsets.UTF_8), "svg");
      }
      case Mime.PNG, Mime.JPEG -> {
        byte[] bytes;
        try {
          bytes = Base64.getMimeDecoder().decode(String.valueOf(v).trim());
        } catch (IllegalArgumentException e) {
          diags.warn("notebook-output", pos, mime + " output is not valid base64 and is not printed");
          out.add(new Block.Problem(pos, "unreadable " + mime + " output", ""));
          return;
        }
        cached(out, pos, bytes, mime.equals(Mime.PNG) ? "png" : "jpg");
      }
      case Mime.LATEX -> out.add(new Block.MathBlock(pos, Attr.EMPTY, stripDelimiters(String.valueOf(v))));
      case Mime.HTML -> html(out, o, String.valueOf(v));
      case Mime.MARKDOWN -> out.addAll(md.parse(new LineIndex(pos.file(), String.valueOf(v), pos.line() - 1), String.valueOf(v), diags));
      default -> text(out, pos, o.plain() == null ? "" : o.plain(), "plain", null);
    }
  }

  private static final java.util.regex.Pattern TRANSPARENT =
      java.util.regex.Pattern.compile("\\b(fill|stroke)(\\s*=\\s*[\"']|\\s*:\\s*)transparent\\b");

  /**
   * Graphviz and others paint with the CSS colour {@code transparent}, which browsers take and Batik refuses (the
   * whole picture then fails in FOP): as a fill or stroke it means no paint, which is SVG's {@code none}.
   */
  static String transparentAsNone(String svg) {
    return svg.indexOf("transparent") < 0 ? svg : TRANSPARENT.matcher(svg).replaceAll("$1$2none");
  }

  private void html(List<Block> out, NotebookStream.Output o, String html) {
    SourcePos pos = o.pos();
    if (HtmlTables.hasTable(html)) {
      List<Block> t = HtmlTables.blocks(html, pos);
      if (!t.isEmpty()) {
        out.addAll(t);
        return;
      }
    }
    if (o.interactive() != null) {
      interactive(out, o);
      return;
    }
    // pictures in the HTML (IPython's Image(embed=True) or an <img> display) are what the output shows
    int before = out.size();
    htmlImages(out, pos, html);
    boolean pictures = out.size() > before;
    // MyST-NB's and Jupyter Book's PDF builds never take text/html (it is not in their LaTeX render priority): the
    // output's text/plain stands for it, as there; only an output without one is printed as the HTML's text
    String text = HtmlTables.text(html);
    if (pictures && (text.isBlank() || o.plain() != null && o.plain().startsWith("<IPython.core.display"))) return;
    // IPython's IFrame, YouTubeVideo, Video and Audio displays and matplotlib's to_html5_video() animations: a frame or
    // player, whose only text is the browser's fallback ("Your browser does not support the video tag."). A web address
    // prints as the iframe directive's box (link and QR code); sound or film held in the notebook cannot print: a note
    // (their text/plain, "<IPython.core.display.HTML object>", says nothing to a reader)
    if (HtmlTables.text(MEDIA_ELEMENT.matcher(html).replaceAll(" ")).isBlank() && media(out, pos, html)) return;
    // script-only HTML (plotly.js and other loaders) has nothing to print and nothing to warn about
    if (text.isEmpty()) return;
    if (o.plain() != null && !o.plain().isBlank()) {
      text(out, pos, o.plain(), "plain", null);
      return;
    }
    diags.warn("notebook-html", pos, "HTML output printed as its text only");
    text(out, pos, text, "html", null);
  }

  private void interactive(List<Block> out, NotebookStream.Output o) {
    diags.warn("notebook-interactive", o.pos(), "interactive output (" + o.interactive() + ") has no printable form");
    out.add(new Block.Problem(o.pos(), "interactive output (" + o.interactive() + ") not printed",
        o.plain() == null ? "" : o.plain().strip()));
  }

  private static void text(List<Block> out, SourcePos pos, String text, String kind, String stream) {
    String t = clean(text);
    if (t.isEmpty()) return;
    Attr a = Attr.classes("output", kind);
    if (stream != null && !stream.isEmpty()) a = a.withClass(stream);
    out.add(new Block.CodeBlock(pos, a, "", t));
  }

  /**
   * Terminal text as it would look: colour escapes removed, a carriage return overwrites its line (progress bars keep
   * their last state), trailing newlines dropped.
   */
  static String clean(String s) {
    String t = s.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001B[@-_]", "");
    StringBuilder sb = new StringBuilder();
    for (String line : t.split("\n", -1)) {
      String l = line.replaceAll("\r+$", "");
      int cr = l.lastIndexOf('\r');
      if (sb.length() > 0) sb.append('\n');
      sb.append(cr >= 0 ? l.substring(cr + 1) : l);
    }
    return sb.toString().replaceAll("\\s+$", "");
  }

  /** TeX of a text/latex output without the math delimiters around it. */
  static String stripDelimiters(String tex) {
    String t = tex.strip();
    if (t.startsWith("$$") && t.endsWith("$$") && t.length() >= 4) return t.substring(2, t.length() - 2).strip();
    if (t.startsWith("\\[") && t.endsWith("\\]")) return t.substring(2, t.length() - 2).strip();
    if (t.startsWith("$") && t.endsWith("$") && t.length() >= 2) return t.substring(1, t.length() - 1).strip();
    return t;
  }

  /** Writes image bytes into the cache once; null (reported) when they cannot be written. */
  private Path store(SourcePos pos, byte[] bytes, String ext) {
    String rel = CACHE + hash(bytes) + "." + ext;
    Path p = world.outputPath(rel);
    if (!world.exists(rel)) {
      try {
        world.writeAtomically(p, o -> o.write(bytes));
      } catch (IOException e) {
        diags.error("output-unwritable", pos, "cannot write notebook image " + p + ": " + e.getMessage());
        return null;
      }
    }
    return p;
  }

  /**
   * An image a markdown cell takes from its attachments ({@code ![plot](attachment:plot.png)}): placed from the cache
   * like an output image; a missing attachment is a warning and a placeholder.
   */
  Inline attachment(Inline.Image im, JsonNode attachments) {
    String name = im.src().substring("attachment:".length());
    JsonNode bundle = attachments.path(name);
    for (String mime : java.util.List.of(Mime.SVG, Mime.PNG, Mime.JPEG)) {
      JsonNode v = bundle.path(mime);
      if (v.isMissingNode()) continue;
      String text = v.isArray() ? String.join("", java.util.stream.StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList()) : v.asText();
      byte[] bytes;
      try {
        bytes = mime.equals(Mime.SVG) ? text.replaceFirst("(?s)<!DOCTYPE[^>]*>", "").getBytes(StandardCharsets.UTF_8)
            : Base64.getMimeDecoder().decode(text.trim());
      } catch (IllegalArgumentException e) {
        break;
      }
      Path p = store(im.pos(), bytes, mime.equals(Mime.SVG) ? "svg" : mime.equals(Mime.PNG) ? "png" : "jpg");
      if (p == null) break;
      return new Inline.Image(im.pos(), im.attr().with("asset", p.toUri().toString()), im.src(), im.alt());
    }
    diags.warn("notebook-attachment", im.pos(), "the cell has no image attachment named '" + name + "'");
    return new Inline.Problem(im.pos(), "missing attachment " + name, im.src());
  }

  private static final java.util.regex.Pattern IMG = java.util.regex.Pattern.compile(
      "(?is)<img\\b([^>]*?)\\bsrc\\s*=\\s*([\"'])(.*?)\\2([^>]*)>");
  private static final java.util.regex.Pattern IMG_WIDTH = java.util.regex.Pattern.compile(
      "(?is)\\bwidth\\s*=\\s*[\"']?([0-9.]+(?:px|%)?)");
  private static final java.util.regex.Pattern IMG_ALT = java.util.regex.Pattern.compile("(?is)\\balt\\s*=\\s*([\"'])(.*?)\\1");

  /** Each {@code <img>} of an HTML output as a picture: a data address from the cache, a file path as written. */
  /** A frame or player element with its fallback content. */
  private static final java.util.regex.Pattern MEDIA_ELEMENT =
      java.util.regex.Pattern.compile("(?is)<(video|audio|iframe)\\b.*?</\\1\\s*>");
  private static final java.util.regex.Pattern MEDIA = java.util.regex.Pattern.compile(
      "(?is)<(iframe|video|audio|source)\\b[^>]*?\\bsrc\\s*=\\s*([\"'])(.*?)\\2");

  /** The frames and players of an HTML output, as print can show them; whether it had any. */
  private boolean media(List<Block> out, SourcePos pos, String html) {
    java.util.regex.Matcher m = MEDIA.matcher(html);
    boolean any = false;
    boolean video = html.matches("(?is).*<(video|audio)\\b.*");
    while (m.find()) {
      String src = m.group(3).strip();
      if (src.isEmpty()) continue;
      any = true;
      if (src.startsWith("data:")) {
        diags.report(new org.bookbuild.diag.Diagnostic("print-omitted", org.bookbuild.diag.Severity.INFO,
            "a " + (m.group(1).equalsIgnoreCase("iframe") ? "frame" : "player") + " whose sound or picture is held in"
                + " the notebook (a data: address) plays in the notebook only; print leaves it out", pos, ""));
        return true;
      }
      Attr a = Attr.classes("iframe").with("src", src);
      if (video || !m.group(1).equalsIgnoreCase("iframe")) a = a.with("medium", "video");
      out.add(new Block.Div(pos, a, List.of(), List.of()));
      return true;
    }
    return any;
  }

  private void htmlImages(List<Block> out, SourcePos pos, String html) {
    java.util.regex.Matcher m = IMG.matcher(html);
    while (m.find()) {
      String src = m.group(3).strip();
      String attrs = m.group(1) + " " + m.group(4);
      java.util.regex.Matcher w = IMG_WIDTH.matcher(attrs);
      java.util.regex.Matcher alt = IMG_ALT.matcher(attrs);
      String altText = alt.find() ? alt.group(2) : "image output";
      if (org.bookbuild.figure.DataUri.isImage(src)) {
        org.bookbuild.figure.DataUri.Stored st;
        try {
          st = org.bookbuild.figure.DataUri.store(world, src);
        } catch (IOException e) {
          diags.error("output-unwritable", pos, "cannot write notebook image: " + e.getMessage());
          continue;
        }
        if (st == null) {
          diags.error("image-data", pos, "the picture inside an HTML output's data address cannot be read");
          out.add(new Block.Problem(pos, "unreadable embedded picture", ""));
          continue;
        }
        Block b = image(pos, st.file(), st.widthPt(), st.heightPt(), altText);
        if (w.find()) b = withWidth(b, w.group(1));
        out.add(b);
      } else if (!src.isEmpty()) {
        Attr a = w.find() ? Attr.EMPTY.with("width", w.group(1)) : Attr.EMPTY;
        out.add(new Block.Para(pos, List.of(new Inline.Image(pos, a, src, List.of(new Inline.Text(pos, altText))))));
      }
    }
  }

  private static Block withWidth(Block b, String width) {
    if (b instanceof Block.Para p && p.content().size() == 1 && p.content().get(0) instanceof Inline.Image im) {
      return new Block.Para(p.pos(), List.of(new Inline.Image(im.pos(), im.attr().with("width", width), im.src(), im.alt())));
    }
    return b;
  }

  private void cached(List<Block> out, SourcePos pos, byte[] bytes, String ext) {
    Path p = store(pos, bytes, ext);
    if (p == null) {
      out.add(new Block.Problem(pos, "notebook image could not be written", ""));
      return;
    }
    double w = 0, h = 0;
    org.bookbuild.figure.ImageInfo info = org.bookbuild.figure.ImageInfo.probe(bytes);
    if (info != null) {
      w = info.widthPt();
      h = info.heightPt();
    }
    out.add(image(pos, p, w, h, ext.toUpperCase(Locale.ROOT) + " output"));
  }

  private static Block image(SourcePos pos, Path file, double w, double h, String alt) {
    Attr a = Attr.EMPTY.with("asset", file.toUri().toString());
    if (w > 0 && h > 0) a = a.with("width-pt", num(w)).with("height-pt", num(h));
    Inline.Image im = new Inline.Image(pos, a, file.getFileName().toString(), List.of(new Inline.Text(pos, alt)));
    return new Block.Para(pos, List.of(im));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String hash(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
