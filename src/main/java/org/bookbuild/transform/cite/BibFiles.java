package org.bookbuild.transform.cite;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookbuild.diag.Diagnostics;
import org.bookbuild.diag.SourcePos;
import org.bookbuild.io.World;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.Value;

/**
 * Reads the BibTeX files a project names, with jbibtex. Each broken entry becomes a {@code bib-parse} diagnostic at
 * the line where it starts, and every entry that parsed is kept.
 */
public final class BibFiles {
  private static final Pattern ENTRY_START = Pattern.compile("(?m)^\\s*@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s]*)");
  private static final Pattern AT_LINE = Pattern.compile("line (\\d+), column (\\d+)");

  private BibFiles() {}

  /** All entries of all files by key (the first file naming a key wins; later duplicates are reported). */
  public static Map<String, BibEntry> load(List<String> files, World world, Diagnostics diags) {
    Map<String, BibEntry> out = new LinkedHashMap<>();
    for (String file : files) {
      String text;
      try {
        text = new String(world.read(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        diags.error("bib-missing", SourcePos.of("book.yml", 1, 1), "cannot read bibliography file " + file + ": " + e.getMessage());
        continue;
      }
      readKept(file, text, diags).forEach((k, v) -> {
        BibEntry old = out.putIfAbsent(k, v);
        if (old != null) diags.warn("bib-duplicate", v.pos(), "BibTeX key '" + k + "' is already defined at " + old.pos() + "; that one is used");
      });
    }
    return out;
  }

  /** A file's entries and what reading it reported. */
  private record Read(Map<String, BibEntry> entries, List<org.bookbuild.diag.Diagnostic> said) {}

  /**
   * The last files read, by name and text: {@code book watch} builds the book again for every edit, and parsing a
   * bibliography of a few hundred entries again each time was a tenth of the transform stage.
   */
  private static final Map<String, Read> KEPT = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
          return size() > 8;
        }
      });

  /** {@link #read}, answered from the files last read when the same file has the same text. */
  private static Map<String, BibEntry> readKept(String file, String text, Diagnostics diags) {
    String key = file + "\0" + text;
    Read r = KEPT.get(key);
    if (r == null) {
      Diagnostics local = new Diagnostics();
      r = new Read(java.util.Collections.unmodifiableMap(read(file, text, local)), local.all());
      if (local.failures().isEmpty()) KEPT.put(key, r);
    }
    for (org.bookbuild.diag.Diagnostic d : r.said()) diags.report(d);
    return r.entries();
  }

  /**
   * Parses one file's text; positions are reported in {@code file}. Each entry (a chunk from one line starting with
   * {@code @} to the next) is parsed on its own, so that an unclosed brace breaks only its own entry; {@code @string}
   * macros carry forward to the chunks after them.
   */
  static Map<String, BibEntry> read(String file, String text, Diagnostics diags) {
    String[] ls = text.split("\n", -1);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < ls.length; i++) if (ls[i].stripLeading().startsWith("@")) starts.add(i);
    List<BibTeXString> macros = new ArrayList<>();
    Map<String, BibEntry> out = new LinkedHashMap<>();
    for (int c = 0; c < starts.size(); c++) {
      int from = starts.get(c);
      int to = c + 1 < starts.size() ? starts.get(c + 1) : ls.length;
      String chunk = String.join("\n", java.util.Arrays.asList(ls).subList(from, to));
      BibTeXDatabase db;
      try {
        BibTeXParser parser = lenientParser();
        for (BibTeXString m : macros) parser.addMacro(m);
        db = parser.parse(new StringReader(chunk));
      } catch (ParseException | ObjectResolutionException | org.jbibtex.TokenMgrException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = from + 1;
        if (e instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) line = from + pe.currentToken.next.beginLine;
        else if (AT_LINE.matcher(msg).find()) {
          Matcher at = AT_LINE.matcher(msg);
          at.find();
          line = from + Integer.parseInt(at.group(1));
        }
        diags.warn("bib-parse", SourcePos.of(file, from + 1, 1), "broken BibTeX entry" + entryName(ls[from])
            + " (parser stopped at line " + line + ": " + firstLine(msg) + "); it is left out");
        continue;
      }
      macros.addAll(db.getStrings().values());
      for (Map.Entry<Key, BibTeXEntry> e : db.getEntries().entrySet()) {
        String key = e.getKey().getValue();
        out.put(key, entry(key, e.getValue(), SourcePos.of(file, from + 1, 1)));
      }
    }
    return out;
  }

  private static BibTeXParser lenientParser() throws ParseException {
    return new BibTeXParser() {
      @Override
      public void checkStringResolution(Key key, BibTeXString string) {
        // an undefined @string macro leaves the field empty instead of losing the entry
      }

      @Override
      public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
        // a crossref to a missing entry only loses the inherited fields
      }
    };
  }

  private static BibEntry entry(String key, BibTeXEntry be, SourcePos pos) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<Key, Value> f : be.getFields().entrySet()) {
      String raw;
      try {
        raw = f.getValue().toUserString();
      } catch (RuntimeException ex) {
        continue; // a reference to a macro nobody defined
      }
      String name = f.getKey().getValue().toLowerCase(Locale.ROOT);
      fields.put(name, name.equals("author") || name.equals("editor") ? names(raw) : latexToText(raw));
    }
    return new BibEntry(key, be.getType().getValue().toLowerCase(Locale.ROOT), fields, pos);
  }

  /**
   * A name list with accents converted per name, written back in the unambiguous "Family, Given and …" form so that
   * a braced corporate name ({@code {World Bank}}) stays one family name after its braces are gone.
   */
  static String names(String raw) {
    StringBuilder sb = new StringBuilder();
    for (Names.Name n : Names.parse(raw)) {
      if (sb.length() > 0) sb.append(" and ");
      if (n.others()) sb.append("others");
      else if (n.given().isEmpty()) sb.append('{').append(latexToText(n.family())).append('}');
      else sb.append(latexToText(n.family())).append(", ").append(latexToText(n.given()));
    }
    return sb.toString();
  }

  /** LaTeX accents and commands as Unicode text; math between dollars is kept as written for the formatter. */
  static String latexToText(String raw) {
    StringBuilder out = new StringBuilder();
    String[] parts = raw.split("(?<!\\\\)\\$", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1 && i < parts.length - 1) {
        out.append('$').append(parts[i]).append('$');
        continue;
      }
      String p = parts[i];
      try {
        out.append(new LaTeXPrinter().print(new LaTeXParser().parse(p)));
      } catch (ParseException | RuntimeException e) {
        out.append(p.replace("{", "").replace("}", ""));
      }
    }
    return out.toString().replaceAll("\\s+", " ").trim();
  }

  private static String entryName(String line) {
    Matcher m = ENTRY_START.matcher(line);
    return m.find() && !m.group(2).isEmpty() ? " '" + m.group(2) + "'" : "";
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
