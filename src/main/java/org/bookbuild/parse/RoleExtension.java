package org.bookbuild.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark inline extension for MyST roles, {@code {name}`content`}. The content is taken like a code span: it ends at
 * the next run of exactly as many backticks as opened it, and nothing inside is parsed by flexmark (the role's spec
 * decides what it means). Without a following backtick string, {@code {name}} stays text.
 */
final class RoleExtension implements Parser.ParserExtension {
  static RoleExtension create() {
    return new RoleExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new Factory());
  }

  /** Length of the role name at {@code i} (after the brace), or 0. */
  private static int nameEnd(BasedSequence in, int i) {
    int j = i;
    while (j < in.length()) {
      char c = in.charAt(j);
      if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '+' || c == '.') j++;
      else break;
    }
    return j;
  }

  static final class Ext implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser p) {}

    @Override
    public void finalizeBlock(InlineParser p) {}

    @Override
    public boolean parse(LightInlineParser p) {
      BasedSequence in = p.getInput();
      int start = p.getIndex();
      if (start + 1 < in.length() && in.charAt(start + 1) == '{') return substitution(p, in, start);
      int end = nameEnd(in, start + 1);
      if (end == start + 1 || end >= in.length() || in.charAt(end) != '}') return false;
      int tick = end + 1;
      int n = 0;
      while (tick + n < in.length() && in.charAt(tick + n) == '`') n++;
      if (n == 0) return false;
      int contentStart = tick + n;
      int i = contentStart;
      while (i < in.length()) {
        if (in.charAt(i) != '`') {
          i++;
          continue;
        }
        int m = 0;
        while (i + m < in.length() && in.charAt(i + m) == '`') m++;
        if (m == n) {
          String name = in.subSequence(start + 1, end).toString();
          BasedSequence content = in.subSequence(contentStart, i);
          p.flushTextNode();
          p.getBlock().appendChild(new MystNodes.Role(in.subSequence(start, i + m), name,
              content.toString().replace('\n', ' '), content.getStartOffset()));
          p.setIndex(i + m);
          return true;
        }
        i += m;
      }
      return false;
    }
  }

  /** A key as MyST substitutions (Jinja names) write it: {@code course}, {@code env.config.title}, {@code key-2}. */
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  /** {@code {{ key }}} on one line; anything else (Jinja filters, a brace in text) stays text. */
  private static boolean substitution(LightInlineParser p, BasedSequence in, int start) {
    int close = -1;
    for (int i = start + 2; i + 1 < in.length(); i++) {
      char c = in.charAt(i);
      if (c == '\n' || c == '{') return false;
      if (c == '}' && in.charAt(i + 1) == '}') {
        close = i;
        break;
      }
    }
    if (close < 0) return false;
    String key = in.subSequence(start + 2, close).toString().strip();
    if (!KEY.matcher(key).matches()) return false;
    p.flushTextNode();
    p.getBlock().appendChild(new MystNodes.Substitution(in.subSequence(start, close + 2), key));
    p.setIndex(close + 2);
    return true;
  }

  static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "{";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser p) {
      return new Ext();
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
