package org.bookbuild.edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.bookbuild.model.Book;
import org.bookbuild.model.Chapter;
import org.bookbuild.model.Walk;
import org.bookbuild.project.ProjectLoader;

/**
 * Per-chapter PDFs cut from the finished whole-book PDF ({@code out/chapters/NN-slug.pdf}), so every page keeps the
 * whole book's folio, running heads and chapter number. Each chapter starts at its bookmark; it ends before the next
 * chapter's or part's. The page labels of the cut file are those of the same pages in the book; links to pages that
 * are not in the file are removed (the printed reference still names the chapter).
 */
public final class Split {
  private Split() {}

  /**
   * Writes one PDF per numbered chapter and appendix ({@code NN-slug.pdf}, {@code NN-slug-EDITION.pdf} for a named
   * edition); returns their paths in book order.
   */
  public static List<Path> chapters(Path bookPdf, Book book, Path outDir) throws IOException {
    String edition = book.meta().release().edition();
    List<Path> written = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(bookPdf.toFile())) {
      List<Mark> marks = new ArrayList<>();
      if (doc.getDocumentCatalog().getDocumentOutline() != null) flatten(doc, doc.getDocumentCatalog().getDocumentOutline(), 0, marks);
      TreeSet<Integer> boundaries = new TreeSet<>();
      for (Mark m : marks) if (m.depth() == 0 && m.page() >= 0) boundaries.add(m.page());
      List<Chapter> chapters = book.chapters();
      int[] start = new int[chapters.size()];
      int from = 0;
      for (int i = 0; i < chapters.size(); i++) {
        start[i] = -1;
        String title = chapters.get(i).titleHeading().map(h -> Walk.text(h.content()).strip()).orElse("");
        if (title.isEmpty()) continue;
        for (int k = from; k < marks.size(); k++) {
          if (marks.get(k).title().strip().endsWith(title) && marks.get(k).page() >= 0) {
            start[i] = marks.get(k).page();
            boundaries.add(start[i]);
            from = k + 1;
            break;
          }
        }
      }
      Files.createDirectories(outDir);
      PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
      int n = 0;
      for (int i = 0; i < chapters.size(); i++) {
        Chapter c = chapters.get(i);
        if (start[i] < 0 || (c.kind() != Chapter.Kind.BODY && c.kind() != Chapter.Kind.APPENDIX)) continue;
        Integer next = boundaries.higher(start[i]);
        int end = next == null ? doc.getNumberOfPages() : next;
        n++;
        String title = c.titleHeading().map(h -> Walk.text(h.content())).orElse(c.id());
        Path target = outDir.resolve(String.format("%02d-%s%s.pdf", n, ProjectLoader.slug(title),
            edition.isEmpty() ? "" : "-" + edition));
        write(doc, start[i], end, labels, target);
        written.add(target);
      }
    }
    return written;
  }

  private record Mark(String title, int page, int depth) {}

  private static void flatten(PDDocument doc, PDOutlineNode node, int depth, List<Mark> out) throws IOException {
    for (PDOutlineItem item : node.children()) {
      int page = -1;
      PDPageDestination dest = null;
      if (item.getDestination() instanceof PDPageDestination d) dest = d;
      else if (item.getAction() instanceof PDActionGoTo g && g.getDestination() instanceof PDPageDestination d) dest = d;
      if (dest != null) {
        page = dest.retrievePageNumber();
        if (page < 0 && dest.getPage() != null) page = doc.getPages().indexOf(dest.getPage());
      }
      out.add(new Mark(item.getTitle() == null ? "" : item.getTitle(), page, depth));
      flatten(doc, item, depth + 1, out);
    }
  }

  /** Pages [from, to) of {@code doc} as a new file with the same page labels. */
  private static void write(PDDocument doc, int from, int to, PDPageLabels labels, Path target) throws IOException {
    try (PDDocument part = new PDDocument()) {
      part.getDocument().setVersion(doc.getVersion());
      part.setDocumentInformation(doc.getDocumentInformation());
      if (doc.getDocumentCatalog().getMetadata() != null) part.getDocumentCatalog().setMetadata(doc.getDocumentCatalog().getMetadata());
      List<PDPage> kept = new ArrayList<>();
      for (int p = from; p < to; p++) kept.add(part.importPage(doc.getPage(p)));
      for (PDPage page : kept) {
        List<PDAnnotation> annots = new ArrayList<>();
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink l && target(l) != null && !kept.contains(target(l))) continue;
          annots.add(a);
        }
        page.setAnnotations(annots);
      }
      if (labels != null) part.getDocumentCatalog().setPageLabels(cutLabels(doc, labels, from, to));
      part.getDocument().setDocumentID(doc.getDocument().getDocumentID());
      Path tmp = target.resolveSibling(target.getFileName() + ".part");
      part.save(tmp.toFile());
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static PDPage target(PDAnnotationLink l) {
    try {
      PDPageDestination d = null;
      if (l.getDestination() instanceof PDPageDestination pd) d = pd;
      else if (l.getAction() instanceof PDActionGoTo g && g.getDestination() instanceof PDPageDestination pd) d = pd;
      return d == null ? null : d.getPage();
    } catch (IOException e) {
      return null;
    }
  }

  /** The label ranges covering pages [from, to), restarted at the cut so each page keeps its label. */
  private static PDPageLabels cutLabels(PDDocument doc, PDPageLabels labels, int from, int to) throws IOException {
    PDPageLabels out = new PDPageLabels(doc);
    int rangeStart = 0;
    PDPageLabelRange range = null;
    for (int i = 0; i <= from; i++) {
      PDPageLabelRange r = labels.getPageLabelRange(i);
      if (r != null) {
        range = r;
        rangeStart = i;
      }
    }
    for (int p = from; p < to; p++) {
      PDPageLabelRange r = p == from ? null : labels.getPageLabelRange(p);
      if (r != null) {
        range = r;
        rangeStart = p;
      }
      if (p == from || r != null) {
        PDPageLabelRange copy = new PDPageLabelRange();
        if (range != null) {
          if (range.getStyle() != null) copy.setStyle(range.getStyle());
          if (range.getPrefix() != null) copy.setPrefix(range.getPrefix());
          copy.setStart(range.getStart() + (p - rangeStart));
        }
        out.setLabelItem(p - from, copy);
      }
    }
    return out;
  }
}
