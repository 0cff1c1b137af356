package org.bookbuild.project;

import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Metadata;

/**
 * A loaded project: what the book is (metadata), which files it is made of and in what order, and the options that
 * steer the build. Produced by {@link ProjectLoader} from any project format (docs/projects.md).
 *
 * @param configFile project-relative path of the configuration file the project came from
 * @param output file name (without extension) for the PDF in {@code out/}
 * @param substitutions the {@code {{ key }}} values of MyST's substitution extension, a YAML mapping
 *     ({@code substitutions:} in book.yml, {@code parse: myst_substitutions:} in _config.yml), null when none
 */
public record Project(
    String configFile,
    String output,
    Metadata meta,
    List<TocEntry> frontmatter,
    List<TocEntry> toc,
    List<TocEntry> appendices,
    List<TocEntry> backmatter,
    Map<String, String> mathMacros,
    Options options,
    Map<String, SourcePos> keyPositions,
    YamlTree.Value substitutions) {

  public Project(String configFile, String output, Metadata meta, List<TocEntry> frontmatter, List<TocEntry> toc,
      List<TocEntry> appendices, List<TocEntry> backmatter, Map<String, String> mathMacros, Options options,
      Map<String, SourcePos> keyPositions) {
    this(configFile, output, meta, frontmatter, toc, appendices, backmatter, mathMacros, options, keyPositions, null);
  }

  /** The same project under another output name and options (a named edition applied over the base). */
  public Project with(String newOutput, Options newOptions) {
    return new Project(configFile, newOutput, meta, frontmatter, toc, appendices, backmatter, mathMacros, newOptions,
        keyPositions, substitutions);
  }

  /** Where a top-level key's value was written in the configuration file (the file's start if unknown). */
  public SourcePos where(String key) {
    return keyPositions.getOrDefault(key, SourcePos.of(configFile, 1, 1));
  }

  /**
   * Build options beyond metadata, with the defaults a reader of mystmd's documentation would expect.
   *
   * @param citationStyle {@code numeric} ("[3]") or {@code author-year} ("(Strang 2016)"), from {@code citation-style}
   * @param repository web address of the project's own source repository ({@code repository} in book.yml,
   *     {@code github} in myst.yml, {@code repository: url:} in _config.yml), "" when none: links into it are the
   *     project's own files
   * @param references other projects' documentation that references may point into, by name ({@code references:} in
   *     book.yml and myst.yml, Sphinx's {@code intersphinx_mapping} in _config.yml): {@code {ref}`name:label`} then
   *     prints its text instead of {@code ??}
   * @param print the press, colour and cover settings ({@code press:}, {@code colour:}, {@code cover: image:})
   * @param archive {@code archive: true} (or an edition's): the PDF is made for long-term archiving, PDF/A-2a (tagged,
   *     Unicode, sRGB output intent) as well as PDF/UA-1
   * @param reading how sources written for a web dialect are read for print ({@link Reading})
   */
  public record Options(
      String style,
      List<String> bibliography,
      String solutions,
      boolean numberHeadings,
      int numberDepth,
      String equations,
      Map<String, Object> numbering,
      String citationStyle,
      String repository,
      Map<String, String> references,
      Print print,
      boolean archive,
      Reading reading) {
    public Options {
      references = references == null ? Map.of() : Map.copyOf(references);
      print = print == null ? Print.DEFAULT : print;
      reading = reading == null ? Reading.DEFAULT : reading;
    }

    public Options(String style, List<String> bibliography, String solutions, boolean numberHeadings, int numberDepth,
        String equations, Map<String, Object> numbering, String citationStyle, String repository,
        Map<String, String> references, Print print, boolean archive) {
      this(style, bibliography, solutions, numberHeadings, numberDepth, equations, numbering, citationStyle, repository,
          references, print, archive, Reading.DEFAULT);
    }

    public Options(String style, List<String> bibliography, String solutions, boolean numberHeadings, int numberDepth,
        String equations, Map<String, Object> numbering, String citationStyle, String repository) {
      this(style, bibliography, solutions, numberHeadings, numberDepth, equations, numbering, citationStyle, repository,
          Map.of(), Print.DEFAULT, false);
    }

    public Options(String style, List<String> bibliography, String solutions, boolean numberHeadings, int numberDepth,
        String equations, Map<String, Object> numbering, String citationStyle, String repository,
        Map<String, String> references) {
      this(style, bibliography, solutions, numberHeadings, numberDepth, equations, numbering, citationStyle, repository,
          references, Print.DEFAULT, false);
    }

    public Options(String style, List<String> bibliography, String solutions, boolean numberHeadings, int numberDepth,
        String equations, Map<String, Object> numbering, String citationStyle, String repository,
        Map<String, String> references, Print print) {
      this(style, bibliography, solutions, numberHeadings, numberDepth, equations, numbering, citationStyle, repository,
          references, print, false);
    }

    public Options withSolutions(String s) {
      return new Options(style, bibliography, s, numberHeadings, numberDepth, equations, numbering, citationStyle, repository,
          references, print, archive, reading);
    }

    /** The same options for an edition that is (or is not) made for archiving (PDF/A). */
    public Options withArchive(boolean a) {
      return new Options(style, bibliography, solutions, numberHeadings, numberDepth, equations, numbering,
          citationStyle, repository, references, print, a, reading);
    }
  }

  /**
   * How the parser reads what a web dialect decides at build time.
   *
   * @param functionParentheses Sphinx's {@code add_function_parentheses} ({@code sphinx: config:} in _config.yml,
   *     {@code function-parentheses} in book.yml): API roles for functions and methods print {@code ()} after the name
   * @param printHidden {@code hidden-cells: print}: notebook cells and parts tagged {@code hide-input},
   *     {@code hide-output} or {@code hide-cell} (collapsed on the web) are printed; by default they are left out, as
   *     mystmd's PDF exports leave them out
   * @param abbreviations mystmd's {@code abbreviations:} (abbreviation → expansion), hover titles on the web, expanded
   *     after their first use in each chapter in print ({@code transform.Abbreviations})
   */
  public record Reading(boolean functionParentheses, boolean printHidden, Map<String, String> abbreviations) {
    public static final Reading DEFAULT = new Reading(true, false);

    public Reading {
      abbreviations = abbreviations == null ? Map.of() : Map.copyOf(abbreviations);
    }

    public Reading(boolean functionParentheses, boolean printHidden) {
      this(functionParentheses, printHidden, Map.of());
    }
  }

  /**
   * For print: the default press of {@code book build} ({@code none}: the screen PDF), the interior's colour
   * ({@code colour} or {@code grayscale}), and the front-cover image (a project path, "" for none).
   */
  public record Print(String press, String colour, String coverImage) {
    public static final Print DEFAULT = new Print("none", "colour", "");
  }
}
