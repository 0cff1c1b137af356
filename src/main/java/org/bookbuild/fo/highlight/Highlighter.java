package org.bookbuild.fo.highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rsyntaxtextarea.modes.*;

/**
 * Splits source code into lines of coloured {@link Token}s for printing. The lexers are RSyntaxTextArea's token makers,
 * used without any user interface; R, which that library does not know, has a small lexer of our own
 * ({@link RLexer}). The token kinds map onto a handful of style roles ({@code code.keyword}, {@code code.string},
 * {@code code.comment}, {@code code.number}, {@code code.function}, {@code code.type}, {@code code.constant},
 * {@code code.variable}, {@code code.annotation}), so a style decides the look for every language at once.
 */
public final class Highlighter {
  private static final Map<String, Supplier<TokenMaker>> MAKERS = Map.ofEntries(
      Map.entry("python", PythonTokenMaker::new),
      Map.entry("java", JavaTokenMaker::new),
      Map.entry("javascript", JavaScriptTokenMaker::new),
      Map.entry("typescript", TypeScriptTokenMaker::new),
      Map.entry("sql", SQLTokenMaker::new),
      Map.entry("bash", UnixShellTokenMaker::new),
      Map.entry("json", JsonTokenMaker::new),
      Map.entry("yaml", YamlTokenMaker::new),
      Map.entry("latex", LatexTokenMaker::new),
      Map.entry("c", CTokenMaker::new),
      Map.entry("cpp", CPlusPlusTokenMaker::new),
      Map.entry("csharp", CSharpTokenMaker::new),
      Map.entry("go", GoTokenMaker::new),
      Map.entry("rust", RustTokenMaker::new),
      Map.entry("kotlin", KotlinTokenMaker::new),
      Map.entry("scala", ScalaTokenMaker::new),
      Map.entry("ruby", RubyTokenMaker::new),
      Map.entry("perl", PerlTokenMaker::new),
      Map.entry("php", PHPTokenMaker::new),
      Map.entry("lua", LuaTokenMaker::new),
      Map.entry("xml", XMLTokenMaker::new),
      Map.entry("html", HTMLTokenMaker::new),
      Map.entry("css", CSSTokenMaker::new),
      Map.entry("makefile", MakefileTokenMaker::new),
      Map.entry("dockerfile", DockerTokenMaker::new),
      Map.entry("ini", IniTokenMaker::new),
      Map.entry("markdown", MarkdownTokenMaker::new),
      Map.entry("fortran", FortranTokenMaker::new),
      Map.entry("groovy", GroovyTokenMaker::new),
      Map.entry("clojure", ClojureTokenMaker::new),
      Map.entry("lisp", LispTokenMaker::new),
      Map.entry("batch", WindowsBatchTokenMaker::new));

  /** Names people write after the fence, mapped to the lexer names above. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("py", "python"), Map.entry("python3", "python"), Map.entry("ipython", "python"),
      Map.entry("ipython3", "python"), Map.entry("pycon", "python"), Map.entry("js", "javascript"),
      Map.entry("node", "javascript"), Map.entry("ts", "typescript"), Map.entry("sh", "bash"),
      Map.entry("shell", "bash"), Map.entry("zsh", "bash"), Map.entry("console", "bash"),
      Map.entry("shell-session", "bash"), Map.entry("yml", "yaml"), Map.entry("tex", "latex"),
      Map.entry("c++", "cpp"), Map.entry("cs", "csharp"), Map.entry("c#", "csharp"), Map.entry("golang", "go"),
      Map.entry("rs", "rust"), Map.entry("kt", "kotlin"), Map.entry("rb", "ruby"), Map.entry("htm", "html"),
      Map.entry("make", "makefile"), Map.entry("docker", "dockerfile"), Map.entry("toml", "ini"),
      Map.entry("md", "markdown"), Map.entry("myst", "markdown"), Map.entry("bat", "batch"),
      Map.entry("postgresql", "sql"), Map.entry("mysql", "sql"), Map.entry("sqlite", "sql"),
      Map.entry("jsonc", "json"), Map.entry("svg", "xml"), Map.entry("rlang", "r"), Map.entry("splus", "r"));

  private Highlighter() {}

  /** The canonical language name for what follows a code fence, or empty when nothing highlights it. */
  public static Optional<String> language(String info) {
    if (info == null) return Optional.empty();
    String l = info.trim().toLowerCase(Locale.ROOT);
    if (l.startsWith("{") && l.endsWith("}")) l = l.substring(1, l.length() - 1);
    l = ALIASES.getOrDefault(l, l);
    return MAKERS.containsKey(l) || l.equals("r") ? Optional.of(l) : Optional.empty();
  }

