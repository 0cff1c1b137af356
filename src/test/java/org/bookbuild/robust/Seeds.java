package org.bookbuild.robust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Seed inputs for fuzzing: the CommonMark spec examples, the myst-spec examples and feature pages, the course page
 * in the shared corpus and the sample book's chapters; plus small valid book.yml, BibTeX and notebook texts.
 */
final class Seeds {
  static final Path CORPUS = Path.of("/work/shared/corpus");

  private Seeds() {}

  static List<String> markdown() {
    List<String> out = new ArrayList<>();
    try {
      Path spec = CORPUS.resolve("commonmark/spec.json");
      if (Files.exists(spec)) {
        for (JsonNode ex : new ObjectMapper().readTree(spec.toFile())) out.add(ex.get("markdown").asText());
      }
      Path examples = CORPUS.resolve("myst-spec/docs/examples");
      if (Files.isDirectory(examples)) {
        try (Stream<Path> s = Files.list(examples)) {
          for (Path p : s.sorted().toList()) mystCases(Files.readString(p), out);
        }
      }
      for (Path dir : List.of(CORPUS.resolve("myst-spec/docs/features"), CORPUS.resolve("eecs245-intro"), Path.of("chapters"))) {
        if (!Files.isDirectory(dir)) continue;
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the seed corpus: " + e.getMessage(), e);
    }
    out.addAll(List.of(
        "# Title\n\nText with $a*b$ and $$x^2$$.\n\n$$\n\\int_0^1 f\n$$ (eq-one)\n\nSee {eq}`eq-one` and {numref}`fig-x`.\n",
        ":::{note}\nA note with **bold**.\n:::\n\n```{figure} img.png\n:name: fig-x\n\nCaption\n```\n",
        "| a | b |\n|---|:-:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: A footnote.\n\n- [ ] task\n- [x] done\n",
        "Term\n: Definition\n\n> quote\n> > nested\n\n1. one\n2. two\n\n{cite}`knuth84` and {term}`word`.\n",
        "```{eval-rst}\n.. note:: An *rST* note [#]_.\n\n- item :math:`x`\n\n.. [#] Foot.\n```\n"));
    return out;
  }

  /** rST seeds: the input of every reStructuredText parser case. */
  static List<String> rst() {
    List<String> out = new ArrayList<>();
    try {
      String cases = Files.readString(Path.of("src/test/resources/parse/rst.rst.cases"), StandardCharsets.UTF_8);
      for (String c : cases.split("(?m)^=== ")) {
        int nl = c.indexOf('\n');
        int dump = c.indexOf("--- dump\n");
        if (nl >= 0 && dump > nl) out.add(c.substring(nl + 1, dump));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the rST cases: " + e.getMessage(), e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void mystCases(String yaml, List<String> out) {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(20_000_000);
    Object root = new Yaml(lo).load(yaml);
    if (!(root instanceof Map<?, ?> m) || !(m.get("cases") instanceof List<?> cases)) return;
    for (Object c : cases) {
      if (c instanceof Map<?, ?> cm && cm.get("myst") instanceof String s) out.add(s);
    }
  }

  static String bookYml(String chapter, boolean bib) {
    return "title: Fuzz Book\nsubtitle: Seeds\nauthors:\n  - name: Ada Author\n    affiliation: Somewhere\n"
        + "date: 2026-01-15\nlicense: CC-BY-4.0\nlanguage: en\nkeywords: [a, b]\nmath:\n  '\\RR': '\\mathbb{R}'\n"
        + "numbering:\n  headings: true\n" + (bib ? "bibliography: [refs.bib]\n" : "")
        + "toc:\n  - file: " + chapter + "\n";
  }

  static final String BIB = """
      @book{knuth84,
        author = {Donald E. Knuth},
        title = {The {\\TeX}book},
        publisher = {Addison-Wesley},
        year = 1984
      }
      @article{strang93,
        author = "Gilbert Strang and Ada Lovelace",
        title = "The Fundamental Theorem of Linear Algebra",
        journal = {Amer. Math. Monthly}, volume = 100, number = 9, pages = {848--855}, year = 1993,
        doi = {10.2307/2324660}
      }
      """;

  static final String NOTEBOOK = """
      {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Notebook\\n", "\\n", "Text with $x$ and {cite}`knuth84`.\\n"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["print(1 + 1)\\n"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["2\\n"]},
                     {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                      "data": {"text/plain": ["42"], "text/latex": ["$42$"]}}]},
        {"cell_type": "raw", "metadata": {}, "source": "raw text"}
       ],
       "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
       "nbformat": 4, "nbformat_minor": 5}
      """;
}
