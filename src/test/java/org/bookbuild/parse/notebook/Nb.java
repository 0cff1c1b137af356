package org.bookbuild.parse.notebook;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Test helper: writes nbformat 4 notebooks the way Jupyter does (sorted keys, one source line per list item). */
public final class Nb {
  static final ObjectMapper M = new ObjectMapper();
  final ObjectNode root = M.createObjectNode();
  final ArrayNode cells = root.putArray("cells");

  public Nb() {
    ObjectNode meta = root.putObject("metadata");
    meta.putObject("kernelspec").put("language", "python").put("name", "python3").put("display_name", "Python 3");
    meta.putObject("language_info").put("name", "python");
    root.put("nbformat", 4).put("nbformat_minor", 5);
  }

  public Nb markdown(String src) {
    ObjectNode c = cells.addObject();
    c.put("cell_type", "markdown");
    c.putObject("metadata");
    lines(c.putArray("source"), src);
    return this;
  }

  /** A code cell; returns its outputs list for adding outputs. */
  public ObjectNode code(String src, String... tags) {
    ObjectNode c = cells.addObject();
    c.put("cell_type", "code");
    c.put("execution_count", 1);
    ObjectNode meta = c.putObject("metadata");
    if (tags.length > 0) {
      ArrayNode t = meta.putArray("tags");
      for (String s : tags) t.add(s);
    }
    c.putArray("outputs");
    lines(c.putArray("source"), src);
    return c;
  }

  public static ObjectNode stream(ObjectNode cell, String name, String text) {
    ObjectNode o = ((ArrayNode) cell.get("outputs")).addObject();
    o.put("name", name).put("output_type", "stream");
    lines(o.putArray("text"), text);
    return o;
  }

  /** A display_data output; returns its data bundle. */
  public static ObjectNode display(ObjectNode cell) {
    ObjectNode o = ((ArrayNode) cell.get("outputs")).addObject();
    ObjectNode data = o.putObject("data");
    o.putObject("metadata");
    o.put("output_type", "display_data");
    return data;
  }

  public static void error(ObjectNode cell, String ename, String evalue, String... traceback) {
    ObjectNode o = ((ArrayNode) cell.get("outputs")).addObject();
    o.put("ename", ename).put("evalue", evalue).put("output_type", "error");
    ArrayNode tb = o.putArray("traceback");
    for (String t : traceback) tb.add(t);
  }

  static void lines(ArrayNode a, String text) {
    String[] ls = text.split("(?<=\n)");
    for (String l : ls) if (!l.isEmpty()) a.add(l);
  }

  public String json() throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n"))
        .withArrayIndenter(new DefaultIndenter(" ", "\n"));
    return M.writer(pp).writeValueAsString(root);
  }

  /** A small real PNG image, base64 as notebooks store it. */
  public static String png(int w, int h) throws IOException {
    BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = im.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLUE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(im, "png", out);
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
