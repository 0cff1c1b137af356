package org.bookbuild.figure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Data arrays of a plotly figure: plain JSON lists, or the typed arrays plotly.py 6 writes
 * ({@code {"dtype": "f8", "bdata": "<base64>", "shape": "20, 30"}}, little-endian). Missing and non-numeric entries are
 * NaN, which the plotting engine leaves as gaps.
 */
final class PlotlyArrays {
  private PlotlyArrays() {}

  static double[] numbers(JsonNode n) {
    if (n.isArray()) {
      double[] out = new double[n.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode v = n.get(i);
        out[i] = v.isNumber() ? v.asDouble() : v.isTextual() ? parse(v.asText()) : Double.NaN;
      }
      return out;
    }
    if (n.isObject() && n.has("bdata")) return typed(n);
    return new double[0];
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      for (JsonNode v : n) out.add(v.isNumber() ? label(v.asDouble()) : v.asText());
    } else if (n.isObject() && n.has("bdata")) {
      for (double d : typed(n)) out.add(label(d));
    }
    return out;
  }

  /** A 2-D array (a list of rows, or a typed array with a two-number shape). */
  static double[][] grid(JsonNode n) {
    if (n.isArray()) {
      List<double[]> rows = new ArrayList<>();
      int cols = 0;
      for (JsonNode r : n) {
        double[] row = numbers(r);
        rows.add(row);
        cols = Math.max(cols, row.length);
      }
      double[][] out = new double[rows.size()][cols];
      for (int i = 0; i < out.length; i++) {
        java.util.Arrays.fill(out[i], Double.NaN);
        System.arraycopy(rows.get(i), 0, out[i], 0, rows.get(i).length);
      }
      return out;
    }
    if (n.isObject() && n.has("bdata")) {
      double[] flat = typed(n);
      String[] shape = n.path("shape").asText("").split("\\s*,\\s*");
      int r, c;
      try {
        r = Integer.parseInt(shape[0].trim());
        c = shape.length > 1 ? Integer.parseInt(shape[1].trim()) : flat.length / Math.max(1, r);
      } catch (NumberFormatException e) {
        r = 1;
        c = flat.length;
      }
      double[][] out = new double[r][c];
      for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i][j] = i * c + j < flat.length ? flat[i * c + j] : Double.NaN;
      return out;
    }
    return new double[0][0];
  }

  private static String label(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double[] typed(JsonNode n) {
    byte[] b;
    try {
      b = Base64.getMimeDecoder().decode(n.path("bdata").asText(""));
    } catch (IllegalArgumentException e) {
      return new double[0];
    }
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    String dt = n.path("dtype").asText("f8");
    int size = switch (dt) {
      case "f8", "i8", "u8" -> 8;
      case "f4", "i4", "u4" -> 4;
      case "i2", "u2" -> 2;
      default -> 1;
    };
    double[] out = new double[b.length / size];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (dt) {
        case "f8" -> buf.getDouble();
        case "f4" -> buf.getFloat();
        case "i8", "u8" -> buf.getLong();
        case "i4" -> buf.getInt();
        case "u4" -> buf.getInt() & 0xffffffffL;
        case "i2" -> buf.getShort();
        case "u2" -> buf.getShort() & 0xffff;
        case "i1" -> buf.get();
        default -> buf.get() & 0xff;
      };
    }
    return out;
  }
}
