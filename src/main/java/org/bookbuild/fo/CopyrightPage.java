package org.bookbuild.fo;

import java.util.Map;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.License;
import org.bookbuild.style.Style;

/**
 * Writes the content of the copyright page (the verso after the title page): the book's title and authors, the
 * copyright line and edition, the licence badge drawn as vector graphics, the licence statement with a live link to
 * the licence, and a plain-language summary of its terms. The caller supplies the page-sequence around it.
 *
 * <p>Wording comes from the style's strings ({@code copyright.*}) and from {@code styles/licenses.yml}; every block
 * carries a {@code copyright.*} style role.
 */
public final class CopyrightPage {
  private static final String FOX_NS = "http://xmlgraphics.apache.org/fop/extensions";

  private CopyrightPage() {}

  /** Writes the page content into {@code out} at block level. */
  public static void write(Xml out, Metadata meta, Style style) {
    License lic = License.lookup(style, meta.license());
    out.start("fo:block-container").attrs(style.role("copyright.page"));
    out.start("fo:block").attrs(style.role("copyright.text"));

    block(out, style, "copyright.title", meta.title());
    block(out, style, "copyright.subtitle", meta.subtitle());
    if (!meta.authors().isEmpty()) block(out, style, "copyright.authors", meta.authorNames());

    // A public-domain dedication has no copyright to state unless the book's own line says otherwise.
    if (lic == null || !lic.dedication() || present(meta.copyright())) {
      block(out, style, "copyright.line", copyrightLine(meta, style));
    }
    block(out, style, "copyright.edition", edition(meta, style));
    block(out, style, "copyright.date", present(meta.date()) ? style.string("copyright.date", "date", meta.date()) : null);
    release(out, meta.release(), style);

    if (lic == null) {
      block(out, style, "copyright.statement", style.string("copyright.unlicensed"));
    } else {
      badge(out, lic, style);
      out.start("fo:block").attrs(style.role("copyright.statement"));
      out.text(style.string(lic.dedication() ? "copyright.statement.dedication" : "copyright.statement.license",
          "name", lic.name(), "short", lic.shortName()));
      out.text(" ");
      withLink(out, style.string(lic.dedication() ? "copyright.visit.dedication" : "copyright.visit.license"), lic.url(),
          style);
      out.end();
      out.start("fo:block").attrs(style.role("copyright.summary"));
      out.start("fo:inline").attrs(style.role("copyright.summary-label")).text(style.string("copyright.summary-label")).end();
      out.text(" ").text(lic.summary());
      if (style.hasString("copyright.summary-caveat")) out.text(" ").text(style.string("copyright.summary-caveat"));
      out.end();
    }
    if (style.hasString("copyright.colophon")) block(out, style, "copyright.colophon", style.string("copyright.colophon"));
    out.end().end();
  }

  /** The copyright line from book.yml, or one composed from the year of the date and the authors. */
  static String copyrightLine(Metadata meta, Style style) {
    if (present(meta.copyright())) return meta.copyright().strip();
    String year = present(meta.date()) && meta.date().length() >= 4 ? meta.date().substring(0, 4) : "";
    return style.string("copyright.line-default", "year", year, "authors", meta.authorNames()).strip();
  }

  private static String edition(Metadata meta, Style style) {
    if (!present(meta.edition())) return null;
    String e = meta.edition().strip();
    // A bare number ("2") reads better as "Edition 2"; a phrase ("Second edition") is printed as written.
    return e.chars().allMatch(Character::isDigit) || e.matches("\\d+(\\.\\d+)*")
        ? style.string("copyright.edition-number", "edition", e)
        : e;
  }

  /** The version line (version, commit, date) and, for uncommitted sources, the draft notice. */
  private static void release(Xml out, Metadata.Release r, Style style) {
    if (!r.versioned()) return;
    String line = r.commit().isEmpty()
        ? style.string("release.copyright-plain", "version", r.version())
        : style.string("release.copyright", "version", r.version(), "commit", r.shortCommit(), "date", r.date());
    block(out, style, "copyright.version", line);
    if (r.draft()) block(out, style, "copyright.draft", style.string("release.draft"));
  }

  private static void badge(Xml out, License lic, Style style) {
    Map<String, String> colours = style.role("copyright.badge-colours");
    out.start("fo:block").attrs(style.role("copyright.badge-block"));
    out.start("fo:instream-foreign-object").attr("xmlns:fox", FOX_NS)
        .attr("fox:alt-text", style.string("copyright.badge-alt", "short", lic.shortName()))
        .attrs(style.role("copyright.badge"));
    LicenseBadge.write(out, lic.badge(), colours.getOrDefault("ink", "black"), colours.getOrDefault("paper", "white"));
    out.end();
    out.start("fo:inline").attrs(style.role("copyright.badge-label")).text(lic.shortName()).end();
    out.end();
  }

  /** Writes {@code template} as text, with its {@code {url}} placeholder as a live link showing the URL. */
  private static void withLink(Xml out, String template, String url, Style style) {
    int at = template.indexOf("{url}");
    if (at < 0) {
      out.text(template);
      return;
    }
    out.text(template.substring(0, at));
    out.start("fo:basic-link").attr("external-destination", "url(" + url + ")").attr("xmlns:fox", FOX_NS).attr("fox:alt-text", url)
        .attrs(style.role("copyright.url"))
        .text(url).end();
    out.text(template.substring(at + "{url}".length()));
  }

  private static void block(Xml out, Style style, String role, String text) {
    if (!present(text)) return;
    out.start("fo:block").attrs(style.role(role)).text(text.strip()).end();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
