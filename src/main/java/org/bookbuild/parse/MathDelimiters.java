package org.bookbuild.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
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
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LaTeX math delimiters besides dollars: {@code \(…\)} inline (also doubled, {@code \\(…\\)}, as notebook authors
 * write it for MathJax), {@code \[…\]} (inline within a paragraph, or a block
 * on its own lines), and bare {@code \begin{equation|align|gather|multline|flalign|eqnarray|alignat}[*] … \end{…}} blocks,
 * which MyST accepts without {@code $$}. The backslash forms must be caught before CommonMark's escape rule turns
 * {@code \(} into a plain parenthesis.
 */
final class MathDelimiters {
  private MathDelimiters() {}

  /** Inline {@code \(…\)} and {@code \[…\]}. */
  static final class BackslashFactory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "\\";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser p) {
      return new InlineParserExtension() {
        @Override
        public void finalizeDocument(InlineParser p) {}

        @Override
        public void finalizeBlock(InlineParser p) {}

        @Override
        public boolean parse(LightInlineParser p) {
          BasedSequence in = p.getInput();
          int start = p.getIndex();
          if (start + 1 >= in.length()) return false;
          // Jupyter notebooks: authors double the backslash (\\(x\\)) so that Markdown leaves \(x\) for MathJax.
          int slashes = in.charAt(start + 1) == '\\' && start + 2 < in.length() ? 2 : 1;
          char open = in.charAt(start + slashes);
          if (open != '(' && open != '[') return false;
          String close = "\\".repeat(slashes) + (open == '(' ? ")" : "]");
          int from = start + slashes + 1;
          int end = in.indexOf(close, from);
          if (end < 0) return false;
          String tex = in.subSequence(from, end).toString().trim();
          if (tex.isEmpty()) return false;
          int after = end + close.length();
          p.flushTextNode();
          p.getBlock().appendChild(new MathNodes.InlineMath(in.subSequence(start, after), tex, open == '['));
          p.setIndex(after);
          return true;
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

  private static final Pattern ENV_START =
      Pattern.compile("^\\\\begin\\{(equation|align|gather|multline|flalign|eqnarray|alignat)(\\*?)\\}");

  /** A display block: {@code \[ … \]} or a bare amsmath environment, up to the line that closes it. */
  static final class EnvironmentParser extends AbstractBlockParser {
    private final MathNodes.DisplayMath block = new MathNodes.DisplayMath();
    private final StringBuilder tex = new StringBuilder();
    private final String closing;
    private final boolean keepDelimiters;
    private boolean closed;

    EnvironmentParser(String firstLine, String closing, boolean keepDelimiters) {
      this.closing = closing;
      this.keepDelimiters = keepDelimiters;
      take(keepDelimiters ? firstLine : firstLine.substring(2));
    }

    private void take(String line) {
      int k = line.indexOf(closing);
      if (k >= 0) {
        String rest = line.substring(k + closing.length()).trim();
        tex.append(line, 0, keepDelimiters ? k + closing.length() : k);
        Matcher m = Pattern.compile("^\\(([^()\\s]+)\\)$").matcher(rest);
        if (m.find()) block.label = m.group(1);
        closed = true;
      } else {
        tex.append(line).append('\n');
      }
    }

    @Override
    public Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      if (closed) return BlockContinue.none();
      take(state.getLine().toString().replaceAll("[\r\n]+$", ""));
      block.endOffset = state.getLine().getEndOffset();
      return closed ? BlockContinue.finished() : BlockContinue.atIndex(state.getLineEndIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {}

    @Override
    public void closeBlock(ParserState state) {
      block.tex = tex.toString().trim();
    }
  }

  static final class EnvironmentFactory implements CustomBlockParserFactory {
    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new AbstractBlockParserFactory(options) {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
          if (state.getIndent() >= 4) return BlockStart.none();
          String line = state.getLine().subSequence(state.getNextNonSpaceIndex()).trimEOL().toString();
          EnvironmentParser parser;
          // only "\[" alone on its line or "\[ … \] (label)" on one line: "\[not a link](/foo)" is CommonMark's escape
          if (line.startsWith("\\[") && (line.strip().equals("\\[") || line.strip().replaceAll("\\s*\\([^()\\s]+\\)$", "").endsWith("\\]"))) {
            parser = new EnvironmentParser(line, "\\]", false);
          } else {
            Matcher m = ENV_START.matcher(line);
            if (!m.find()) return BlockStart.none();
            parser = new EnvironmentParser(line, "\\end{" + m.group(1) + m.group(2) + "}", true);
          }
          parser.getBlock().setChars(state.getLine());
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
