package org.bookbuild.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark extension for TeX math: {@code $…$} and {@code $$…$$} inside paragraphs, and {@code $$ … $$ (label)} blocks
 * on their own lines. flexmark has no math support; without this, {@code $a*b$ and $c*d$} would become emphasis.
 *
 * <p>Inline rule (Pandoc's, made stricter for prices, with Jupyter's spaced form): either the opening {@code $} is not
 * followed by white space ({@code $x$}, also {@code $\lbrace x\rbrace $} with a space before the closing one, as MyST
 * takes it), or both are ({@code $ x = 1 $},
 * as Jupyter and MyST take it); the closing {@code $} is not followed by a digit (nor, in the spaced form, by spaces and
 * a digit); no other {@code $} comes between them; spaced content that begins with an amount and a word
 * ({@code $ 100 million and $}) is prose. So {@code costs $5 and $10}, {@code $5–$10} and {@code $ 5 and $ 10} stay
 * text while {@code $x$} in the same line is math. {@code \$} is a dollar sign (CommonMark's escape). The other delimiters ({@code \(…\)}, {@code \[…\]}, bare {@code \begin{align}}
 * blocks) are in {@link MathDelimiters}.
 */
final class MathExtension implements Parser.ParserExtension {
  static MathExtension create() {
    return new MathExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new InlineFactory());
    builder.customInlineParserExtensionFactory(new MathDelimiters.BackslashFactory());
    builder.customBlockParserFactory(new BlockFactory());
    builder.customBlockParserFactory(new MathDelimiters.EnvironmentFactory());
  }

  /** Finds the end of inline math starting at {@code open} (index of the first {@code $}); -1 if none. */
  static int closingDollar(CharSequence s, int contentStart, boolean dbl) {
    boolean spaced = !dbl && contentStart < s.length() && Character.isWhitespace(s.charAt(contentStart));
    int i = contentStart;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '$') {
        if (dbl) {
          if (i + 1 < s.length() && s.charAt(i + 1) == '$') return i;
        } else {
          boolean afterSpace = Character.isWhitespace(s.charAt(i - 1));
          boolean beforeDigit = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
          if (spaced) {
            // "$ x = 1 $": spaces on both sides, as Jupyter and MyST take it; "$ 5 and $ 10" stays text
            if (afterSpace && !beforeDigit && !digitAfterSpaces(s, i + 1) && i > contentStart + 1
                && !priceWords(s.subSequence(contentStart, i).toString())) return i;
          } else if (!beforeDigit && i > contentStart && (!afterSpace
              || !digitAfterSpaces(s, i + 1) && !Character.isDigit(s.charAt(contentStart)))) {
            // "$\lbrace x\rbrace $": MyST closes after a space too (refusing it made the next "$ … $" of prose math in a
            // real book), unless the content opens with a digit: "$5 and $x$" is a price, then math
            return i;
          }
          // Math never holds a bare '$': a '$' that cannot close means the opening one was a price ("$5 and $10").
          return -1;
        }
      }
      i++;
    }
    return -1;
  }

  /** Whether spaces and then a digit follow {@code i} ("$ 5 and $ 10": the second dollar opens a price). */
  private static boolean digitAfterSpaces(CharSequence s, int i) {
    int j = i;
    while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
    return j > i && j < s.length() && Character.isDigit(s.charAt(j));
  }

  private static final Pattern PRICE_WORDS = Pattern.compile("^\\s*\\d[\\d.,]*\\s+[A-Za-z]{2,}.*", Pattern.DOTALL);

  /** Spaced content that begins with an amount and a word ("$ 100 million, and $"): prose between two dollars. */
  private static boolean priceWords(String content) {
    return PRICE_WORDS.matcher(content).matches();
  }

  static final class InlineFactory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser p) {
      return new InlineExt();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  static final class InlineExt implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser p) {}

    @Override
    public void finalizeBlock(InlineParser p) {}

    @Override
    public boolean parse(LightInlineParser p) {
      BasedSequence in = p.getInput();
      int start = p.getIndex();
      boolean dbl = start + 1 < in.length() && in.charAt(start + 1) == '$';
      int contentStart = start + (dbl ? 2 : 1);
      if (contentStart >= in.length()) return false;
      int end = closingDollar(in, contentStart, dbl);
      if (end < 0) return false;
      String tex = in.subSequence(contentStart, end).toString().trim();
      if (tex.isEmpty()) return false;
      int after = end + (dbl ? 2 : 1);
      p.flushTextNode();
      p.getBlock().appendChild(new MathNodes.InlineMath(in.subSequence(start, after), tex, dbl));
      p.setIndex(after);
      return true;
    }
  }

  private static final Pattern LABEL_AFTER = Pattern.compile("\\$\\$\\s*(?:\\(([^()\\s]+)\\))?\\s*$");

  /** Parser for a {@code $$} block: content lines until a line ending in {@code $$}, optionally followed by (label). */
  static final class DisplayParser extends AbstractBlockParser {
    private final MathNodes.DisplayMath block = new MathNodes.DisplayMath();
    private final StringBuilder tex = new StringBuilder();
    private boolean closed;

    DisplayParser(BasedSequence firstLine) {
      String rest = firstLine.toString().trim().substring(2);
      takeLine(rest);
    }

    /** Adds a content line; returns true if it closed the block. */
    private boolean takeLine(String line) {
      Matcher m = LABEL_AFTER.matcher(line);
      if (m.find()) {
        tex.append(line, 0, m.start()).append('\n');
        if (m.group(1) != null) block.label = m.group(1);
        closed = true;
        return true;
      }
      tex.append(line).append('\n');
      return false;
    }

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      if (closed) return BlockContinue.none();
      BasedSequence line = state.getLine();
      // from the index on: inside a block quote the line's "> " is the quote's, not the formula's
      takeLine(line.subSequence(Math.min(state.getIndex(), line.length())).toString().replaceAll("[\r\n]+$", ""));
      block.endOffset = line.getEndOffset();
      return closed ? BlockContinue.finished() : BlockContinue.atIndex(state.getLineEndIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {}

    @Override
    public void closeBlock(ParserState state) {
      block.tex = tex.toString().trim();
    }
  }

  static final class BlockFactory implements CustomBlockParserFactory {
    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new AbstractBlockParserFactory(options) {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
          if (state.getIndent() >= 4) return BlockStart.none();
          BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex());
          if (!line.startsWith("$$")) return BlockStart.none();
          // "$$a$$ and the sentence goes on": not a block but a display inside a paragraph
          String first = line.trimEOL().toString();
          int close = first.indexOf("$$", 2);
          if (close >= 0 && !LABEL_AFTER.matcher(first.substring(close)).matches()) return BlockStart.none();
          DisplayParser parser = new DisplayParser(line.trimEOL());
          parser.block.setChars(state.getLine());
          return BlockStart.of(parser).atIndex(state.getLineEndIndex());
        }
      };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }
}
