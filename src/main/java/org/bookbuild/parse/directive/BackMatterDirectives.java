package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.model.Attr;
import org.bookbuild.model.Block;
import org.bookbuild.model.Inline;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;
import org.bookbuild.project.ProjectLoader;

/**
 * The back-matter directives. {@code glossary}: term lines at the body's left edge, each followed by its definition
 * indented below (or on lines starting {@code : }), several term lines may share one definition; it becomes a Div of
 * kind {@code glossary} holding one {@code glossary-term} Div per term, with the id {@code {term}} references resolve
 * to. {@code bibliography}: a Div of kind {@code bibliography} marking where the cited entries are listed
 * ({@code :all:} lists every entry). {@code index}: a Div of kind {@code index} whose entry lines (and argument) go
 * into {@code entries} for the index transform.
 */
final class BackMatterDirectives {
  private BackMatterDirectives() {}

  static void register() {
    DirectiveRegistry.register(DirectiveSpec.of("glossary", Argument.NONE, Body.RAW,
        Map.of("sorted", OptionType.FLAG), BackMatterDirectives::glossary));
    DirectiveRegistry.register(DirectiveSpec.of("bibliography", Argument.OPTIONAL, Body.NONE,
        Map.of("all", OptionType.FLAG, "filter", OptionType.STRING, "style", OptionType.STRING,
            "labelprefix", OptionType.STRING, "keyprefix", OptionType.STRING), (d, ctx) -> {
          Attr a = d.attr("bibliography");
          if (d.flag("all") || "*".equals(d.option("filter", "").trim())) a = a.with("all", "true");
          return List.of(new Block.Div(d.pos(), a, List.of(), List.of()));
        }));
    DirectiveRegistry.register(DirectiveSpec.of("index", Argument.OPTIONAL, Body.RAW, Map.of(), (d, ctx) -> {
      StringBuilder entries = new StringBuilder(d.argument().trim());
      for (String line : d.body().split("\n")) {
        if (line.isBlank()) continue;
        if (entries.length() > 0) entries.append('\n');
        entries.append(line.trim());
      }
      if (entries.length() == 0) {
        ctx.diags().warn("index-entry", d.pos(), "index directive without entries");
        ctx.omit(d);
        return List.of();
      }
      return List.of(new Block.Div(d.pos(), d.attr("index").with("entries", entries.toString()), List.of(), List.of()));
    }));
  }

  /** One glossary entry being read: its term lines and the definition lines below them. */
  private static final class Entry {
    final List<String> terms = new ArrayList<>();
    final List<SourcePos> termPos = new ArrayList<>();
    final StringBuilder definition = new StringBuilder();
    SourcePos defPos;
  }

  private static List<Block> glossary(Directive d, DirectiveContext ctx) {
    String[] lines = d.body().split("\n", -1);
    int margin = Integer.MAX_VALUE;
    for (String l : lines) if (!l.isBlank()) margin = Math.min(margin, l.length() - l.stripLeading().length());
    List<Entry> entries = new ArrayList<>();
    Entry cur = null;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      SourcePos p = d.bodyPos().plusLines(i);
      if (l.isBlank()) {
        if (cur != null && cur.definition.length() > 0) cur.definition.append('\n');
        continue;
      }
      String t = l.substring(Math.min(margin, l.length()));
      boolean indented = t.startsWith(" ") || t.startsWith("\t");
      boolean colon = t.startsWith(": ") || t.equals(":");
      if (indented || colon) {
        if (cur == null) {
          ctx.diags().warn("glossary-entry", p, "glossary definition without a term line before it");
          cur = new Entry();
          entries.add(cur);
        }
        if (cur.defPos == null) cur.defPos = p;
        cur.definition.append(colon ? t.substring(1).trim() : t.trim()).append('\n');
      } else {
        if (cur == null || cur.definition.length() > 0) {
          cur = new Entry();
          entries.add(cur);
        }
        cur.terms.add(t.trim());
        cur.termPos.add(p);
      }
    }
    if (d.flag("sorted")) entries.sort(Comparator.comparing(e -> e.terms.isEmpty() ? "" : e.terms.get(0).toLowerCase()));
    List<Block> out = new ArrayList<>();
    for (Entry e : entries) {
      List<Block> def = e.definition.toString().isBlank() ? List.of() : ctx.blocks(e.definition.toString().strip(), e.defPos);
      if (def.isEmpty() && !e.terms.isEmpty()) {
        ctx.diags().warn("glossary-entry", e.termPos.get(0), "glossary term '" + e.terms.get(0) + "' has no definition");
      }
      if (e.terms.isEmpty()) {
        out.add(new Block.Div(e.defPos, Attr.classes("glossary-term"), List.of(), def));
        continue;
      }
      for (int i = 0; i < e.terms.size(); i++) {
        String term = e.terms.get(i);
        List<Inline> title = ctx.inlines(term, e.termPos.get(i));
        Attr a = new Attr(termId(org.bookbuild.model.Walk.text(title)), List.of("glossary-term"), Map.of());
        out.add(new Block.Div(e.termPos.get(i), a, title, i == e.terms.size() - 1 ? def : List.of()));
      }
    }
    return List.of(new Block.Div(d.pos(), d.attr("glossary"), List.of(), out));
  }

  /** The id {@code {term}} references look for (the same rule as the transform's GlossaryTerms.id). */
  static String termId(String term) {
    return "term-" + ProjectLoader.slug(term);
  }
}
