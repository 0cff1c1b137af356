package org.bookbuild.parse.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bookbuild.diag.SourcePos;

/**
 * Reads a notebook file with Jackson's streaming parser, one cell at a time. Executed notebooks are megabytes of
 * embedded JavaScript and images; nothing is kept as a tree except cell metadata and the one representation of each
 * output that will be printed (a string the parser has not been asked for is skipped without being decoded).
 */
final class NotebookStream {
  static final JsonFactory JSON = new JsonFactory();
  static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  /** One cell as read: source text and where it starts (a line of the JSON file), metadata, outputs as read. */
  record Cell(int index, String type, String source, int sourceLine, JsonNode metadata, List<Output> outputs, SourcePos pos,
      JsonNode attachments) {}

  /**
   * One output. {@code mime}/{@code value} is the best representation in the bundle (value: a String or, for JSON
   * types, a JsonNode); {@code plain} the text/plain fallback; {@code interactive} names a MIME type that has no
   * static form (a widget, JavaScript), if any; {@code unprintable} the first other type this tool cannot print
   * ({@code application/json}, {@code application/pdf} …), if any.
   */
  record Output(String type, String name, String text, String mime, Object value, String plain, String interactive,
      String ename, String evalue, List<String> traceback, SourcePos pos, String glue, String unprintable) {
    /** Whether MyST-NB's {@code glue()} stored this output under a name (metadata {@code scrapbook.name}). */
    boolean glued() {
      return glue != null && !glue.isEmpty();
    }
  }

  /** MyST-NB's glue stores a value's MIME bundle with its types behind this prefix. */
  static final String GLUE_PREFIX = "application/papermill.record/";

  /** Called for each cell as soon as it has been read. */
  interface Sink {
    void cell(Cell c);
  }

  /** The notebook-level facts read after (or before) the cells. */
  record Header(int nbformat, JsonNode metadata, boolean sawCells) {}

  private final String file;

  NotebookStream(String file) {
    this.file = file;
  }

