package org.bookbuild.finish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds what FOP leaves out of the catalog and the document information (viewer preferences, the language, every
 * author) as a PDF incremental update: new versions of those two objects, a cross-reference section for them and a
 * trailer pointing back at the old one, appended to the file. Nothing already written moves, so this needs no PDF
 * library and no parse of the page tree (see {@link Finisher} for the numbers).
 *
 * <p>It only handles the layout FOP writes: a classic cross-reference table, an unencrypted trailer with /Root and
 * /Info, and uncompressed dictionaries. For anything else it returns null and the caller falls back to PDFBox.
 */
final class IncrementalUpdate {
  private static final Pattern REF = Pattern.compile("/(Root|Info)\\s+(\\d+)\\s+(\\d+)\\s+R");
  private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d+)");
  private static final Pattern ID = Pattern.compile("/ID\\s*\\[[^\\]]*\\]");

  private IncrementalUpdate() {}

  /** What to change: the language to set (or null), the author line to write (or null). */
  record Changes(String language, String author) {}

  /**
   * The file with the update appended; the same array when nothing needs changing; null when the file is not laid
   * out as expected.
   */
  static byte[] apply(byte[] pdf, Changes changes) {
    String tail = PdfText.latin1(pdf, Math.max(0, pdf.length - 1024), pdf.length);
    int sx = tail.lastIndexOf("startxref");
    if (sx < 0) return null;
    Matcher xm = Pattern.compile("startxref\\s+(\\d+)").matcher(tail.substring(sx));
    if (!xm.lookingAt()) return null;
    int xref = Integer.parseInt(xm.group(1));
    if (xref >= pdf.length || !PdfText.latin1(pdf, xref, Math.min(pdf.length, xref + 4)).equals("xref")) return null;
    String rest = PdfText.latin1(pdf, xref, pdf.length);
    int tr = rest.indexOf("trailer");
    if (tr < 0) return null;
    int open = rest.indexOf("<<", tr);
    int close = PdfText.dictEnd(rest, open);
    if (close < 0) return null;
    String trailer = rest.substring(open, close);
    if (trailer.contains("/Encrypt") || trailer.contains("/Prev")) return null;
    Map<String, int[]> refs = new LinkedHashMap<>();
    for (Matcher m = REF.matcher(trailer); m.find(); ) {
      refs.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
    }
    Matcher size = SIZE.matcher(trailer);
    if (refs.size() != 2 || !size.find()) return null;
    Map<Integer, Long> offsets = XrefTable.parse(rest.substring(0, tr));
    if (offsets == null) return null;

    List<String[]> objects = new ArrayList<>(); // {number generation, body}
    String catalog = dictionary(pdf, offsets, refs.get("Root"));
    String info = dictionary(pdf, offsets, refs.get("Info"));
    if (catalog == null || info == null) return null;
    String newCatalog = catalog(catalog, changes.language());
    if (newCatalog == null) return null;
    String newInfo = changes.author() == null ? info : replaceEntry(info, "/Author", PdfText.textString(changes.author()));
    if (newInfo == null) return null;
    if (!newCatalog.equals(catalog)) objects.add(new String[] {ref(refs.get("Root")), newCatalog});
    if (!newInfo.equals(info)) objects.add(new String[] {ref(refs.get("Info")), newInfo});
    if (objects.isEmpty()) return pdf;

    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
    out.writeBytes(pdf);
    StringBuilder xrefs = new StringBuilder();
    StringBuilder body = new StringBuilder("\n");
    long pos = pdf.length + 1;
    for (String[] o : objects) {
      String text = o[0] + " obj\n" + o[1] + "\nendobj\n";
      String[] ng = o[0].split(" ");
      xrefs.append(ng[0]).append(" 1\n").append(pad(pos, 10)).append(' ').append(pad(Integer.parseInt(ng[1]), 5))
          .append(" n \n");
      body.append(text);
      pos += text.length();
    }
    Matcher id = ID.matcher(trailer);
    String newTrailer = "trailer\n<<\n/Size " + size.group(1) + "\n/Root " + ref(refs.get("Root")) + " R\n/Info "
        + ref(refs.get("Info")) + " R\n" + (id.find() ? id.group() + "\n" : "") + "/Prev " + xref + "\n>>\n";
    body.append("xref\n").append(xrefs).append(newTrailer).append("startxref\n").append(pos).append("\n%%EOF\n");
    out.writeBytes(body.toString().getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  /** The catalog with viewer preferences and the language added; null when it cannot be done safely. */
  private static String catalog(String dict, String language) {
    String d = dict;
    if (!d.contains("/DisplayDocTitle true")) {
      if (d.contains("/ViewerPreferences")) return null;
      d = insert(d, "/ViewerPreferences << /DisplayDocTitle true >>");
    }
    if (language != null && (!d.contains("/Lang") || d.contains("/Lang (x-unknown)"))) {
      d = d.contains("/Lang") ? replaceEntry(d, "/Lang", PdfText.textString(language)) : insert(d, "/Lang " + PdfText.textString(language));
    }
    return d;
  }

  /** Replaces the string value of {@code key} in a dictionary's text, or adds the entry; null if the value is not a string. */
  static String replaceEntry(String dict, String key, String value) {
    Matcher m = Pattern.compile(Pattern.quote(key) + "(?![A-Za-z0-9])\\s*").matcher(dict);
    if (!m.find()) return insert(dict, key + " " + value);
    int end = PdfText.stringEnd(dict, m.end());
    if (end < 0) return null;
    return dict.substring(0, m.end()) + value + dict.substring(end);
  }

  private static String insert(String dict, String entry) {
    int close = dict.lastIndexOf(">>");
    return dict.substring(0, close) + "  " + entry + "\n" + dict.substring(close);
  }

  private static String dictionary(byte[] pdf, Map<Integer, Long> offsets, int[] ref) {
    Long at = offsets.get(ref[0]);
    if (at == null || at >= pdf.length) return null;
    String s = PdfText.latin1(pdf, (int) (long) at, (int) Math.min(pdf.length, at + 65536));
    Matcher head = Pattern.compile(ref[0] + "\\s+" + ref[1] + "\\s+obj\\s*").matcher(s);
    if (!head.lookingAt()) return null;
    int end = PdfText.dictEnd(s, head.end());
    if (end < 0 || !s.substring(end).stripLeading().startsWith("endobj")) return null;
    return s.substring(head.end(), end);
  }

  /** Zero-padded decimal; String.format would pull in the Formatter machinery on a cold start. */
  private static String pad(long v, int width) {
    String d = Long.toString(v);
    return "0".repeat(Math.max(0, width - d.length())) + d;
  }

  private static String ref(int[] r) {
    return r[0] + " " + r[1];
  }
}
