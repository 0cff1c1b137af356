package org.bookbuild.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.bookbuild.finish.PageSwap;
import org.bookbuild.io.World;
import org.bookbuild.render.Preview;

/**
 * One build's preview: when the layout is settled and the only chapters whose pages changed keep their page count
 * and place, their new pages are put into the PDF on show ({@link PageSwap}) before the book is joined, finished and
 * checked, which is most of a rebuild. The full build then replaces the preview; if it does not publish (more
 * errors, no PDF), {@link #undo} puts the PDF that was on show back.
 */
final class PagePreview implements Preview {
  /** Most chapters a preview lays out on its own; an edit that changes more waits for the full build. */
  static final int MOST_CHAPTERS = 3;

  private final World world;
  private final Path target;
  private final List<Chapter> shown;
  private final LongSupplier errorsNow;
  private final long keptErrors;
  private final java.util.function.Consumer<String> said;
  /** The PDF on show, parsed while the author was typing (null: not loaded). */
  private final PageSwap.Book loaded;
  /** This build's layout, once settled (null: no per-chapter layout). */
  List<Chapter> settled;
  /** The PDF on show before the preview replaced it (null: no preview written). */
  private byte[] before;

  /**
   * @param shown the layout of the PDF on show (null: unknown, no preview)
   * @param errorsNow errors the build has reported so far; a preview is made only while they are no more than
   *     {@code keptErrors}, those of the PDF on show
   * @param said hears "pages a–b" when a preview was written
   */
  PagePreview(World world, Path target, List<Chapter> shown, LongSupplier errorsNow, long keptErrors,
      java.util.function.Consumer<String> said) {
    this(world, target, shown, errorsNow, keptErrors, said, null);
  }

  /** @param loaded the PDF on show as parsed after it was published; used only while the file still holds it */
  PagePreview(World world, Path target, List<Chapter> shown, LongSupplier errorsNow, long keptErrors,
      java.util.function.Consumer<String> said, PageSwap.Book loaded) {
    this.loaded = loaded;
    this.world = world;
    this.target = target;
    this.shown = shown;
    this.errorsNow = errorsNow;
    this.keptErrors = keptErrors;
    this.said = said;
  }

  @Override
  public void settled(List<Chapter> chapters, ChapterPages chapterPages) {
    settled = chapters;
    List<Integer> changed = changed(shown, chapters);
    if (changed == null || changed.isEmpty() || changed.size() > MOST_CHAPTERS) return;
    if (target == null || keptErrors < 0 || errorsNow.getAsLong() > keptErrors) return;
    try {
      byte[] old = Files.readAllBytes(target);
      List<PageSwap.Part> parts = new ArrayList<>();
      List<Integer> pages = new ArrayList<>();
      for (int i : changed) {
        Pages part = chapterPages.of(i, shown.get(i).key());
        if (part == null) return;
        if (part.pages().length == 0) continue; // laid out again, and every page came out the same
        int first = chapters.get(i).first();
        int[] book = new int[part.pages().length];
        for (int k = 0; k < book.length; k++) {
          book[k] = first + part.pages()[k];
          pages.add(book[k]);
        }
        parts.add(new PageSwap.Part(first, book, part.pdf()));
      }
      if (parts.isEmpty()) return;
      // every changed chapter in one update, so the book is parsed (or taken as parsed after the last publish) once
      byte[] pdf;
      if (loaded != null && loaded.holds(old)) {
        pdf = PageSwap.swap(loaded, parts);
      } else {
        try (PageSwap.Book book = PageSwap.Book.load(old)) {
          pdf = PageSwap.swap(book, parts);
        }
      }
      if (pdf == null) return;
      byte[] written = pdf;
      world.writeAtomically(target, o -> o.write(written));
      before = old;
      said.accept(pageList(pages));
    } catch (IOException | RuntimeException e) {
      // no preview: the full build still comes
    }
  }

  /** "page 7", "pages 7–9", "pages 7, 12–13" for 0-based book pages in order. */
  static String pageList(List<Integer> pages) {
    StringBuilder out = new StringBuilder(pages.size() == 1 ? "page " : "pages ");
    for (int k = 0; k < pages.size(); ) {
      int j = k;
      while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) j++;
      if (k > 0) out.append(", ");
      out.append(pages.get(k) + 1);
      if (j > k) out.append('–').append(pages.get(j) + 1);
      k = j + 1;
    }
    return out.toString();
  }

  /**
   * The chapters whose pages differ between two layouts of the book, when every chapter keeps its first page and
   * page count; null when they do not line up (then every page may have moved).
   */
  static List<Integer> changed(List<Chapter> before, List<Chapter> after) {
    if (before == null || after == null || before.size() != after.size()) return null;
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      Chapter x = before.get(i);
      Chapter y = after.get(i);
      if (x.first() != y.first() || x.pages() != y.pages()) return null;
      if (x.key() == null || !x.key().equals(y.key())) changed.add(i);
    }
    return changed;
  }

  /** Puts back the PDF that was on show before the preview, if one was written. */
  void undo() throws IOException {
    if (before == null) return;
    byte[] b = before;
    world.writeAtomically(target, o -> o.write(b));
    before = null;
  }
}