  /** Streams the notebook; syntax errors surface as Jackson's {@code StreamReadException} with a location. */
  Header read(byte[] content, Sink sink) throws IOException {
    int nbformat = -1;
    JsonNode meta = NullNode.getInstance();
    boolean cells = false;
    try (JsonParser p = JSON.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new NotANotebook(pos(p), "a notebook is a JSON object; this file is not");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "cells" -> {
            if (t != JsonToken.START_ARRAY) throw new NotANotebook(pos(p), "'cells' must be a list");
            cells = true;
            int i = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) sink.cell(cell(p, i++));
          }
          case "worksheets" -> {
            // nbformat 3: the cells are in worksheets (in practice one)
            if (t != JsonToken.START_ARRAY) throw new NotANotebook(pos(p), "'worksheets' must be a list");
            int i = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String w = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && w.equals("cells")) {
                  cells = true;
                  while (p.nextToken() == JsonToken.START_OBJECT) sink.cell(cell(p, i++));
                } else {
                  p.skipChildren();
                }
              }
            }
          }
          case "metadata" -> meta = MAPPER.readTree(p);
          case "nbformat" -> nbformat = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
          default -> p.skipChildren();
        }
      }
    }
    return new Header(nbformat, meta, cells);
  }

  private Cell cell(JsonParser p, int index) throws IOException {
    SourcePos at = pos(p);
    String type = "";
    String source = "";
    int line = at.line();
    JsonNode meta = NullNode.getInstance();
    JsonNode attachments = NullNode.getInstance();
    List<Output> outputs = new ArrayList<>();
    int level = 1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "cell_type" -> type = p.getText();
        case "metadata" -> meta = MAPPER.readTree(p);
        case "attachments" -> attachments = MAPPER.readTree(p);
        case "source", "input" -> { // "input": a code cell's source in nbformat 3
          int[] first = {p.currentTokenLocation().getLineNr()};
          source = text(p, first);
          line = first[0];
        }
        case "level" -> level = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 1;
        case "outputs" -> {
          if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) outputs.add(output(p));
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (type.equals("heading")) {
      // nbformat 3's heading cell is a Markdown heading of its level
      type = "markdown";
      source = "#".repeat(Math.max(1, Math.min(6, level))) + " " + source.replace('\n', ' ').strip();
    }
    return new Cell(index, type, source, line, meta, outputs, at, attachments);
  }

  private Output output(JsonParser p) throws IOException {
    SourcePos at = pos(p);
    String type = "", name = "", text = "", ename = "", evalue = "", glue = "";
    List<String> tb = List.of();
    Bundle b = new Bundle();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "output_type" -> type = V3_TYPES.getOrDefault(p.getText(), p.getText());
        case "name", "stream" -> name = p.getText(); // "stream": nbformat 3
        case "text" -> text = text(p);
        case "ename" -> ename = p.getText();
        case "evalue" -> evalue = p.getText();
        case "traceback" -> tb = lines(p);
        case "data" -> bundle(p, b);
        case "metadata" -> {
          if (p.currentToken() == JsonToken.START_OBJECT) glue = ((JsonNode) MAPPER.readTree(p)).path("scrapbook").path("name").asText("");
          else p.skipChildren();
        }
        default -> {
          // nbformat 3 keeps a result's representations beside output_type, by short names
          String mime = V3_MIME.get(f);
          if (mime != null) entry(p, b, mime);
          else p.skipChildren();
        }
      }
    }
    if (!type.equals("stream") && !text.isEmpty() && b.plain == null) {
      // nbformat 3: a result's "text" is its text/plain form
      b.plain = text;
      text = "";
    }
    return new Output(type, name, text, b.mime, b.value, b.plain, b.interactive, ename, evalue, tb, at, glue,
        b.unprintable);
  }

  /** The best representation found so far in a MIME bundle. */
  private static final class Bundle {
    String mime;
    Object value;
    String plain;
    String interactive;
    String unprintable;
  }

  private void bundle(JsonParser p, Bundle b) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String mime = p.currentName();
      if (mime.startsWith(GLUE_PREFIX)) mime = mime.substring(GLUE_PREFIX.length());
      p.nextToken();
      entry(p, b, mime);
    }
  }

  /** One representation of a bundle, the parser at its value: kept when it is the best printable one so far. */
  private static void entry(JsonParser p, Bundle b, String mime) throws IOException {
    int rank = Mime.rank(mime);
    if (mime.equals("text/plain")) {
      b.plain = text(p);
    } else if (Mime.printable(mime) && rank < Mime.rank(b.mime)) {
      Object value = p.currentToken() == JsonToken.START_OBJECT ? MAPPER.readTree(p) : text(p);
      // an empty representation (a thumbnail that was never fetched) is none: the next best one prints
      if (value instanceof String s && s.isBlank()) return;
      b.mime = mime;
      b.value = value;
    } else {
      if (Mime.isInteractive(mime) && b.interactive == null) b.interactive = mime;
      else if (!Mime.printable(mime) && !Mime.isInteractive(mime) && b.unprintable == null) b.unprintable = mime;
      // not needed: a long string is skipped by the next nextToken() without being decoded
      p.skipChildren();
    }
  }

  /** nbformat 3 output types by their nbformat 4 names. */
  private static final java.util.Map<String, String> V3_TYPES = java.util.Map.of("pyout", "execute_result", "pyerr", "error");

  /** nbformat 3's short names of an output's representations. */
  private static final java.util.Map<String, String> V3_MIME = java.util.Map.of("png", "image/png", "jpeg", "image/jpeg",
      "svg", "image/svg+xml", "html", "text/html", "latex", "text/latex", "markdown", "text/markdown",
      "javascript", "application/javascript", "json", "application/json", "pdf", "application/pdf");

  /** A multiline string field: a string, or a list of strings to join (the usual on-disk form). */
  private static String text(JsonParser p) throws IOException {
    return text(p, new int[1]);
  }

  /** As {@link #text(JsonParser)}; {@code firstLine[0]} becomes the JSON line of the first piece of text. */
  private static String text(JsonParser p, int[] firstLine) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (first) firstLine[0] = p.currentTokenLocation().getLineNr();
        first = false;
        if (p.currentToken() == JsonToken.VALUE_STRING) sb.append(p.getText());
        else p.skipChildren();
      }
      return sb.toString();
    }
    if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
    p.skipChildren();
    return "";
  }

  private static List<String> lines(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      out.add(text(p));
      return out;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING) out.add(p.getText());
      else p.skipChildren();
    }
    return out;
  }

  private SourcePos pos(JsonParser p) {
    var l = p.currentTokenLocation();
    return SourcePos.of(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  /** The file is JSON but not shaped like a notebook. */
  static final class NotANotebook extends IOException {
    final SourcePos pos;

    NotANotebook(SourcePos pos, String message) {
      super(message);
      this.pos = pos;
    }
  }
}
