package org.bookbuild.parse.directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bookbuild.model.Block;
import org.bookbuild.parse.directive.DirectiveSpec.Argument;
import org.bookbuild.parse.directive.DirectiveSpec.Body;
import org.bookbuild.parse.directive.DirectiveSpec.OptionType;

/**
 * {@code include} (a Markdown file parsed in place, positions in that file) and {@code literalinclude} (a file
 * printed as code). Files are read through the project's World, relative to the including file: anything outside
 * the project is refused with {@code path-outside-project}. Both take {@code :start-line:}, {@code :end-line:},
 * {@code :start-after:}, {@code :end-before:}; literalinclude also {@code :lines:} and the code-block options.
 */
final class Includes {
  private Includes() {}

  static void register() {
    Map<String, OptionType> common = Map.of("start-line", OptionType.INT, "end-line", OptionType.INT,
        "start-after", OptionType.STRING, "end-before", OptionType.STRING, "lines", OptionType.STRING,
        "literal", OptionType.FLAG, "heading-offset", OptionType.INT, "parser", OptionType.STRING);
    DirectiveRegistry.register(DirectiveSpec.of("include", Argument.REQUIRED, Body.NONE, common, (d, ctx) -> {
      var f = ctx.read(d.argument(), d.argPos());
      if (f.isEmpty()) return List.of(problem(d));
      String text = select(f.get().text(), d, ctx);
      if (d.flag("literal")) return List.of(Code.codeBlock(d, "", text, ""));
      return ctx.parseFile(new DirectiveContext.Included(f.get().path(), text));
    }));
    Map<String, OptionType> lit = new java.util.HashMap<>(common);
    lit.putAll(Code.OPTIONS);
    lit.put("language", OptionType.STRING);
    lit.put("lang", OptionType.STRING);
    lit.put("lineno-match", OptionType.FLAG);
    lit.put("prepend", OptionType.STRING);
    lit.put("append", OptionType.STRING);
    lit.put("pyobject", OptionType.STRING);
    DirectiveRegistry.register(DirectiveSpec.of("literalinclude", Argument.REQUIRED, Body.NONE, lit, (d, ctx) -> {
      var f = ctx.read(d.argument(), d.argPos());
      if (f.isEmpty()) return List.of(problem(d));
      String whole = f.get().text();
      String object = d.option("pyobject");
      if (object != null && !object.isBlank()) {
        String found = pyobject(whole, object.strip());
        if (found == null) {
          ctx.diags().warn("directive-option", d.pos(), ":pyobject: names no class or function '" + object.strip()
              + "' in " + d.argument().strip() + "; the whole file is printed");
        } else {
          whole = found;
        }
      }
      String text = select(whole, d, ctx);
      String lang = d.option("language", d.option("lang", guess(f.get().path())));
      return List.of(Code.codeBlock(d, lang, text, ""));
    }));
  }

  private static Block problem(Directive d) {
    return new Block.Problem(d.pos(), "{" + d.name() + "} could not include " + d.argument(), d.argument());
  }

  /** Cuts the text by the selection options, in Sphinx's order: lines, then start/end markers. */
  static String select(String text, Directive d, DirectiveContext ctx) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    String sel = d.option("lines");
    if (sel != null && !sel.isBlank()) {
      List<String> picked = new ArrayList<>();
      for (String part : sel.split(",")) {
        String p = part.trim();
        try {
          if (p.contains("-")) {
            String[] ab = p.split("-", 2);
            int a = ab[0].isBlank() ? 1 : Integer.parseInt(ab[0].trim());
            int b = ab[1].isBlank() ? lines.size() : Integer.parseInt(ab[1].trim());
            for (int i = a; i <= b && i <= lines.size(); i++) picked.add(lines.get(i - 1));
          } else if (!p.isEmpty()) {
            int i = Integer.parseInt(p);
            if (i >= 1 && i <= lines.size()) picked.add(lines.get(i - 1));
          }
        } catch (NumberFormatException e) {
          ctx.diags().warn("directive-option", d.pos(), ":lines: '" + sel + "' is not a list of line numbers");
          picked = lines;
          break;
        }
      }
      lines = picked;
    }
    int from = intOpt(d, "start-line", 0);
    int to = intOpt(d, "end-line", lines.size());
    lines = new ArrayList<>(lines.subList(Math.min(from, lines.size()), Math.max(Math.min(to, lines.size()),
        Math.min(from, lines.size()))));
    String after = d.option("start-after");
    if (after != null && !after.isEmpty()) {
      for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(after)) {
        lines = new ArrayList<>(lines.subList(i + 1, lines.size()));
        break;
      }
    }
    String before = d.option("end-before");
    if (before != null && !before.isEmpty()) {
      for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(before)) {
        lines = new ArrayList<>(lines.subList(0, i));
        break;
      }
    }
    String pre = d.option("prepend");
    String app = d.option("append");
    if (pre != null) lines.add(0, pre);
    if (app != null) lines.add(app);
    return String.join("\n", lines);
  }

  /**
   * Sphinx's {@code :pyobject: Class.method}: the lines of that Python class or function, its decorators included,
   * found by indentation (each dotted part inside the one before; the first at the top level when there is one), or
   * null when the file has none.
   */
  static String pyobject(String text, String dotted) {
    List<String> lines = List.of(text.split("\n", -1));
    int from = 0;
    int to = lines.size();
    int indent = -1;
    int start = -1;
    String[] parts = dotted.split("\\.");
    for (int k = 0; k < parts.length; k++) {
      java.util.regex.Pattern def = java.util.regex.Pattern.compile(
          "^(\\s*)(?:async\\s+)?(?:def|class)\\s+" + java.util.regex.Pattern.quote(parts[k]) + "\\b");
      int found = -1;
      int foundIndent = -1;
      for (int i = from; i < to; i++) {
        java.util.regex.Matcher m = def.matcher(lines.get(i));
        if (!m.find() || m.group(1).length() <= indent) continue;
        if (found < 0 || (k == 0 && foundIndent > 0 && m.group(1).length() == 0)) {
          found = i;
          foundIndent = m.group(1).length();
          if (k > 0 || foundIndent == 0) break;
        }
      }
      if (found < 0) return null;
      start = found;
      indent = foundIndent;
      int end = start + 1;
      while (end < to) {
        String l = lines.get(end);
        String t = l.stripLeading();
        int in = l.length() - t.length();
        // blank lines, the body, and a multi-line signature's closing bracket at the def's own indent
        if (t.isEmpty() || in > indent || (in == indent && (t.startsWith(")") || t.startsWith("]")))) end++;
        else break;
      }
      from = start + 1;
      to = end;
    }
    while (to > start + 1 && lines.get(to - 1).isBlank()) to--;
    int first = start;
    while (first > 0 && lines.get(first - 1).stripLeading().startsWith("@")
        && lines.get(first - 1).length() - lines.get(first - 1).stripLeading().length() == indent) {
      first--;
    }
    return String.join("\n", lines.subList(first, to));
  }

  private static int intOpt(Directive d, String key, int dflt) {
    String v = d.option(key);
    return v != null && v.trim().matches("\\d+") ? Integer.parseInt(v.trim()) : dflt;
  }

  private static String guess(String path) {
    String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1).toLowerCase() : "";
    return switch (ext) {
      case "py" -> "python";
      case "js" -> "javascript";
      case "sh" -> "bash";
      case "yml" -> "yaml";
      case "tex" -> "latex";
      case "md" -> "markdown";
      default -> ext;
    };
  }
}
