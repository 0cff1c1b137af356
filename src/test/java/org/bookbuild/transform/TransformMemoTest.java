package org.bookbuild.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bookbuild.diag.Diagnostic;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.io.DiskWorld;
import org.bookbuild.pipeline.Pipeline;
import org.bookbuild.pipeline.Resident;
import org.bookbuild.testing.MemoBuilds;
import org.bookbuild.testing.MemoBuilds.Built;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book watch} transforms again only the chapters whose result can have changed: after each of a series of
 * edits to a copy of the sample book (text, labels, references across chapters, a heading a reference prints, numbers,
 * a duplicate label, a chapter added to the contents), a build with the transform memo gives the same FO and the same
 * diagnostics as a build without it; an edit to one paragraph transforms that chapter alone again.
 */
class TransformMemoTest {
  @TempDir Path dir;

  private Built same(Resident resident, String step) throws IOException {
    return MemoBuilds.same(dir, resident, step);
  }

  private void copy(String what) throws IOException {
    Path from = Path.of("").toAbsolutePath().resolve(what);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path to = dir.resolve(Path.of("").toAbsolutePath().relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = dir.resolve(file);
    String s = Files.readString(p);
    assertTrue(s.contains(from), file + " holds " + from);
    Files.writeString(p, s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  private static long chapterWise() {
    return Transforms.LIST.stream().filter(t -> t instanceof ChapterWise<?, ?>).count();
  }

  @Test
  void editsToTheSampleBookGiveTheBookOfABuildWithoutMemo() throws IOException {
    for (String f : List.of("book.yml", "references.bib", "chapters", "figures")) copy(f);
    Resident resident = Resident.fresh();
    TransformMemo memo = resident.transforms();

    same(resident, "first build");
    assertEquals(0, memo.kept());
    assertTrue(memo.done() > 0, "the chapter-wise transforms took their turns: " + memo.done());
    // the first build drew the figures: a chapter whose figure was not yet in the cache is transformed again once
    same(resident, "again");
    int done = memo.done();
    int kept = memo.kept();

    same(resident, "again, unchanged");
    assertEquals(done, memo.done(), "no chapter transformed again");
    assertTrue(memo.kept() - kept >= 8 * 13, "every chapter's turn in every transform kept: " + (memo.kept() - kept));

    edit("chapters/03-projections.md", "Which multiple is closest to $\\vb$?", "Which multiple of it is closest to $\\vb$?");
    Built text = same(resident, "a paragraph edited");
    assertTrue(text.fo().contains("Which multiple of it is closest"));
    assertEquals(done + chapterWise(), memo.done(), "the edited chapter alone transformed again, once per transform");

    edit("chapters/03-projections.md", "## The closest point on a line\n",
        "## The closest point on a line\n\n(sec-new-label)=\n### A new section\n\nSee {ref}`sec-new-label` and {eq}`eq-nowhere`.\n");
    edit("chapters/02-vectors.md", "transpose will be defined properly in", "transpose (see {ref}`sec-new-label`) will be defined properly in");
    same(resident, "a label added in one chapter and referred to from another");

    edit("chapters/03-projections.md", "### A new section", "### A renamed section");
    Built renamed = same(resident, "the heading a reference in another chapter prints, renamed");
    assertTrue(renamed.fo().contains("A renamed section"));

    edit("chapters/02-vectors.md", "transpose (see", "\n\n(sec-new-label)=\n## The same label earlier\n\nIts text. The transpose (see");
    same(resident, "a later chapter's heading label given to an earlier chapter's heading too: the later one's id moves");

    edit("chapters/02-vectors.md", ":label: def-vector", ":label: def-vector\n:class: dropdown");
    edit("chapters/04-matrices.md", "\n## ", "\n(def-linear-combination)=\n## ");
    same(resident, "a label used a second time in a later chapter");

    edit("chapters/02-vectors.md", "{numref}`fig-vector-addition` shows",
        "```{figure} ../figures/none.png\n:name: fig-early\n\nAn early figure.\n```\n\n{numref}`fig-vector-addition` shows");
    same(resident, "a figure added before others: their numbers move");

    edit("chapters/02-vectors.md", "transpose (see", "the transpose, as in {cite:p}`murphy2022` and [@fisher1922], (see");
    Built cited = same(resident, "works first cited in a later chapter cited earlier: the numbers of citations move");
    assertTrue(cited.fo().contains("murphy2022"), "the citation links to its entry");

    edit("chapters/03-projections.md", "See {ref}`sec-new-label`", "See {ref}`sec-new-lable`");
    same(resident, "a reference that does not resolve (a hint from the whole table)");

    edit("chapters/02-vectors.md", "$$\n", "$$\n\\begin{align}\na &= b \\label{eq-line-one}\\\\\nc &= d \\label{eq-line-two}\n\\end{align}\n$$\n\nBy {eq}`eq-line-two`.\n\n$$\n");
    same(resident, "labelled lines of a multi-line equation");

    Files.writeString(dir.resolve("chapters/02b-extra.md"), "# An extra chapter\n\n(sec-extra)=\n## Extra\n\nSee {ref}`ch-vectors` and"
        + " {numref}`fig-vector-addition`.\n\n:::{exercise}\n:label: ex-extra\nDo it.\n:::\n");
    edit("book.yml", "      - file: chapters/02-vectors.md\n", "      - file: chapters/02-vectors.md\n      - file: chapters/02b-extra.md\n");
    assertTrue(Files.readString(dir.resolve("book.yml")).contains("02b-extra"), "the chapter is in the contents");
    Built added = same(resident, "a chapter added to the contents: the chapters after it change number");
    assertTrue(added.fo().contains("An extra chapter"));

    Files.writeString(dir.resolve("chapters/03-projections.md"), Files.readString(dir.resolve("chapters/03-projections.md"))
        + "\n:::{solution} ex-extra\nA solution written in a later chapter.\n:::\n\n:::{solution} ex-nowhere\nAn orphan.\n:::\n");
    Built solved = same(resident, "a solution in a later chapter for an exercise of an earlier, unchanged one, and an orphan");
    assertTrue(solved.fo().contains("A solution written in a later chapter."));
  }
}
