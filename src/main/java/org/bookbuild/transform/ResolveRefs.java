package org.bookbuild.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Book;
import org.bookbuild.model.Inline;
import org.bookbuild.model.Rewriter;
import org.bookbuild.model.Walk;
import org.bookbuild.style.Style;

/**
 * Replaces cross-references ({@link Inline.Ref}) and {@code [text](#label)} links with internal links carrying their
 * printed text ("Figure 3.2", "(3.4)", the section's title). An unresolved reference prints {@code ??} in the
 * {@code inline.unresolved} style and gives a {@code ref-unresolved} diagnostic at its position. A reference into
 * another project's documentation (a label {@code name:…} whose {@code name} the project lists under
 * {@code references}, Sphinx's intersphinx mapping) prints its text, or the label after the name, as plain text; all
 * of them are listed once in a {@code ref-external} info note. A link to another page of the book, as MyST and
 * Jupyter write them ({@code [text](02-vectors.ipynb)}, {@code [text](../ch2/intro.md#a-heading)}), becomes an
 * internal link to that page's title, or to the label or heading anchor after {@code #} in that page; a link to a
 * file that is no page of the book prints its text and path ({@link #fileLink}).
 */
public final class ResolveRefs implements ChapterWise<ResolveRefs.Run, Void> {
  /** How a reference role turns into inlines. Registered per role name; MyST roles add their own. */
  @FunctionalInterface
  public interface Resolver {
    /** Returns the replacement, or empty when the label does not resolve. */
    Optional<List<Inline>> resolve(Inline.Ref ref, Context ctx);
  }

  public static final Map<String, Resolver> RESOLVERS = new LinkedHashMap<>();

  static {
    RESOLVERS.put("ref", (r, c) -> c.labels().get(r.label()).map(t -> link(r, t,
        r.text().isEmpty() ? titleOrNumber(t, c.style()) : r.text())));
    RESOLVERS.put("numref", (r, c) -> c.labels().get(r.label()).map(t -> link(r, t, numbered(r, t, c.style()))));
    RESOLVERS.put("eq", (r, c) -> c.labels().get(r.label()).filter(t -> t.kind().equals("equation")).map(t -> link(r, t,
        r.text().isEmpty() ? text(r.pos(), c.style().string("ref.equation", "number", t.number())) : r.text())));
    // LaTeX's \ref{label} in running text (parse.TexRefs): the target's number alone, its title when it has none
    RESOLVERS.put("tex:ref", (r, c) -> c.labels().get(r.label()).map(t -> link(r, t,
        t.number() != null && !t.number().isEmpty() ? text(r.pos(), t.number()) : titleOrNumber(t, c.style()))));
    RESOLVERS.put("term", GlossaryTerms::resolve);
    RESOLVERS.put("prf:ref", (r, c) -> c.labels().get(r.label()).map(t -> link(r, t,
        r.text().isEmpty() ? text(r.pos(), kindWord(t, c.style())) : r.text())));
    RESOLVERS.put("any", RESOLVERS.get("ref"));
    RESOLVERS.put("doc", (r, c) -> c.labels().get(docId(r.label())).map(t -> link(r, t,
        r.text().isEmpty() ? t.title() : r.text())));
  }

  /**
   * References into other projects' documentation and links to files that are no page of the book, each with the
   * first place it stands (for one note each at the end); a chapter's turn gives its own, settled in reading order.
   */
  record Run(Map<String, SourcePos> external, Map<String, SourcePos> files) {}

