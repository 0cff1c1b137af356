package org.bookbuild.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bookbuild.math.UnicodeCMap;
import org.bookbuild.testing.PipelineBooks;
import org.bookbuild.testing.Vera;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-chapter join writes what a tagged PDF lacks (link /Contents, Note IDs and the ID tree, math fonts' Unicode
 * maps) and lets each chapter's structure elements go once the chapter is written, so the finishing stage loads no
 * whole document into PDFBox (it held about 180 MB of a 1,246-page book). The PDF still passes veraPDF's PDF/UA-1, and
 * its structure tree is whole: every marked-content sequence's parent-tree entry is the element that holds it.
 */
class JoinRepairsTest {
  static String chapter(int n) {
    return "# Chapter " + n + "\n\n(ch-" + n + ")=\n## Section " + n + "\n\nA vector $v \\in \\mathbb{R}^" + n
        + "$ and $\\alpha_" + n + "$.[^a" + n + "] See {ref}`ch-" + (n % 3 + 1) + "` and [the web](https://example.org/"
        + n + ").\n\n[^a" + n + "]: Footnote " + n + ".\n\nA second note.[^b" + n + "]\n\n[^b" + n + "]: Another "
        + n + ".\n\n| a | b |\n|---|---|\n| 1 | $\\beta$ |\n";
  }

  @Test
  void theJoinRepairsTheTaggedPdfAndFinishingLoadsNoDocument(@TempDir Path dir) throws Exception {
    PipelineBooks.Built b = PipelineBooks.build(dir, Map.of(
        "book.yml", PipelineBooks.bookYml("language: en\n", "c1.md", "c2.md", "c3.md"),
        "c1.md", chapter(1), "c2.md", chapter(2), "c3.md", chapter(3)));
    assertEquals(0, b.result().status(), b.diags().all().toString());
    List<String> stages = b.result().stages().entries().stream().map(e -> e.stage()).toList();
    assertTrue(stages.contains("finish.patch"), "finished in place: " + stages);
    assertFalse(stages.stream().anyMatch(s -> s.equals("finish.load") || s.equals("finish.TagFixes")),
        "no whole-document PDFBox pass in finishing: " + stages);
    byte[] pdf = Files.readAllBytes(b.pdf());
    assertEquals(Map.of(), Vera.failures(pdf, "ua1"), "veraPDF: failed PDF/UA-1 rules");

    try (PDDocument d = Loader.loadPDF(pdf)) {
      COSDictionary root = d.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
      List<COSDictionary> elems = new ArrayList<>();
      TaggedPdfTest.collect(root.getDictionaryObject(COSName.K), elems, new IdentityHashMap<>());

      // Notes: note-1 … in document order, each in the ID tree
      List<COSDictionary> notes = elems.stream().filter(e -> "Note".equals(e.getNameAsString(COSName.S))).toList();
      assertEquals(6, notes.size(), "two footnotes in each of three chapters");
      COSArray names = root.getCOSDictionary(COSName.getPDFName("IDTree")).getCOSArray(COSName.NAMES);
      Map<String, COSBase> tree = new TreeMap<>();
      for (int i = 0; i + 1 < names.size(); i += 2) tree.put(names.getString(i), names.getObject(i + 1));
      for (int i = 0; i < notes.size(); i++) {
        String id = "note-" + (i + 1);
        assertEquals(id, notes.get(i).getString(COSName.getPDFName("ID")));
        assertTrue(tree.get(id) == notes.get(i), id + " in the ID tree");
      }

      // every link annotation says what its Link element's /Alt says
      int links = 0;
      for (COSDictionary e : elems) {
        if (!"Link".equals(e.getNameAsString(COSName.S))) continue;
        for (COSDictionary objr : objrs(e.getDictionaryObject(COSName.K))) {
          COSDictionary annot = (COSDictionary) objr.getDictionaryObject(COSName.OBJ);
          assertEquals(e.getString(COSName.getPDFName("Alt")), annot.getString(COSName.CONTENTS));
          links++;
        }
      }
      assertTrue(links >= 6, "internal and external links: " + links);

      // the structure tree is whole: each page's parent-tree array names the element that holds each MCID
      COSDictionary parentTree = root.getCOSDictionary(COSName.PARENT_TREE);
      Map<Integer, COSBase> nums = new TreeMap<>();
      numbers(parentTree, nums);
      int checked = 0;
      for (PDPage page : d.getPages()) {
        if (!(nums.get(page.getStructParents()) instanceof COSArray mcids)) continue;
        for (int mcid = 0; mcid < mcids.size(); mcid++) {
          COSDictionary owner = (COSDictionary) mcids.getObject(mcid);
          assertNotNull(owner.getNameAsString(COSName.S), "MCID " + mcid + " has a structure element");
          assertTrue(holds(owner.getDictionaryObject(COSName.K), mcid, page.getCOSObject(), owner),
              "the element of MCID " + mcid + " holds it: " + owner.getNameAsString(COSName.S));
          checked++;
        }
      }
      assertTrue(checked > 20, "marked content checked: " + checked);

      String text = new PDFTextStripper().getText(d);
      assertTrue(text.contains("α") && text.contains("∈") && text.contains("ℝ"), "math extracts as Unicode: " + text);
    }
  }

  /** A map written for the join says so, and is never mapped a second time (finishing a joined PDF again). */
  @Test
  void aMathMapIsMappedOnce() {
    String fop = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 beginbfchar\n<0003> <00AE>\n"
        + "endbfchar\nendcmap\n";
    String once = UnicodeCMap.mapped("ABCDEF+jlm_cmmi10", fop);
    assertNotNull(once);
    assertEquals("α", UnicodeCMap.parse(once).get(3));
    assertTrue(once.contains(UnicodeCMap.MARK));
    assertNull(UnicodeCMap.mapped("jlm_cmmi10", once), "mapped already");
    assertNull(UnicodeCMap.mapped("CMUSerif-Roman", fop), "not a math font");
  }

  private static List<COSDictionary> objrs(COSBase k) {
    List<COSDictionary> out = new ArrayList<>();
    COSBase b = k instanceof COSObject o ? o.getObject() : k;
    if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) out.addAll(objrs(a.get(i)));
    } else if (b instanceof COSDictionary d && "OBJR".equals(d.getNameAsString(COSName.TYPE))) {
      out.add(d);
    }
    return out;
  }

  private static void numbers(COSDictionary node, Map<Integer, COSBase> out) {
    COSArray nums = node.getCOSArray(COSName.NUMS);
    for (int i = 0; nums != null && i + 1 < nums.size(); i += 2) {
      out.put(((COSInteger) nums.getObject(i)).intValue(), nums.getObject(i + 1));
    }
    COSArray kids = node.getCOSArray(COSName.KIDS);
    for (int i = 0; kids != null && i < kids.size(); i++) numbers((COSDictionary) kids.getObject(i), out);
  }

  /** Whether {@code k} (an element's /K) holds marked content {@code mcid} on {@code page}. */
  private static boolean holds(COSBase k, int mcid, COSDictionary page, COSDictionary elem) {
    COSBase b = k instanceof COSObject o ? o.getObject() : k;
    if (b instanceof COSInteger n) return n.intValue() == mcid && elem.getDictionaryObject(COSName.PG) == page;
    if (b instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) if (holds(a.get(i), mcid, page, elem)) return true;
      return false;
    }
    return b instanceof COSDictionary d && "MCR".equals(d.getNameAsString(COSName.TYPE))
        && d.getInt(COSName.MCID) == mcid && d.getDictionaryObject(COSName.PG) == page;
  }
}
