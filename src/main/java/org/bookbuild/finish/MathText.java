package org.bookbuild.finish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.bookbuild.math.MathUnicode;

/**
 * Math as text: rewrites the ToUnicode maps of jlatexmath's fonts. FOP maps each glyph to the character code
 * jlatexmath drew it with, which is a TeX font position (α is "®", × is "£"); this step maps those codes through
 * {@link MathUnicode} so that copying, searching and reading aloud give α, ×, ∑, ℝ. Codes the table does not know keep
 * FOP's value.
 */
final class MathText implements DocumentStep {
  private static final Pattern PAIR = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]*)>");
  private static final Pattern RANGE = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");

  @Override
  public boolean wanted(String pdf) {
    return pdf.contains("+jlm_");
  }

  @Override
  public boolean apply(PDDocument doc) throws IOException {
    Set<COSStream> done = new HashSet<>();
    boolean changed = false;
    for (PDPage page : doc.getPages()) changed |= resources(page.getResources(), done, new HashSet<>());
    return changed;
  }

  private boolean resources(PDResources res, Set<COSStream> done, Set<COSBase> visited) throws IOException {
    if (res == null || !visited.add(res.getCOSObject())) return false;
    boolean changed = false;
    COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
    if (fonts != null) {
      for (COSName n : fonts.keySet()) {
        if (fonts.getDictionaryObject(n) instanceof COSDictionary font) changed |= font(font, done);
      }
    }
    for (COSName n : res.getXObjectNames()) {
      PDXObject x = res.getXObject(n);
      if (x instanceof PDFormXObject form) changed |= resources(form.getResources(), done, visited);
    }
    return changed;
  }

  private boolean font(COSDictionary font, Set<COSStream> done) throws IOException {
    String base = font.getNameAsString(COSName.BASE_FONT);
    if (base == null) return false;
    String family = base.substring(base.indexOf('+') + 1);
    if (!MathUnicode.isMathFont(family)) return false;
    if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream cmap) || !done.add(cmap)) return false;
    String text;
    try (var in = cmap.createInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Map<Integer, String> map = parse(text);
    boolean changed = false;
    for (Map.Entry<Integer, String> e : map.entrySet()) {
      String v = e.getValue();
      if (v.length() != 1) continue;
      String u = MathUnicode.text(family, v.charAt(0));
      if (u != null && !u.equals(v)) {
        e.setValue(u);
        changed = true;
      }
    }
    if (!changed) return false;
    try (OutputStream out = cmap.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(write(map).getBytes(StandardCharsets.ISO_8859_1));
    }
    return true;
  }

  /** CID → Unicode text of a ToUnicode CMap's bfchar and bfrange sections (the forms FOP writes). */
  static Map<Integer, String> parse(String cmap) {
    Map<Integer, String> m = new TreeMap<>();
    for (Matcher sec = Pattern.compile("beginbf(char|range)(.*?)endbf\\1", Pattern.DOTALL).matcher(cmap); sec.find(); ) {
      String body = sec.group(2);
      if (sec.group(1).equals("char")) {
        for (Matcher p = PAIR.matcher(body); p.find(); ) m.put(Integer.parseInt(p.group(1), 16), utf16(p.group(2)));
      } else {
        for (String line : body.split("\n")) {
          Matcher r = RANGE.matcher(line);
          if (r.find()) {
            int lo = Integer.parseInt(r.group(1), 16), hi = Integer.parseInt(r.group(2), 16);
            String first = utf16(r.group(3));
            for (int c = lo; c <= hi && !first.isEmpty(); c++) {
              char last = (char) (first.charAt(first.length() - 1) + (c - lo));
              m.put(c, first.substring(0, first.length() - 1) + last);
            }
          } else if (line.contains("[")) {
            Matcher lohi = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*\\[(.*)\\]").matcher(line);
            if (!lohi.find()) continue;
            int c = Integer.parseInt(lohi.group(1), 16);
            for (Matcher v = Pattern.compile("<([0-9A-Fa-f]*)>").matcher(lohi.group(3)); v.find(); c++) {
              m.put(c, utf16(v.group(1)));
            }
          }
        }
      }
    }
    return m;
  }

  private static String utf16(String hex) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 4 <= hex.length(); i += 4) sb.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
    return sb.toString();
  }

  /** A ToUnicode CMap for 2-byte CIDs (Identity-H), in bfchar blocks of at most 100 entries. */
  static String write(Map<Integer, String> map) {
    StringBuilder sb = new StringBuilder();
    sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = map.entrySet().stream().filter(e -> !e.getValue().isEmpty()).toList();
    for (int i = 0; i < entries.size(); i += 100) {
      var block = entries.subList(i, Math.min(entries.size(), i + 100));
      sb.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        sb.append('<').append(hex4(e.getKey())).append("> <");
        for (char c : e.getValue().toCharArray()) sb.append(hex4(c));
        sb.append(">\n");
      }
      sb.append("endbfchar\n");
    }
    sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return sb.toString();
  }

  private static String hex4(int v) {
    String h = Integer.toHexString(v).toUpperCase();
    return "0".repeat(Math.max(0, 4 - h.length())) + h;
  }
}
