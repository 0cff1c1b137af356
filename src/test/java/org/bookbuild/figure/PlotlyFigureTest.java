package org.bookbuild.figure;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.DiskWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored plotly figures drawn by the figure engine: each trace type, titles, typed arrays, unsupported types. */
class PlotlyFigureTest {
  @TempDir Path dir;
  static final ObjectMapper M = new ObjectMapper();

  private String draw(String json, Diagnostics d) throws Exception {
    JsonNode fig = M.readTree(json);
    FigureEngine.Rendered r = PlotlyFigure.render(DiskWorld.of(dir), fig, SourcePos.of("nb.ipynb", 5, 1), d);
    assertTrue(r.widthPt() > 100 && r.heightPt() > 50);
    return Files.readString(r.svg());
  }

  @Test
  void barsWithTitlesAndLegend() throws Exception {
    Diagnostics d = new Diagnostics();
    String svg = draw("""
        {"data": [{"type": "bar", "x": ["north", "south", "east"], "y": [3, 5, 2], "name": "2024"},
                  {"type": "bar", "x": ["north", "south", "east"], "y": [4, 1, 6], "name": "2025"}],
         "layout": {"title": {"text": "Sales <b>by</b> region"}, "xaxis": {"title": {"text": "Region"}},
                    "yaxis": {"title": "Units", "range": [0, 8]}}}""", d);
    assertTrue(d.all().isEmpty(), d.all().toString());
    for (String s : new String[] {"Sales by region", "Region", "Units", "north", "2024", "2025"}) assertTrue(svg.contains(s), s);
  }

  @Test
  void heatmapHistogramAndTypedArrays() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8 * 6).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : new double[] {1, 2, 3, 4, 5, 6}) b.putDouble(v);
    String z = Base64.getEncoder().encodeToString(b.array());
    Diagnostics d = new Diagnostics();
    String svg = draw("{\"data\": [{\"type\": \"heatmap\", \"z\": {\"dtype\": \"f8\", \"bdata\": \"" + z + "\", \"shape\": \"2, 3\"}}],"
        + "\"layout\": {\"title\": \"Heat\", \"xaxis\": {\"title\": \"column\"}}}", d);
    assertTrue(d.all().isEmpty(), d.all().toString());
    assertTrue(svg.contains("Heat") && svg.contains("column"));
    assertEquals(2, PlotlyArrays.grid(M.readTree("{\"dtype\": \"f8\", \"bdata\": \"" + z + "\", \"shape\": \"2, 3\"}")).length);
    assertEquals(6.0, PlotlyArrays.grid(M.readTree("{\"dtype\": \"f8\", \"bdata\": \"" + z + "\", \"shape\": \"2, 3\"}"))[1][2]);
    String hist = draw("{\"data\": [{\"type\": \"histogram\", \"x\": [1, 2, 2, 3, 3, 3, 4, 4, 5]}], \"layout\": {\"xaxis\": {\"title\": \"value\"}}}", d);
    assertTrue(hist.contains("value"));
    assertTrue(d.all().isEmpty(), d.all().toString());
  }

  @Test
  void threeDimensionalScatterAndSurface() throws Exception {
    Diagnostics d = new Diagnostics();
    String svg = draw("""
        {"data": [{"type": "surface", "z": [[0, 1, 2], [1, 2, 3], [2, 3, 5]]},
                  {"type": "scatter3d", "mode": "markers", "x": [0, 1, 2], "y": [0, 1, 2], "z": [0, 2, 5], "name": "points"}],
         "layout": {"title": "Surface", "scene": {"xaxis": {"title": "east"}, "yaxis": {"title": "north"}, "zaxis": {"title": "height"}}}}""", d);
    assertTrue(d.all().isEmpty(), d.all().toString());
    for (String s : new String[] {"Surface", "east", "north", "height"}) assertTrue(svg.contains(s), s);
    assertTrue(svg.split("<path").length > 10, "surface drawn as shaded quads");
  }

  @Test
  void unsupportedTraceIsNamed() throws Exception {
    Diagnostics d = new Diagnostics();
    draw("{\"data\": [{\"type\": \"pie\", \"values\": [1, 2]}, {\"type\": \"scatter\", \"y\": [1, 3, 2]}], \"layout\": {}}", d);
    assertEquals(1, d.byRule("plotly-trace").size());
    assertTrue(d.byRule("plotly-trace").get(0).message().contains("'pie'"));
    assertEquals(5, d.byRule("plotly-trace").get(0).pos().line());
  }
}
