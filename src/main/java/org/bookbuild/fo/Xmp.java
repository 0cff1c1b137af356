package org.bookbuild.fo;

import java.util.List;
import org.bookbuild.model.Metadata;
import org.bookbuild.style.License;
import org.bookbuild.style.Style;

/**
 * Writes the book's XMP metadata packet ({@code x:xmpmeta}) for {@code fo:declarations}. FOP merges it into the PDF's
 * metadata stream and copies title, authors, subject and keywords into the document information dictionary.
 *
 * <p>Licence fields follow Creative Commons' XMP practice: {@code dc:rights} carries the human-readable statement,
 * {@code xmpRights:WebStatement} and {@code cc:license} the licence URL, {@code cc:attributionName} whom to credit.
 * {@code xmpRights:Marked} is {@code True} for a licence (the work is under copyright, with rights granted) and
 * {@code False} for a public-domain dedication such as CC0: XMP defines False as "public domain", and CC0 waives the
 * copyright rather than licensing it, so claiming a rights-managed work would misstate it.
 */
public final class Xmp {
  public static final String X = "adobe:ns:meta/";
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String DC = "http://purl.org/dc/elements/1.1/";
  public static final String PDF = "http://ns.adobe.com/pdf/1.3/";
  public static final String XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/";
  public static final String CC = "http://creativecommons.org/ns#";
  public static final String XMP_MM = "http://ns.adobe.com/xap/1.0/mm/";
  public static final String ST_EVT = "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#";

  private Xmp() {}

  /** Writes the {@code x:xmpmeta} element. Fields the book does not declare are left out. */
  public static void write(Xml out, Metadata meta, Style style) {
    License lic = License.lookup(style, meta.license());
    out.start("x:xmpmeta").attr("xmlns:x", X);
    out.start("rdf:RDF").attr("xmlns:rdf", RDF);

    out.start("rdf:Description").attr("rdf:about", "").attr("xmlns:dc", DC);
    // FOP only accepts dc:title as a language alternative.
    langAlt(out, "dc:title", meta.title() == null ? "" : meta.title().strip());
    if (!meta.authors().isEmpty()) list(out, "dc:creator", "rdf:Seq", meta.authors().stream().map(Metadata.Author::name).toList());
    // dc:description becomes the PDF's Subject; a book without a description is described by its subtitle.
    String description = present(meta.description()) ? meta.description() : meta.subtitle();
    if (present(description)) langAlt(out, "dc:description", description.strip());
    if (meta.keywords() != null && !meta.keywords().isEmpty()) list(out, "dc:subject", "rdf:Bag", meta.keywords());
    if (present(meta.language())) list(out, "dc:language", "rdf:Bag", List.of(meta.language()));
    String rights = rights(meta, style, lic);
    if (rights != null) langAlt(out, "dc:rights", rights);
    out.end();

    if (meta.keywords() != null && !meta.keywords().isEmpty()) {
      out.start("rdf:Description").attr("rdf:about", "").attr("xmlns:pdf", PDF);
      out.element("pdf:Keywords", String.join(", ", meta.keywords()));
      out.end();
    }

    if (lic != null) {
      out.start("rdf:Description").attr("rdf:about", "").attr("xmlns:xmpRights", XMP_RIGHTS);
      out.element("xmpRights:Marked", lic.dedication() ? "False" : "True");
      out.element("xmpRights:WebStatement", lic.url());
      out.end();
      out.start("rdf:Description").attr("rdf:about", "").attr("xmlns:cc", CC);
      out.element("cc:license", lic.url());
      if (!lic.dedication() && !meta.authors().isEmpty()) out.element("cc:attributionName", meta.authorNames());
      out.end();
    }
    release(out, meta.release());
    out.end().end();
  }

  /**
   * The release: {@code xmpMM:VersionID} is the version printed on the copyright page; {@code xmpMM:History} lists the
   * editions released before (and this one, unless it is a draft) as "published" events with their dates.
   */
  private static void release(Xml out, Metadata.Release r) {
    if (!r.versioned()) return;
    out.start("rdf:Description").attr("rdf:about", "").attr("xmlns:xmpMM", XMP_MM).attr("xmlns:stEvt", ST_EVT);
    out.element("xmpMM:VersionID", r.version());
    List<Metadata.Previous> events = new java.util.ArrayList<>(r.history());
    if (!r.draft() && events.stream().noneMatch(p -> p.version().equals(r.version()))) {
      events.add(new Metadata.Previous(r.version(), r.date()));
    }
    if (!events.isEmpty()) {
      out.start("xmpMM:History").start("rdf:Seq");
      for (Metadata.Previous p : events) {
        out.start("rdf:li").attr("rdf:parseType", "Resource");
        out.element("stEvt:action", "published");
        if (present(p.date())) out.element("stEvt:when", p.date());
        out.element("stEvt:parameters", p.version());
        out.end();
      }
      out.end().end();
    }
    out.end();
  }

  private static String rights(Metadata meta, Style style, License lic) {
    String line = CopyrightPage.copyrightLine(meta, style);
    if (lic == null) return present(line) ? line : null;
    String key = lic.dedication() ? "xmp.rights.dedication" : "xmp.rights.license";
    return style.string(key, "copyright", line.replaceAll("[.\\s]+$", ""), "name", lic.name(), "url", lic.url()).strip();
  }

  private static void langAlt(Xml out, String name, String text) {
    out.start(name).start("rdf:Alt").start("rdf:li").attr("xml:lang", "x-default").text(text).end().end().end();
  }

  private static void list(Xml out, String name, String kind, List<String> items) {
    out.start(name).start(kind);
    for (String i : items) out.element("rdf:li", i);
    out.end().end();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
