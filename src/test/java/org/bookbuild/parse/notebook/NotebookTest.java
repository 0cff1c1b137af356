package org.bookbuild.parse.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Walk;
import org.bookbuild.parse.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notebook cells and every stored output type read into the model. */
public class NotebookTest {
  @TempDir Path dir;

  /** A notebook with every output kind the reader knows; shared with the PDF test. */
  public static String everyOutput() throws Exception {
    Nb nb = new Nb();
    nb.markdown("# Signals notebook\n\nSome *text* with $x^2$ math.\n\nA bad image: ![x](http://example.org/a.png)\n");
    ObjectNode c1 = nb.code("for i in range(2):\n    print(i)");
    Nb.stream(c1, "stdout", "0\n");
    Nb.stream(c1, "stdout", "1\n");
    ObjectNode c2 = nb.code("SECRET_INPUT = 42\nSECRET_INPUT", "remove-input");
    ObjectNode d2 = Nb.display(c2);
    d2.put("text/plain", "42");
    nb.code("HIDDEN_CELL = 1", "hide-cell");
    ObjectNode c3 = nb.code("plt.plot(x)");
    Nb.display(c3).put("image/png", Nb.png(300, 200)).put("text/plain", "<Figure size 300x200>");
    ObjectNode c4 = nb.code("display(SVG(s))");
    Nb.display(c4).put("image/svg+xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200pt\" height=\"80pt\" viewBox=\"0 0 200 80\">"
        + "<rect x=\"5\" y=\"5\" width=\"190\" height=\"70\" fill=\"none\" stroke=\"#000\"/><path d=\"M10 70 L60 10 L110 60 L190 15\" fill=\"none\" stroke=\"#c00\"/></svg>");
    ObjectNode c5 = nb.code("display(Math(r'\\frac{a}{b}'))");
    Nb.display(c5).put("text/latex", "$$\\frac{a}{b} + \\sqrt{c}$$").put("text/plain", "<Math>");
    ObjectNode c6 = nb.code("df");
    Nb.display(c6).put("text/html", "<div>\n<style scoped>\n .dataframe tbody tr th {vertical-align: top;}\n</style>\n"
        + "<table border=\"1\" class=\"dataframe\">\n<thead>\n<tr style=\"text-align: right;\">\n<th></th>\n<th>alpha</th>\n<th>beta</th>\n</tr>\n</thead>\n"
        + "<tbody>\n<tr>\n<th>0</th>\n<td>1.5</td>\n<td>x &amp; y</td>\n</tr>\n<tr>\n<th>1</th>\n<td>-2.25</td>\n<td>z</td>\n</tr>\n</tbody>\n</table>\n<p>2 rows × 2 columns</p>\n</div>")
        .put("text/plain", "   alpha beta\n0 1.5 x\n1 -2.25 z");
    ObjectNode c7 = nb.code("#| label: fig-wave\n#| caption: A sine wave drawn by plotly.\nfig.show()");
    ObjectNode plot = Nb.display(c7).putObject("application/vnd.plotly.v1+json");
    ObjectNode tr = plot.putArray("data").addObject();
    tr.put("type", "scatter").put("mode", "lines").put("name", "sine");
    var xs = tr.putArray("x");
    var ys = tr.putArray("y");
    for (int i = 0; i <= 40; i++) {
      xs.add(i / 4.0);
      ys.add(Math.sin(i / 4.0));
    }
    plot.putArray("data").add(tr);
    ObjectNode bar = ((com.fasterxml.jackson.databind.node.ArrayNode) plot.get("data")).addObject();
    bar.put("type", "sankey");
    ObjectNode layout = plot.putObject("layout");
    layout.putObject("title").put("text", "Wave form");
    layout.putObject("xaxis").putObject("title").put("text", "Time in seconds");
    layout.putObject("yaxis").put("title", "Amplitude");
    Nb.display(c7).put("text/html", "<script>" + "x".repeat(2000) + "</script>");
    nb.markdown("# Second step\n\nThe wave is drawn in {numref}`fig-wave`.\n");
    ObjectNode c8 = nb.code("IntSlider()");
    Nb.display(c8).put("text/plain", "IntSlider(value=0)").putObject("application/vnd.jupyter.widget-view+json").put("model_id", "abc");
    ObjectNode c9 = nb.code("1/0");
    Nb.error(c9, "ZeroDivisionError", "division by zero", "\u001b[0;31mZeroDivisionError\u001b[0m Traceback", "\u001b[1;32m----> 1\u001b[0m 1/0");
    ObjectNode c10 = nb.code("print('gone')", "remove-output");
    Nb.stream(c10, "stdout", "REMOVED_OUTPUT\n");
    return nb.json();
  }