  /**
   * The code as lines of tokens. Unknown languages give one plain token per line, so callers need no second path.
   * State that runs across lines (block comments, triple-quoted strings) is carried from each line to the next.
   */
  public static List<List<Token>> lines(String languageInfo, String code) {
    String[] src = code.split("\n", -1);
    Optional<String> lang = language(languageInfo);
    if (lang.isPresent() && lang.get().equals("r")) return RLexer.lines(src);
    List<List<Token>> out = new ArrayList<>();
    if (lang.isEmpty()) {
      for (String line : src) out.add(line.isEmpty() ? List.of() : List.of(new Token(null, line)));
      return out;
    }
    TokenMaker tm = MAKERS.get(lang.get()).get();
    int state = TokenTypes.NULL;
    boolean yaml = lang.get().equals("yaml");
    for (String line : src) {
      Segment seg = new Segment(line.toCharArray(), 0, line.length());
      List<Token> toks = new ArrayList<>();
      org.fife.ui.rsyntaxtextarea.Token t = tm.getTokenList(seg, state, 0);
      for (; t != null && t.isPaintable(); t = t.getNextToken()) add(toks, role(t.getType()), t.getLexeme());
      if (yaml) yamlKeys(toks);
      out.add(toks);
      state = tm.getLastTokenTypeOnLine(seg, state);
    }
    return out;
  }

  /** Appends a token, merging it with the previous one when both print the same way (fewer FO inlines). */
  static void add(List<Token> toks, String role, String text) {
    if (text.isEmpty()) return;
    if (!toks.isEmpty()) {
      Token last = toks.get(toks.size() - 1);
      if (java.util.Objects.equals(last.role(), role)) {
        toks.set(toks.size() - 1, new Token(role, last.text() + text));
        return;
      }
    }
    toks.add(new Token(role, text));
  }

  /** RSyntaxTextArea leaves YAML keys plain; a plain word before the first ':' of a line is a key. */
  private static void yamlKeys(List<Token> toks) {
    if (toks.isEmpty() || toks.get(0).role() != null) return;
    String t = toks.get(0).text();
    int colon = t.indexOf(':');
    if (colon <= 0 || t.substring(0, colon).isBlank()) return;
    int start = t.length() - t.stripLeading().length();
    int keyStart = t.startsWith("- ", start) ? start + 2 : start;
    List<Token> head = new ArrayList<>();
    if (keyStart > 0) head.add(new Token(null, t.substring(0, keyStart)));
    head.add(new Token("code.variable", t.substring(keyStart, colon)));
    head.add(new Token(null, t.substring(colon)));
    toks.remove(0);
    toks.addAll(0, head);
  }

  private static String role(int type) {
    return switch (type) {
      case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
          TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "code.comment";
      case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2, TokenTypes.PREPROCESSOR,
          TokenTypes.MARKUP_TAG_NAME -> "code.keyword";
      case TokenTypes.FUNCTION -> "code.function";
      case TokenTypes.LITERAL_BOOLEAN -> "code.constant";
      case TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
          TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "code.number";
      case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
          TokenTypes.REGEX, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, TokenTypes.MARKUP_CDATA -> "code.string";
      case TokenTypes.DATA_TYPE -> "code.type";
      case TokenTypes.VARIABLE, TokenTypes.MARKUP_TAG_ATTRIBUTE -> "code.variable";
      case TokenTypes.ANNOTATION, TokenTypes.MARKUP_PROCESSING_INSTRUCTION, TokenTypes.MARKUP_DTD -> "code.annotation";
      default -> null;
    };
  }
}
