package org.bookbuild.finish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What FOP's tagged output lacks for PDF/UA-1 (checked by veraPDF in the tests):
 * <ul>
 *   <li>a link annotation carries the text of its {@code Link} element's {@code /Alt} (the {@code fox:alt-text} the FO
 *       writer gives every link) as {@code /Contents} (PDF/UA 7.18.5);</li>
 *   <li>every {@code Note} structure element (a footnote) carries an {@code /ID}, listed in the structure tree's
 *       {@code /IDTree} (PDF/UA 7.9);</li>
 * </ul>
 * IDs are numbered in the order of the structure tree, so that equal sources give equal bytes.
 */
final class TagFixes implements DocumentStep {
  private static final COSName ID = COSName.getPDFName("ID");
  private static final COSName ID_TREE = COSName.getPDFName("IDTree");
  private static final COSName NOTE = COSName.getPDFName("Note");
  private static final COSName LINK = COSName.getPDFName("Link");
  private static final COSName ALT = COSName.getPDFName("Alt");
  private static final COSName OBJR = COSName.getPDFName("OBJR");

  @Override
  public boolean wanted(String pdf) {
    return pdf.contains("/StructTreeRoot") && (pdf.contains("/S /Note") || pdf.contains("/S /Link"));
  }

  @Override
  public boolean apply(PDDocument doc) throws IOException {
    return structure(doc);
  }

  /** A link annotation says what its structure element's /Alt says (its /Contents, PDF/UA 7.18.5). */
  private static void annotationContents(COSBase k, COSString alt, boolean[] changed) {
    COSBase b = k instanceof COSObject o ? o.getObject() : k;
    if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) annotationContents(a.get(i), alt, changed);
    } else if (b instanceof COSDictionary d && OBJR.equals(d.getCOSName(COSName.TYPE))
        && d.getDictionaryObject(COSName.OBJ) instanceof COSDictionary annot && !annot.containsKey(COSName.CONTENTS)) {
      annot.setItem(COSName.CONTENTS, new COSString(alt.getBytes()));
      changed[0] = true;
    }
  }

  private static boolean structure(PDDocument doc) {
    COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
    if (root == null) return false;
    Map<String, COSDictionary> ids = new TreeMap<>();
    boolean[] changed = {false};
    int[] n = {0};
    walk(root.getDictionaryObject(COSName.K), new IdentityHashMap<>(), elem -> {
      if (LINK.equals(elem.getCOSName(COSName.S)) && elem.getDictionaryObject(ALT) instanceof COSString alt) {
        annotationContents(elem.getDictionaryObject(COSName.K), alt, changed);
      }
      if (NOTE.equals(elem.getCOSName(COSName.S))) {
        n[0]++;
        if (!(elem.getDictionaryObject(ID) instanceof COSString)) {
          String id = "note-" + n[0];
          elem.setItem(ID, new COSString(id.getBytes(StandardCharsets.US_ASCII)));
          ids.put(id, elem);
        }
      }
    });
    if (ids.isEmpty()) return changed[0];
    COSDictionary tree = root.getCOSDictionary(ID_TREE);
    if (tree == null) {
      tree = new COSDictionary();
      root.setItem(ID_TREE, tree);
    }
    COSArray names = tree.getCOSArray(COSName.NAMES);
    if (names == null && tree.getDictionaryObject(COSName.KIDS) != null) return true; // an existing tree is kept
    if (names == null) names = new COSArray();
    Map<String, COSBase> all = new TreeMap<>();
    for (int i = 0; i + 1 < names.size(); i += 2) {
      if (names.getObject(i) instanceof COSString s) all.put(s.getString(), names.get(i + 1));
    }
    all.putAll(ids);
    COSArray sorted = new COSArray();
    for (Map.Entry<String, COSBase> e : all.entrySet()) {
      sorted.add(new COSString(e.getKey().getBytes(StandardCharsets.US_ASCII)));
      sorted.add(e.getValue());
    }
    tree.setItem(COSName.NAMES, sorted);
    tree.removeItem(COSName.LIMITS); // a root node has no limits
    return true;
  }

  /** Visits every structure element under {@code k} (a dictionary, an array of kids, or marked-content numbers). */
  private static void walk(COSBase k, IdentityHashMap<COSBase, Boolean> seen, java.util.function.Consumer<COSDictionary> visit) {
    COSBase b = k instanceof COSObject o ? o.getObject() : k;
    if (b == null || seen.put(b, Boolean.TRUE) != null) return;
    if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) walk(a.get(i), seen, visit);
    } else if (b instanceof COSDictionary d && d.containsKey(COSName.S)) {
      visit.accept(d);
      walk(d.getItem(COSName.K), seen, visit);
    }
  }
}