  @Override
  public Run begin(Book book, Context ctx) {
    return new Run(new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  @Override
  public Done chapter(Run run, Void facts, org.bookbuild.model.Chapter ch, Context ctx) {
    Run mine = begin(null, ctx);
    Map<String, SourcePos> external = mine.external();
    Map<String, SourcePos> files = mine.files();
    return new Done(ch.withBlocks(new Rewriter() {
      @Override
      protected List<org.bookbuild.model.Block> block(org.bookbuild.model.Block b) {
        if (b instanceof org.bookbuild.model.Block.MathBlock m && m.tex().contains("ref{")) {
          return List.of(new org.bookbuild.model.Block.MathBlock(m.pos(), m.attr(), mathRefs(m.tex(), m.pos(), ctx)));
        }
        return List.of(b);
      }

      @Override
      protected List<Inline> inline(Inline i) {
        if (i instanceof Inline.MathInline m && m.tex().contains("ref{")) {
          return List.of(new Inline.MathInline(m.pos(), mathRefs(m.tex(), m.pos(), ctx)));
        }
        if (i instanceof Inline.Ref r) {
          Optional<List<Inline>> ext = external(r, ctx);
          if (ext.isPresent()) {
            external.putIfAbsent(r.label(), r.pos());
            return ext.get();
          }
          return resolve(r, ctx);
        }
        if (i instanceof Inline.Link l && l.target().startsWith("#")) {
          String label = l.target().substring(1);
          Optional<Labels.Target> t = ctx.labels().get(label, l.pos().file());
          if (t.isEmpty()) return unresolved(l.pos(), label, ctx, l.content());
          List<Inline> content = l.content().isEmpty() ? spoken(linkText(t.get(), ctx), label, l.pos(), ctx) : l.content();
          return List.of(new Inline.Link(l.pos(), "#" + t.get().id(), content));
        }
        // MyST's [](label) and [text](label): a bare target that names a label is a cross-reference
        if (i instanceof Inline.Link l && l.target().matches("[^:/#?\\s]+")) {
          Optional<Labels.Target> t = ctx.labels().get(l.target(), l.pos().file());
          if (t.isPresent()) {
            List<Inline> content = l.content().isEmpty() ? spoken(linkText(t.get(), ctx), l.target(), l.pos(), ctx) : l.content();
            return List.of(new Inline.Link(l.pos(), "#" + t.get().id(), content));
          }
        }
        if (i instanceof Inline.Link l) {
          Optional<Inline> scheme = schemeLink(l, external);
          if (scheme.isPresent()) return List.of(scheme.get());
          Optional<Inline> page = pageLink(l, ctx);
          if (page.isPresent()) return List.of(page.get());
          Optional<Inline> file = fileLink(l, ctx, files);
          if (file.isPresent()) return List.of(file.get());
        }
        // a web link written without text ([](https://…)) prints its address, never nothing
        if (i instanceof Inline.Link l && !l.target().startsWith("#") && Walk.text(l.content()).isBlank()
            && l.content().stream().noneMatch(c -> c instanceof Inline.Image)) {
          String shown = l.target().startsWith("mailto:") ? l.target().substring(7) : l.target();
          return List.of(new Inline.Link(l.pos(), l.target(), List.of(new Inline.Text(l.pos(), shown))));
        }
        return List.of(i);
      }
    }.blocks(ch.blocks())), mine);
  }

  @Override
  public void settle(Run run, Done done, Context ctx) {
    Run mine = (Run) done.extra();
    mine.external().forEach(run.external()::putIfAbsent);
    mine.files().forEach(run.files()::putIfAbsent);
  }

  @Override
  public Book end(Run run, Book out, Context ctx) {
    Map<String, SourcePos> external = run.external();
    Map<String, SourcePos> files = run.files();
    if (!external.isEmpty()) {
      List<String> names = new ArrayList<>(external.keySet());
      String list = String.join(", ", names.size() > 12 ? names.subList(0, 12) : names) + (names.size() > 12 ? " \u2026" : "");
      ctx.diags().report(new org.bookbuild.diag.Diagnostic("ref-external", org.bookbuild.diag.Severity.INFO,
          names.size() + (names.size() == 1 ? " reference points" : " references point") + " into other projects'"
          + " documentation and print as text: " + list, external.values().iterator().next(), ""));
    }
    if (!files.isEmpty()) {
      List<String> names = new ArrayList<>(files.keySet());
      String list = String.join(", ", names.size() > 8 ? names.subList(0, 8) : names) + (names.size() > 8 ? " \u2026" : "");
      ctx.diags().report(new org.bookbuild.diag.Diagnostic("link-to-file", org.bookbuild.diag.Severity.INFO,
          names.size() + (names.size() == 1 ? " link points" : " links point") + " to a file that is no page of the"
          + " book (data, scripts); printed as the link text with the file's path: " + list,
          files.values().iterator().next(), ""));
    }
    return out;
  }

  /**
   * A reference into another project's documentation: the label's part before its first colon names an entry of
   * the project's {@code references} (and no label of the book has that name). Prints its text, or the label after
   * the name.
   */
  static Optional<List<Inline>> external(Inline.Ref r, Context ctx) {
    if (!Set.of("ref", "doc", "any", "numref", "term").contains(r.kind())) return Optional.empty();
    int colon = r.label().indexOf(':');
    if (colon <= 0) return Optional.empty();
    String name = r.label().substring(0, colon);
    if (!ctx.project().options().references().containsKey(name)) return Optional.empty();
    if (ctx.labels().get(r.label()).isPresent()) return Optional.empty();
    List<Inline> text = r.text().isEmpty() ? List.of(new Inline.Text(r.pos(), r.label().substring(colon + 1))) : r.text();
    return Optional.of(List.of(new Inline.Span(r.pos(), Attr.classes("external-ref"), text)));
  }

  private static List<Inline> resolve(Inline.Ref r, Context ctx) {
    Resolver res = RESOLVERS.get(r.kind());
    if (res == null) {
      ctx.diags().warn("role-unknown", r.pos(), "unknown reference role {" + r.kind() + "}");
      return unresolved(r.pos(), r.label(), ctx, r.text());
    }
    return res.resolve(r, ctx).orElseGet(() -> unresolved(r.pos(), r.label(), ctx, List.of()));
  }

  static List<Inline> unresolved(SourcePos pos, String label, Context ctx, List<Inline> text) {
    String near = org.bookbuild.diag.Hints.closest(Labels.normalise(label), ctx.labels().all().keySet())
        .map(l -> "did you mean '" + l + "'?").orElse("");
    ctx.diags().report(org.bookbuild.diag.Diagnostic.warning("ref-unresolved", pos,
        "reference to '" + label + "' does not resolve to any label in the book").withHint(near));
    List<Inline> out = new ArrayList<>(text);
    out.add(new Inline.Span(pos, Attr.classes("unresolved"), List.of(new Inline.Text(pos, "??"))));
    return out;
  }

  private static List<Inline> link(Inline.Ref r, Labels.Target t, List<Inline> content) {
    return List.of(new Inline.Link(r.pos(), "#" + t.id(), content));
  }

  private static List<Inline> text(SourcePos pos, String s) {
    return List.of(new Inline.Text(pos, s));
  }

  /** "Figure 3.2": the kind's wording from the style, or the author's template with %s / {number}. */
  static List<Inline> numbered(Inline.Ref r, Labels.Target t, Style style) {
    if (!r.text().isEmpty()) {
      String tpl = Walk.text(r.text());
      if (tpl.contains("%s") || tpl.contains("{number}")) {
        String name = Walk.text(t.title());
        return text(r.pos(), tpl.replace("%s", t.number()).replace("{number}", t.number()).replace("{name}", name));
      }
      return r.text();
    }
    return text(r.pos(), kindWord(t, style));
  }

  static String kindWord(Labels.Target t, Style style) {
    String key = "ref." + t.kind().replace("prf:", "");
    if (!style.hasString(key)) key = "ref.default";
    return style.string(key, "number", t.number());
  }

  /**
   * The text of a link written without any ({@code [](#label)}): MyST's (Jupyter Book) is the target's title or
   * caption; mystmd's, in a {@code myst.yml} project, is the numbered name of a numbered block ("Figure 1.2", "(3)"),
   * as {@code {numref}} prints it, and the title of a heading.
   */
  static List<Inline> linkText(Labels.Target t, Context ctx) {
    String config = ctx.project().configFile() == null ? "" : ctx.project().configFile();
    boolean mystmd = config.equals("myst.yml") || config.endsWith("/myst.yml");
    boolean heading = t.kind().equals("section") || t.kind().equals("chapter");
    if (mystmd && !heading && t.number() != null && !t.number().isEmpty()) {
      return List.of(new Inline.Text(t.pos(), kindWord(t, ctx.style())));
    }
    return titleOrNumber(t, ctx.style());
  }

  /**
   * The text of a link written without any, when its target has no number, title or words to give it: the label,
   * with a {@code ref-no-text} warning (a link never prints as nothing).
   */
  static List<Inline> spoken(List<Inline> text, String label, SourcePos pos, Context ctx) {
    if (!Walk.text(text).isBlank()) return text;
    ctx.diags().report(org.bookbuild.diag.Diagnostic.warning("ref-no-text", pos, "a link without text points to '"
        + label + "', which has no number, title or text to print; the label is printed")
        .withHint("write the link's text: [words](#" + label + ")"));
    return List.of(new Inline.Text(pos, label));
  }

  private static final java.util.regex.Pattern MYST_SCHEME =
      java.util.regex.Pattern.compile("(?i)(wiki|github|doi|rrid|ror|xref):(\\S+)");

  /**
   * mystmd's link schemes ({@code <wiki:Gravity>}, {@code [](github:owner/repo)}, {@code [](doi:10.…)},
   * {@code rrid:}, {@code ror:}): the web address they stand for, their text as mystmd shows it when the link has
   * none (or only repeats the target, as an autolink does). An {@code xref:} into another MyST project needs that
   * project's web data, which print does not fetch: its text (or the target) as text, noted under
   * {@code ref-external}. Empty for other links.
   */
  static Optional<Inline> schemeLink(Inline.Link l, Map<String, SourcePos> external) {
    java.util.regex.Matcher m = MYST_SCHEME.matcher(l.target().strip());
    if (!m.matches()) return Optional.empty();
    String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
    String rest = m.group(2);
    String written = Walk.text(l.content()).strip();
    boolean own = !written.isEmpty() && !written.equals(l.target().strip());
    if (scheme.equals("xref")) {
      external.putIfAbsent(l.target().strip(), l.pos());
      List<Inline> text = own ? l.content() : List.of(new Inline.Text(l.pos(), rest));
      return Optional.of(new Inline.Span(l.pos(), Attr.classes("external-ref"), text));
    }
    String url;
    String shown;
    switch (scheme) {
      case "wiki" -> {
        url = "https://en.wikipedia.org/wiki/" + rest;
        shown = rest.replace('_', ' ');
      }
      case "github" -> {
        url = "https://github.com/" + rest;
        shown = rest;
      }
      case "doi" -> {
        url = "https://doi.org/" + rest;
        shown = "doi:" + rest;
      }
      case "rrid" -> {
        url = "https://scicrunch.org/resolver/RRID:" + rest;
        shown = "RRID:" + rest;
      }
      default -> {
        url = "https://ror.org/" + rest;
        shown = "ROR:" + rest;
      }
    }
    List<Inline> text = own ? l.content() : List.of(new Inline.Text(l.pos(), shown));
    return Optional.of(new Inline.Link(l.pos(), url, text));
  }

  static List<Inline> titleOrNumber(Labels.Target t, Style style) {
    if (!t.title().isEmpty()) return t.title();
    return List.of(new Inline.Text(t.pos(), kindWord(t, style)));
  }

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final List<String> PAGE_EXTENSIONS = List.of("", ".md", ".ipynb", ".rst", ".myst", ".markdown");

  /**
   * A link to a page of the book by its file name, relative to the linking page (or from the project root with a
   * leading {@code /}), with an optional {@code #label} or heading anchor of that page: the internal link it stands
   * for. Empty for web addresses and for files that are no page of the book.
   */
  static Optional<Inline> pageLink(Inline.Link l, Context ctx) {
    String target = l.target();
    if (target.isEmpty() || target.startsWith("#") || SCHEME.matcher(target).find() || l.pos().file() == null) {
      return Optional.empty();
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? "" : target.substring(hash + 1);
    int query = path.indexOf('?');
    if (query >= 0) path = path.substring(0, query);
    try {
      path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String file = org.bookbuild.io.Paths2.join(l.pos().file(), path);
    if (file == null) return Optional.empty();
    String page = null;
    // Sphinx's web build names each page's output .html: a link to intro.html is a link to the page intro.md
    String base = file.matches("(?i).+\\.html?") ? file.substring(0, file.lastIndexOf('.')) : file;
    for (String stem : base.equals(file) ? List.of(file) : List.of(file, base)) {
      for (String ext : PAGE_EXTENSIONS) {
        if ((page = ctx.labels().page(stem + ext)) != null) {
          file = stem + ext;
          break;
        }
      }
      if (page != null) break;
    }
    if (page == null) return Optional.empty();
    String id = page;
    Labels.Target t = null;
    if (!fragment.isEmpty()) {
      t = ctx.labels().get(fragment, file).orElse(null);
      if (t != null) id = t.id();
    }
    if (t == null) t = ctx.labels().get(page).orElse(null);
    List<Inline> content = l.content().isEmpty() && t != null ? linkText(t, ctx) : l.content();
    return Optional.of(new Inline.Link(l.pos(), "#" + id, content));
  }

  /**
   * A link by relative path to something that is no page of the book: on paper there is nothing to click, so a file
   * of the project (data, a script) prints as its text followed by the path in code type, as {@code {download}} does
   * (noted in {@code files} for one {@code link-to-file} note); a path outside the project is printed the same way;
   * a path no file answers to is a {@code link-broken} warning, its text printed. Empty for web addresses, anchors
   * and empty targets.
   */
  static Optional<Inline> fileLink(Inline.Link l, Context ctx, Map<String, SourcePos> files) {
    String target = l.target();
    if (target.isBlank() || target.startsWith("#") || SCHEME.matcher(target).find() || target.startsWith("//")
        || l.pos().file() == null) {
      return Optional.empty();
    }
    // linkify's bare web addresses (www.example.org) are web links, not files
    if (target.matches("(?i)www\\.[^/\\s]+\\.[a-z]{2,}.*")) {
      return Optional.of(new Inline.Link(l.pos(), "https://" + target, l.content()));
    }
    String path = target;
    int cut = indexOfAny(path, "#?");
    if (cut >= 0) path = path.substring(0, cut);
    try {
      path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a stray % in a file name: look the path up as written
    }
    String file = org.bookbuild.io.Paths2.join(l.pos().file(), path);
    boolean exists = file == null || file.isEmpty() || ctx.world().exists(file);
    List<Inline> text = l.content();
    boolean image = text.stream().anyMatch(x -> x instanceof Inline.Image);
    if (!exists) {
      String near = org.bookbuild.diag.Hints.closest(file, ctx.labels().pageFiles()).map(f -> "did you mean '" + f + "'?").orElse("");
      ctx.diags().report(org.bookbuild.diag.Diagnostic.warning("link-broken", l.pos(), "link to '" + target
          + "': no page of the book, file of the project or label has this name").withHint(near));
      List<Inline> out = text.isEmpty() ? List.of(new Inline.Code(l.pos(), target)) : text;
      return Optional.of(new Inline.Span(l.pos(), Attr.classes("link-broken"), out));
    }
    files.putIfAbsent(file == null ? target : file, l.pos());
    if (image) return Optional.of(new Inline.Span(l.pos(), Attr.classes("download"), text));
    List<Inline> out = new ArrayList<>();
    String written = Walk.text(text).strip();
    if (text.isEmpty() || written.equals(target) || written.equals(path)) {
      out.add(new Inline.Code(l.pos(), target));
    } else {
      out.addAll(text);
      out.add(new Inline.Text(l.pos(), " ("));
      out.add(new Inline.Code(l.pos(), target));
      out.add(new Inline.Text(l.pos(), ")"));
    }
    return Optional.of(new Inline.Span(l.pos(), Attr.classes("download"), out));
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  private static final java.util.regex.Pattern MATH_REF =
      java.util.regex.Pattern.compile("\\\\(eqref|ref|autoref|cref|Cref)\\s*\\{([^{}]*)\\}");

  /**
   * {@code \ref{label}} and {@code \eqref{label}} inside a formula (MathJax and KaTeX read them; jlatexmath does not):
   * the label's number as text, in parentheses for {@code \eqref}; a label the book lacks prints ?? with
   * {@code ref-unresolved}.
   */
  static String mathRefs(String tex, SourcePos pos, Context ctx) {
    java.util.regex.Matcher m = MATH_REF.matcher(tex);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String label = m.group(2).strip();
      Optional<Labels.Target> t = ctx.labels().get(label, pos.file());
      String number;
      if (t.isPresent() && !t.get().number().isEmpty()) {
        number = t.get().number();
      } else {
        if (t.isEmpty()) unresolved(pos, label, ctx, List.of());
        number = "??";
      }
      String shown = m.group(1).equals("eqref") ? "(" + number + ")" : number;
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("\\mathrm{" + shown + "}"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** {doc} labels are file paths; the chapter id is the slug of the file's stem. */
  static String docId(String path) {
    return org.bookbuild.project.ProjectLoader.slug(org.bookbuild.io.Paths2.stem(path));
  }
}