  /**
   * IPython's nbformat 3 (2013–2015 notebooks are still in course repositories): cells inside a worksheet, heading
   * cells, code in "input", results as "pyout" with their representations under short names ("png", "text"),
   * "stream" naming the stream, errors as "pyerr". It was refused with notebook-version before.
   */
  @Test
  void nbformat3NotebooksAreRead() throws Exception {
    String png = Nb.png(120, 80);
    String json = """
        {"metadata": {"name": "old"}, "nbformat": 3, "nbformat_minor": 0,
         "worksheets": [{"metadata": {}, "cells": [
          {"cell_type": "heading", "level": 2, "metadata": {}, "source": ["Old ", "notebook"]},
          {"cell_type": "markdown", "metadata": {}, "source": ["Some *old* text with $x^2$."]},
          {"cell_type": "code", "collapsed": false, "input": ["for i in range(2):\\n", "    print(i)"], "language": "python",
           "metadata": {}, "outputs": [{"output_type": "stream", "stream": "stdout", "text": ["0\\n", "1\\n"]}],
           "prompt_number": 1},
          {"cell_type": "code", "input": ["6*7"], "language": "python", "metadata": {},
           "outputs": [{"metadata": {}, "output_type": "pyout", "prompt_number": 2, "text": ["42"]}], "prompt_number": 2},
          {"cell_type": "code", "input": ["plot()"], "language": "python", "metadata": {},
           "outputs": [{"metadata": {}, "output_type": "display_data", "png": "PNG", "text": ["<matplotlib.figure.Figure>"]}]},
          {"cell_type": "code", "input": ["1/0"], "language": "python", "metadata": {},
           "outputs": [{"ename": "ZeroDivisionError", "evalue": "division by zero", "output_type": "pyerr",
                        "traceback": ["ZeroDivisionError: division by zero"]}]}
         ]}]}
        """.replace("PNG", png);
    Diagnostics diags = new Diagnostics();
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "old.ipynb",
        json.getBytes(StandardCharsets.UTF_8), diags);
    assertTrue(diags.all().isEmpty(), diags.all().toString());
    List<Block> all = new ArrayList<>();
    flatten(blocks, all);
    assertTrue(all.get(0) instanceof Block.Heading h && h.level() == 2 && Walk.text(h.content()).equals("Old notebook"), all.toString());
    assertTrue(all.stream().anyMatch(b -> b instanceof Block.Para p && Walk.text(p.content()).startsWith("Some old text")));
    List<Block.CodeBlock> code = all.stream().filter(b -> b instanceof Block.CodeBlock).map(b -> (Block.CodeBlock) b).toList();
    assertEquals("for i in range(2):\n    print(i)", code.get(0).text());
    assertEquals("python", code.get(0).language());
    assertEquals("0\n1", code.get(1).text(), "the stream");
    assertTrue(code.stream().anyMatch(c -> c.text().equals("42") && c.attr().hasClass("output")), "pyout's text/plain");
    assertTrue(code.stream().anyMatch(c -> c.attr().hasClass("error") && c.text().contains("ZeroDivisionError")), "pyerr");
    long images = all.stream().filter(b -> b instanceof Block.Para p && p.content().stream()
        .anyMatch(i -> i instanceof Inline.Image im && im.attr().get("asset") != null)).count();
    assertEquals(1, images, "the png representation, not its text/plain");
  }

  /**
   * HTML outputs that are pictures: IPython's Image(embed=True) shown as HTML, an {@code <img>} display with a data
   * address or a file path. They printed nothing, without a word (an HTML output with no text was taken for a script).
   */
  @Test
  void htmlOutputPicturesArePlaced() throws Exception {
    Nb nb = new Nb();
    nb.markdown("# Pictures in HTML\n");
    Nb.display(nb.code("display(HTML(img))")).put("text/html", "<img src=\"data:image/png;base64," + Nb.png(40, 20) + "\" width=\"300\"/>");
    Nb.display(nb.code("display(HTML(local))")).put("text/html", "<p><img alt='a map' src='maps/region.png'></p>");
    Nb.display(nb.code("display(HTML(bad))")).put("text/html", "<img src=\"data:image/png;base64,@@@@\">");
    Diagnostics diags = new Diagnostics();
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "p.ipynb",
        nb.json().getBytes(StandardCharsets.UTF_8), diags);
    List<Block> all = new ArrayList<>();
    flatten(blocks, all);
    List<Inline.Image> images = new ArrayList<>();
    for (Block b : all) if (b instanceof Block.Para p) for (Inline i : p.content()) if (i instanceof Inline.Image im) images.add(im);
    assertEquals(2, images.size(), all.toString());
    Inline.Image embedded = images.get(0);
    assertEquals("300", embedded.attr().get("width"));
    Path file = Path.of(java.net.URI.create(embedded.attr().get("asset")));
    assertTrue(Files.exists(file));
    assertNotNull(javax.imageio.ImageIO.read(file.toFile()), "a real PNG");
    assertEquals("maps/region.png", images.get(1).src());
    assertEquals("a map", Walk.text(images.get(1).alt()));
    assertEquals(1, diags.byRule("image-data").size(), diags.all().toString());
    assertTrue(all.stream().anyMatch(b -> b instanceof Block.Problem));
  }

  @Test
  void everyOutputTypeBecomesModelBlocks() throws Exception {
    Diagnostics diags = new Diagnostics();
    byte[] json = everyOutput().getBytes(StandardCharsets.UTF_8);
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "nb.ipynb", json, diags);
    List<Block> all = new ArrayList<>();
    flatten(blocks, all);
    assertTrue(all.get(0) instanceof Block.Heading h && Walk.text(h.content()).equals("Signals notebook"));
    // markdown cell positions are the JSON lines of the cell source
    String text = new String(json, StandardCharsets.UTF_8);
    int line = text.substring(0, text.indexOf("\"# Signals notebook")).split("\n", -1).length;
    assertEquals(line, all.get(0).pos().line());

    List<Block.CodeBlock> code = all.stream().filter(b -> b instanceof Block.CodeBlock).map(b -> (Block.CodeBlock) b).toList();
    Block.CodeBlock input = code.get(0);
    assertEquals("python", input.language());
    assertTrue(input.attr().hasClass("cell-input"));
    Block.CodeBlock stream = code.get(1);
    assertTrue(stream.attr().hasClass("output"));
    assertEquals("0\n1", stream.text(), "consecutive stream pieces print as one block");
    assertTrue(code.stream().noneMatch(c -> c.text().contains("SECRET_INPUT") || c.text().contains("HIDDEN_CELL")
        || c.text().contains("REMOVED_OUTPUT") || c.text().contains("#|")), "hidden and removed parts are not printed");
    Block.CodeBlock err = code.stream().filter(c -> c.attr().hasClass("error")).findFirst().orElseThrow();
    assertTrue(err.text().contains("ZeroDivisionError"));
    assertFalse(err.text().contains("\u001b"), "ANSI escapes stripped");

    List<Inline.Image> images = new ArrayList<>();
    for (Block b : all) if (b instanceof Block.Para p) for (Inline i : p.content()) if (i instanceof Inline.Image im && im.attr().get("asset") != null) images.add(im);
    assertEquals(3, images.size(), "png, svg and plotly figure");
    for (Inline.Image im : images) assertTrue(Files.exists(Path.of(java.net.URI.create(im.attr().get("asset")))));
    assertTrue(images.get(0).attr().get("asset").endsWith(".png"));
    String svg = Files.readString(Path.of(java.net.URI.create(images.get(1).attr().get("asset"))));
    assertFalse(svg.contains("DOCTYPE"), "no DTD to fetch");

    assertTrue(all.stream().anyMatch(b -> b instanceof Block.MathBlock m && m.tex().equals("\\frac{a}{b} + \\sqrt{c}")));
    Block.Table table = (Block.Table) all.stream().filter(b -> b instanceof Block.Table).findFirst().orElseThrow();
    assertEquals(1, table.head().size());
    assertEquals(2, table.body().size());
    assertEquals("x & y", Walk.text(((Block.Plain) table.body().get(0).cells().get(2).content().get(0)).content()));
    assertEquals(Block.Align.RIGHT, table.aligns().get(1), "numeric column right-aligned");

    Block.Figure fig = (Block.Figure) blocks.stream().filter(b -> b instanceof Block.Figure).findFirst().orElseThrow();
    assertEquals("fig-wave", fig.attr().id());
    assertEquals("A sine wave drawn by plotly.", Walk.text(fig.caption()));

    assertEquals(1, all.stream().filter(b -> b instanceof Block.Heading h && h.level() == 1).count(), "one title");
    assertTrue(all.stream().anyMatch(b -> b instanceof Block.Heading h && h.level() == 2 && Walk.text(h.content()).equals("Second step")));
    assertEquals(1, diags.byRule("notebook-interactive").size());
    assertTrue(all.stream().anyMatch(b -> b instanceof Block.Problem p && p.message().contains("widget")));
    assertEquals(1, diags.byRule("plotly-trace").size());
    assertTrue(diags.byRule("plotly-trace").get(0).message().contains("sankey"));
  }

  @Test
  void malformedNotebooksGiveOneDiagnosticEach() throws Exception {
    MarkdownParser md = new MarkdownParser();
    Diagnostics d1 = new Diagnostics();
    List<Block> b1 = new NotebookFormat(md).parse(DiskWorld.of(dir), "bad.ipynb", "{\"cells\": [\n {\"cell_type\": \"markdown\",,}]}".getBytes(StandardCharsets.UTF_8), d1);
    assertEquals(1, d1.all().size());
    assertEquals("notebook-json", d1.all().get(0).ruleId());
    assertEquals(2, d1.all().get(0).pos().line());
    assertTrue(b1.get(0) instanceof Block.Problem);

    Diagnostics d3 = new Diagnostics();
    // nbformat 3 is read (nbformat3NotebooksAreRead); 2 and older are refused with a hint
    String v3 = "{\"metadata\": {}, \"nbformat\": 2, \"nbformat_minor\": 0, \"worksheets\": [{\"cells\": []}]}";
    List<Block> b3 = new NotebookFormat(md).parse(DiskWorld.of(dir), "old.ipynb", v3.getBytes(StandardCharsets.UTF_8), d3);
    assertEquals(1, d3.all().size());
    assertEquals("notebook-version", d3.all().get(0).ruleId());
    assertTrue(d3.all().get(0).message().contains("nbformat 2"));
    assertTrue(b3.get(0) instanceof Block.Problem);
  }

  @Test
  void markdownCellAttachmentsArePlaced() throws Exception {
    Nb nb = new Nb();
    nb.markdown("# Attachments\n\n![a plot](attachment:plot.png)\n\n![gone](attachment:nope.png)\n");
    ((ObjectNode) nb.cells.get(0)).putObject("attachments").putObject("plot.png").put("image/png", Nb.png(20, 10));
    Diagnostics diags = new Diagnostics();
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "a.ipynb",
        nb.json().getBytes(StandardCharsets.UTF_8), diags);
    Inline.Image im = (Inline.Image) ((Block.Para) blocks.get(1)).content().get(0);
    assertTrue(im.attr().get("asset").endsWith(".png"));
    assertTrue(Files.exists(Path.of(java.net.URI.create(im.attr().get("asset")))));
    assertTrue(((Block.Para) blocks.get(2)).content().get(0) instanceof Inline.Problem);
    assertEquals(1, diags.byRule("notebook-attachment").size());
    assertTrue(diags.byRule("notebook-attachment").get(0).message().contains("nope.png"));
  }

  @Test
  void damagedNotebooksNeverThrow() throws Exception {
    String good = everyOutput();
    java.util.Random r = new java.util.Random(11);
    MarkdownParser md = new MarkdownParser();
    for (int i = 0; i < 60; i++) {
      StringBuilder s = new StringBuilder(good);
      if (i % 3 == 0) s.setLength(r.nextInt(good.length()));
      else if (i % 3 == 1) s.insert(r.nextInt(good.length() - 10), i % 2 == 0 ? "{}" : "[1, \"x\"]");
      else s = new StringBuilder(good.replaceAll("\\[(\\s*)\"", i % 2 == 0 ? "{$1\"" : "[$1 7, \""));
      Diagnostics d = new Diagnostics();
      List<Block> blocks = new NotebookFormat(md).parse(DiskWorld.of(dir), "x.ipynb", s.toString().getBytes(StandardCharsets.UTF_8), d);
      assertNotNull(blocks);
    }
  }

  private static void flatten(List<Block> in, List<Block> out) {
    for (Block b : in) {
      out.add(b);
      if (b instanceof Block.Figure f) flatten(f.content(), out);
      if (b instanceof Block.Div d) flatten(d.content(), out);
    }
  }

  /**
   * HTML that is not a table: its text/plain form prints, as in MyST-NB's PDF builds (text/html is not in their LaTeX
   * render priority), without a warning; only HTML without one is printed as its text with notebook-html.
   */
  @Test
  void htmlWithATextFormPrintsTheTextQuietly() throws Exception {
    Nb nb = new Nb();
    ObjectNode c1 = nb.code("model");
    Nb.display(c1).put("text/html", "<div><b>climlab Process</b> of type EBM</div>").put("text/plain",
        "climlab Process of type <class 'EBM'>\nState: Ts");
    ObjectNode c2 = nb.code("HTML(s)");
    Nb.display(c2).put("text/html", "<p>Only <i>HTML</i> here</p>");
    Diagnostics diags = new Diagnostics();
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "nb.ipynb",
        nb.json().getBytes(StandardCharsets.UTF_8), diags);
    List<Block> all = new ArrayList<>();
    flatten(blocks, all);
    List<String> outputs = all.stream().filter(b -> b instanceof Block.CodeBlock c && c.attr().hasClass("output"))
        .map(b -> ((Block.CodeBlock) b).text()).toList();
    assertTrue(outputs.stream().anyMatch(t -> t.contains("<class 'EBM'>")), "text/plain printed: " + outputs);
    assertTrue(outputs.stream().anyMatch(t -> t.contains("Only HTML here")), "HTML alone printed as text: " + outputs);
    assertEquals(1, diags.byRule("notebook-html").size(), diags.all().toString());
  }

  /**
   * An output stored only in a form the tool cannot print (application/json here, with no text/plain) is said and
   * shown as a placeholder; it used to vanish without a word. One that also has text/plain prints that, quietly.
   */
  @Test
  void anOutputWithOnlyAnUnprintableFormIsSaidNotDropped() throws Exception {
    Nb nb = new Nb();
    ObjectNode c1 = nb.code("JSON(data)");
    Nb.display(c1).putObject("application/json").put("answer", 42);
    ObjectNode c2 = nb.code("JSON(other)");
    Nb.display(c2).put("text/plain", "<IPython.core.display.JSON object>").putObject("application/json").put("b", 1);
    Diagnostics diags = new Diagnostics();
    List<Block> blocks = new NotebookFormat(new MarkdownParser()).parse(DiskWorld.of(dir), "nb.ipynb",
        nb.json().getBytes(StandardCharsets.UTF_8), diags);
    List<Block> all = new ArrayList<>();
    flatten(blocks, all);
    List<Block.Problem> problems = all.stream().filter(b -> b instanceof Block.Problem).map(b -> (Block.Problem) b).toList();
    assertEquals(1, problems.size(), all.toString());
    assertTrue(problems.get(0).message().contains("application/json"), problems.get(0).message());
    assertEquals(1, diags.byRule("notebook-output").size(), diags.all().toString());
    assertEquals("nb.ipynb", diags.byRule("notebook-output").get(0).pos().file());
    assertTrue(all.stream().anyMatch(b -> b instanceof Block.CodeBlock c && c.text().contains("IPython.core.display.JSON")));
  }

  /** Graphviz's stroke="transparent" (Batik refuses the CSS colour and the whole picture failed in FOP) is no paint. */
  @Test
  void transparentPaintInSvgOutputsBecomesNone() {
    String svg = "<svg><polygon fill=\"white\" stroke=\"transparent\"/><path style=\"fill: transparent;stroke:#000\"/>"
        + "<text>a transparent box</text></svg>";
    assertEquals("<svg><polygon fill=\"white\" stroke=\"none\"/><path style=\"fill: none;stroke:#000\"/>"
        + "<text>a transparent box</text></svg>", Outputs.transparentAsNone(svg));
  }
}
