package org.bookbuild.finish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * {@code book watch}'s preview: a book's PDF with the pages of one chapter replaced by the same number of pages laid
 * out again, appended to the file as a PDF incremental update, so that nothing of the other pages is read, parsed or
 * written again. The new pages come from a PDF of that chapter alone: their content streams, resources (with their own
 * font subsets, renamed so that no two subsets in the file share a name) and link annotations are copied as new
 * objects, and each replaced page object gets a new version that points at them.
 *
 * <p>What a preview does not bring up to date, the full build that follows it does: the structure tree still describes
 * the old pages (the new versions drop their {@code /StructParents}, so the replaced pages are simply untagged),
 * links from the chapter to other chapters are left out, and the file is not the reproducible book.
 */
public final class PageSwap {
  private PageSwap() {}

  /**
   * The book with pages {@code first} to {@code first + n - 1} (0-based) replaced by the {@code n} pages of
   * {@code chapter}; null when the two do not fit together (page counts differ, pages missing, encrypted or damaged
   * files): the caller then waits for the full build.
   */
  public static byte[] swap(byte[] book, int first, byte[] chapter) {
    try (Book b = Book.load(book)) {
      return swap(b, first, chapter);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A book's PDF, parsed ahead of a swap: {@code book watch} loads the PDF it has just published while the author is
   * still typing, so that the preview after the next save does not spend its time parsing the cross-reference table
   * and page tree of the whole book (a third of a preview's time on a 300-page book, JFR). Only read from.
   */
  public static final class Book implements AutoCloseable {
    private final byte[] bytes;
    private final PDDocument doc;
    private Map<Long, Integer> generations;

    private Book(byte[] bytes, PDDocument doc) {
      this.bytes = bytes;
      this.doc = doc;
    }

    /** The parsed book, its page tree walked once. */
    public static Book load(byte[] pdf) throws IOException {
      PDDocument doc = Loader.loadPDF(pdf);
      try {
        doc.getNumberOfPages();
        if (doc.getNumberOfPages() > 0) doc.getPage(doc.getNumberOfPages() - 1);
        return new Book(pdf, doc);
      } catch (RuntimeException e) {
        doc.close();
        throw e;
      }
    }

    /** Whether these are the bytes this book was loaded from. */
    public boolean holds(byte[] pdf) {
      return java.util.Arrays.equals(bytes, pdf);
    }

    private synchronized int generation(long number) {
      if (generations == null) {
        generations = new HashMap<>();
        for (COSObjectKey k : doc.getDocument().getXrefTable().keySet()) {
          generations.put(k.getNumber(), k.getGeneration());
        }
      }
      return generations.getOrDefault(number, 0);
    }

    @Override
    public void close() throws IOException {
      doc.close();
    }
  }

  /** {@link #swap(byte[], int, byte[])} on a book loaded before. */
  public static byte[] swap(Book loaded, int first, byte[] chapter) {
    return swap(loaded, List.of(new Part(first, chapter)));
  }

  /**
   * Pages laid out again: a PDF of them alone and the book's pages (0-based) its pages replace, in order: from
   * {@code first} on, as many as the PDF has ({@code pages} null: a whole chapter's), or those {@code pages} name (only
   * those of a chapter's pages that changed).
   */
  public record Part(int first, int[] pages, byte[] pdf) {
    /** A whole chapter's pages: the book's from {@code first} on. */
    public Part(int first, byte[] pdf) {
      this(first, null, pdf);
    }

    /** The book page the PDF's {@code i}-th page replaces. */
    int page(int i) {
      return pages == null ? first + i : pages[i];
    }

    /** Whether a PDF of {@code n} pages matches the pages this part names. */
    boolean fits(int n) {
      return pages == null ? first >= 0 : pages.length == n;
    }
  }

  /**
   * The book with each part's pages in place of those they replace, in one incremental update, so that a preview of
   * several chapters parses and writes the book once; null when a part does not fit (see {@link #swap(byte[], int,
   * byte[])}) or two parts replace the same page.
   */
  public static byte[] swap(Book loaded, List<Part> parts) {
    byte[] book = loaded.bytes;
    PDDocument bookDoc = loaded.doc;
    try {
      if (bookDoc.isEncrypted() || parts.isEmpty()) return null;
      long startxref = bookDoc.getDocument().getStartXref();
      COSDictionary trailer = bookDoc.getDocument().getTrailer();
      if (startxref <= 0 || trailer == null || trailer.getItem(COSName.ROOT) == null) return null;
      long size = Math.max(trailer.getLong(COSName.SIZE), bookDoc.getDocument().getHighestXRefObjectNumber() + 1);
      Copier copier = new Copier(size);
      int length = 0;
      for (Part p : parts) length += p.pdf().length;
      ByteArrayOutputStream body = new ByteArrayOutputStream(length + 4096);
      Map<Long, Long> offsets = new LinkedHashMap<>();
      // offsets in the file are the book's length plus the place in this appended body (which opens with a newline)
      long base = book.length;
      body.write('\n');
      java.util.Set<Integer> replaced = new java.util.HashSet<>();
      for (Part p : parts) {
        if (!append(bookDoc, p, copier, body, base, offsets, replaced)) return null;
      }
      long xref = base + body.size();
      StringBuilder x = new StringBuilder("xref\n");
      List<Long> sorted = new ArrayList<>(offsets.keySet());
      java.util.Collections.sort(sorted);
      for (int i = 0; i < sorted.size(); ) {
        int j = i;
        while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
        x.append(sorted.get(i)).append(' ').append(j - i + 1).append('\n');
        for (int k = i; k <= j; k++) {
          long num = sorted.get(k);
          int gen = num < size ? loaded.generation(num) : 0;
          x.append(pad(offsets.get(num), 10)).append(' ').append(pad(gen, 5)).append(" n \n");
        }
        i = j + 1;
      }
      body.write(x.toString().getBytes(StandardCharsets.ISO_8859_1));
      COSDictionary t = new COSDictionary();
      t.setLong(COSName.SIZE, copier.next);
      t.setItem(COSName.ROOT, trailer.getItem(COSName.ROOT));
      if (trailer.getItem(COSName.INFO) != null) t.setItem(COSName.INFO, trailer.getItem(COSName.INFO));
      if (trailer.getItem(COSName.ID) != null) t.setItem(COSName.ID, trailer.getItem(COSName.ID));
      t.setLong(COSName.PREV, startxref);
      body.write("trailer\n".getBytes(StandardCharsets.ISO_8859_1));
      write(body, t, copier, false);
      body.write(("\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream out = new ByteArrayOutputStream(book.length + body.size());
      out.write(book);
      body.writeTo(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Writes one part's pages (new versions of the book's page objects) and every object of the part they reach into
   * {@code body}; false when the part does not fit the book.
   */
  private static boolean append(PDDocument bookDoc, Part p, Copier copier, ByteArrayOutputStream body, long base,
      Map<Long, Long> offsets, java.util.Set<Integer> replaced) throws IOException {
    try (PDDocument part = Loader.loadPDF(p.pdf())) {
      if (part.isEncrypted()) return false;
      int n = part.getNumberOfPages();
      if (n == 0 || !p.fits(n)) return false;
      for (int i = 0; i < n; i++) if (p.page(i) < 0 || p.page(i) >= bookDoc.getNumberOfPages()) return false;
      copier.startPart();
      for (int i = 0; i < n; i++) {
        if (!replaced.add(p.page(i))) return false;
        COSDictionary from = part.getPage(i).getCOSObject();
        COSDictionary to = bookDoc.getPage(p.page(i)).getCOSObject();
        if (from.getKey() == null || to.getKey() == null) return false;
        copier.pages.put(from.getKey(), to.getKey());
      }
      for (int i = 0; i < n; i++) {
        PDPage old = bookDoc.getPage(p.page(i));
        COSDictionary page = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : old.getCOSObject().entrySet()) {
          COSName k = e.getKey();
          if (k.equals(COSName.CONTENTS) || k.equals(COSName.RESOURCES) || k.equals(COSName.ANNOTS)
              || k.equals(COSName.STRUCT_PARENTS)) {
            continue;
          }
          page.setItem(k, e.getValue());
        }
        COSDictionary fresh = part.getPage(i).getCOSObject();
        for (COSName k : new COSName[] {COSName.CONTENTS, COSName.RESOURCES, COSName.ANNOTS}) {
          COSBase v = fresh.getItem(k);
          if (v != null) page.setItem(k, new Chapter(v));
        }
        COSObjectKey key = old.getCOSObject().getKey();
        offsets.put(key.getNumber(), base + body.size());
        writeObject(body, key.getNumber(), key.getGeneration(), page, copier, false);
      }
      // the chapter's objects the new pages reach, each once, numbered after the book's (and the parts before)
      while (!copier.queue.isEmpty()) {
        COSBase o = copier.queue.poll();
        long number = copier.numbers.get(o);
        offsets.put(number, base + body.size());
        writeObject(body, number, 0, o, copier, true);
      }
      return true;
    }
  }

  /** Numbers the chapter's objects as they are met and queues them to be written. */
  private static final class Copier {
    /** The current part's page objects and the book's they replace (object keys are the part's own). */
    Map<COSObjectKey, COSObjectKey> pages = new HashMap<>();
    final Map<COSBase, Long> numbers = new java.util.IdentityHashMap<>();
    final Deque<COSBase> queue = new ArrayDeque<>();
    long next;
    private int fonts;
    /** The current part's subset tags and their new ones; the count goes on across parts, so no two share a name. */
    private Map<String, String> subsetNames = new HashMap<>();

    Copier(long size) {
      this.next = size;
    }

    /** Starts on the next part: its object keys and subset tags are its own. */
    void startPart() {
      pages = new HashMap<>();
      subsetNames = new HashMap<>();
    }

    /** The reference to write for an indirect object of the chapter's. */
    String ref(COSObject o) {
      COSObjectKey page = o.getKey() == null ? null : pages.get(o.getKey());
      if (page != null) return page.getNumber() + " " + page.getGeneration() + " R";
      COSBase target = o.getObject();
      if (target == null || target instanceof COSNull) return "null";
      Long num = numbers.get(target);
      if (num == null) {
        num = next++;
        numbers.put(target, num);
        queue.add(target);
      }
      return num + " 0 R";
    }

    /** A subset font's name with a tag of its own (ABCDEF+Name → PVxxxx+Name), the same for the same name. */
    String subset(String name) {
      if (name.length() < 8 || name.charAt(6) != '+' || !name.substring(0, 6).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
        return name;
      }
      String tag = subsetNames.computeIfAbsent(name.substring(0, 6), k -> {
        int i = fonts++;
        char[] t = {'P', 'V', 'A', 'A', 'A', 'A'};
        for (int p = 5; p >= 2 && i > 0; p--, i /= 26) t[p] = (char) ('A' + i % 26);
        return new String(t);
      });
      return tag + name.substring(6);
    }
  }

  private static void writeObject(ByteArrayOutputStream out, long number, int generation, COSBase o, Copier c,
      boolean fromChapter) throws IOException {
    out.write((number + " " + generation + " obj\n").getBytes(StandardCharsets.ISO_8859_1));
    if (o instanceof COSStream s) {
      COSDictionary d = new COSDictionary();
      for (Map.Entry<COSName, COSBase> e : s.entrySet()) d.setItem(e.getKey(), e.getValue());
      byte[] raw;
      try (InputStream in = s.createRawInputStream()) {
        raw = in.readAllBytes();
      }
      d.setLong(COSName.LENGTH, raw.length);
      write(out, d, c, fromChapter);
      out.write("\nstream\n".getBytes(StandardCharsets.ISO_8859_1));
      out.write(raw);
      out.write("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      write(out, o, c, fromChapter);
    }
    out.write("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Writes a value. Indirect references of the chapter's ({@code fromChapter}) are renumbered; the book's keep their
   * numbers. Structure-tree keys are left out of the chapter's dictionaries: the book's tree does not know them.
   */
  private static void write(ByteArrayOutputStream out, COSBase v, Copier c, boolean fromChapter) throws IOException {
    if (v instanceof Chapter ch) {
      write(out, ch.value, c, true);
    } else if (v == null || v instanceof COSNull) {
      out.write("null".getBytes(StandardCharsets.ISO_8859_1));
    } else if (v instanceof COSObject o) {
      if (fromChapter || o.getKey() == null || c.pages.containsKey(o.getKey())) {
        out.write(c.ref(o).getBytes(StandardCharsets.ISO_8859_1));
      } else {
        out.write((o.getKey().getNumber() + " " + o.getKey().getGeneration() + " R").getBytes(StandardCharsets.ISO_8859_1));
      }
    } else if (v instanceof COSDictionary d) {
      if (!fromChapter && d.getKey() != null) {
        out.write((d.getKey().getNumber() + " " + d.getKey().getGeneration() + " R").getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      out.write("<<".getBytes(StandardCharsets.ISO_8859_1));
      for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
        COSName k = e.getKey();
        if (fromChapter && (k.equals(COSName.STRUCT_PARENT) || k.equals(COSName.STRUCT_PARENTS))) continue;
        out.write(' ');
        k.writePDF(out);
        out.write(' ');
        COSBase val = e.getValue();
        if (fromChapter && (k.equals(COSName.BASE_FONT) || k.equals(COSName.FONT_NAME)) && val instanceof COSName name) {
          val = COSName.getPDFName(c.subset(name.getName()));
        }
        write(out, val, c, fromChapter);
      }
      out.write(" >>".getBytes(StandardCharsets.ISO_8859_1));
    } else if (v instanceof COSArray a) {
      out.write('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) out.write(' ');
        write(out, a.get(i), c, fromChapter);
      }
      out.write(']');
    } else if (v instanceof COSName n) {
      n.writePDF(out);
    } else if (v instanceof COSString s) {
      COSWriter.writeString(s, out);
    } else if (v instanceof COSInteger i) {
      i.writePDF(out);
    } else if (v instanceof COSFloat f) {
      f.writePDF(out);
    } else if (v instanceof COSBoolean b) {
      b.writePDF(out);
    } else if (v instanceof COSStream) {
      throw new IOException("a stream that is not an indirect object");
    } else {
      throw new IOException("cannot copy " + v.getClass().getSimpleName());
    }
  }

  /** Marks a value of the chapter's put into one of the book's dictionaries. */
  private static final class Chapter extends COSBase {
    final COSBase value;

    Chapter(COSBase value) {
      this.value = value;
    }

    @Override
    public void accept(org.apache.pdfbox.cos.ICOSVisitor visitor) {
      throw new UnsupportedOperationException();
    }
  }

  private static String pad(long v, int width) {
    String d = Long.toString(v);
    return "0".repeat(Math.max(0, width - d.length())) + d;
  }
}
