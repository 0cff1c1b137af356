package org.bookbuild.parse;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark extension for MyST block syntax: fenced directives in both forms ({@code ```{name}} and {@code :::{name}},
 * any fence length), explicit targets {@code (label)=}, {@code %} comment lines and {@code +++} block breaks.
 *
 * <p>A directive is a leaf block that keeps its body lines raw; the converter parses the body again as Markdown when
 * the directive's spec asks for it. That keeps raw bodies (code, math, CSV) untouched and avoids flexmark's trouble
 * with closing a container while a child paragraph is still open. A directive closes at a fence line of its own
 * character at least as long as its opening. In a backtick or tilde directive, fences opened inside the body (nested
 * directives, code blocks) are tracked so that their closing lines do not close the outer directive early; a colon
 * directive closes at its first bare colon fence at least as long as its opening, whatever colon directives its body
 * opened, as mystmd reads it (code fences in its body still keep their lines raw).
 */
final class MystExtension implements Parser.ParserExtension {
  static final Pattern OPEN = Pattern.compile("^(`{3,}|:{3,}|~{3,})\\{([A-Za-z0-9_:+.\\-]+)\\}(.*)$");
  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,}|:{3,})(.*)$");
  private static final Pattern TARGET = Pattern.compile("^\\(([^()\\s][^()]*?)\\)=\\s*$");
  /** A bare colon fence where no directive is open. */
  private static final Pattern STRAY = Pattern.compile("^:{3,}\\s*$");
  private static final Pattern BREAK = Pattern.compile("^\\+\\+\\+(\\s.*)?$");

  static MystExtension create() {
    return new MystExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new Factory());
  }

  /** An open fence inside a directive body: its character, length, and whether it is a code fence (raw inside). */
  private record Open(char ch, int len, boolean code) {}

  static final class DirectiveParser extends AbstractBlockParser {
    private final MystNodes.Directive node;
    private final char ch;
    private final int len;
    private final Deque<Open> inner = new ArrayDeque<>();
    private final int bodyStart;

    DirectiveParser(MystNodes.Directive node, char ch, int len, int bodyStart) {
      this.node = node;
      this.bodyStart = bodyStart;
      this.ch = ch;
      this.len = len;
    }

    @Override
    public Block getBlock() {
      return node;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      if (node.closed) return BlockContinue.none();
      String rest = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL().toString();
      if (state.getIndent() < 4 && closes(rest.stripTrailing())) {
        node.closed = true;
        node.closeOffset = state.getLine().getStartOffset() + state.getNextNonSpaceIndex();
        return BlockContinue.finished();
      }
      return BlockContinue.atIndex(state.getIndex());
    }

    /** Tracks fences opened and closed in the body; true when the line closes this directive. */
    private boolean closes(String s) {
      Matcher m = FENCE.matcher(s);
      if (!m.matches()) return false;
      char c = s.charAt(0);
      int n = m.group(1).length();
      boolean bare = m.group(2).isBlank();
      Open top = inner.peek();
      if (top != null && top.code()) {
        if (bare && c == top.ch() && n >= top.len()) inner.pop();
        return false;
      }
      if (ch == ':' && c == ':') {
        // mystmd (markdown-it's colon fence): the first bare colon fence at least as long closes the directive;
        // colon directives opened inside its body do not nest (a longer outer fence is how authors nest them), so
        // `:::{card}` holding `:::{figure}` closes at the first `:::`, and the figure runs to the end of the card
        return bare && n >= len;
      }
      if (bare) {
        if (top != null && c == top.ch() && n >= top.len()) {
          inner.pop();
          return false;
        }
        if (top == null && c == ch && n >= len) return true;
        if (c == ':') return false;
        inner.push(new Open(c, n, true));
        return false;
      }
      if (c == ':') {
        if (m.group(2).startsWith("{")) inner.push(new Open(c, n, false));
        return false;
      }
      inner.push(new Open(c, n, !m.group(2).startsWith("{")));
      return false;
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
      // flexmark hands over the rest of the opening line too; it is the argument, not body
      if (line.getStartOffset() <= bodyStart) return;
      node.lines.add(new MystNodes.Line(line.trimEOL().toString(), line.getStartOffset()));
    }

    @Override
    public void closeBlock(ParserState state) {}
  }

  /** A block of one line that ends at once (targets, comments, block breaks). */
  static final class OneLineParser extends AbstractBlockParser {
    private final Block node;

    OneLineParser(Block node) {
      this.node = node;
    }

    @Override
    public Block getBlock() {
      return node;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {}
  }

  static final class Factory implements CustomBlockParserFactory {
    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new AbstractBlockParserFactory(options) {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
          if (state.getIndent() >= 4) return BlockStart.none();
          BasedSequence full = state.getLine();
          int start = state.getNextNonSpaceIndex();
          BasedSequence line = full.subSequence(start).trimEOL();
          String s = line.toString();
          if (s.isEmpty()) return BlockStart.none();
          char c = s.charAt(0);
          if (c == ':' && STRAY.matcher(s).matches()) {
            return BlockStart.of(new OneLineParser(new MystNodes.StrayFence(line))).atIndex(full.length());
          }
          if (c == '`' || c == ':' || c == '~') {
            Matcher m = OPEN.matcher(s);
            if (!m.matches()) return BlockStart.none();
            String fence = m.group(1);
            String arg = m.group(3);
            int argOffset = line.getStartOffset() + m.start(3) + (arg.length() - arg.stripLeading().length());
            MystNodes.Directive node = new MystNodes.Directive(m.group(2), arg.strip(), argOffset);
            node.setChars(line);
            return BlockStart.of(new DirectiveParser(node, fence.charAt(0), fence.length(),
                full.getEndOffset())).atIndex(full.length());
          }
          if (c == '(') {
            Matcher m = TARGET.matcher(s);
            if (!m.matches()) return BlockStart.none();
            return BlockStart.of(new OneLineParser(new MystNodes.Target(line, m.group(1).strip()))).atIndex(full.length());
          }
          if (c == '%' || (c == '+' && BREAK.matcher(s).matches())) {
            return BlockStart.of(new OneLineParser(new MystNodes.Silent(line))).atIndex(full.length());
          }
          return BlockStart.none();
        }
      };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return Set.of(FencedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }
}
