package org.bookbuild.parse;

import java.util.List;
import org.bookbuild.model.Inline;

/**
 * Whether a paragraph goes on with the sentence of the block before it, as TeX reads a paragraph after a display: the
 * author wrote no blank line between them, or the paragraph opens in lower case or with punctuation ("where …",
 * ", so that …"). The FO stage sets such a paragraph without a first-line indent after a display.
 */
public final class Continuation {
  private Continuation() {}

  /** Closing punctuation that can only go on with a sentence (an opening bracket or quote can start a new one). */
  private static final String CONTINUING = ",.;:!?)]}\u2026\u00bb\u203a";

  public static boolean continues(boolean noBlankLine, List<Inline> content) {
    if (noBlankLine) return true;
    int c = firstChar(content);
    if (c < 0) return false;
    int type = Character.getType(c);
    return Character.isLowerCase(c) || CONTINUING.indexOf(c) >= 0 || type == Character.DASH_PUNCTUATION
        || type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
  }

  /** The first printed character of the text, through emphasis, links and spans; -1 if it opens with anything else. */
  private static int firstChar(List<Inline> content) {
    for (Inline i : content) {
      if (i instanceof Inline.SoftBreak || i instanceof Inline.Anchor) continue;
      if (i instanceof Inline.Text t) {
        String s = t.text().stripLeading();
        if (s.isEmpty()) continue;
        return s.codePointAt(0);
      }
      List<Inline> inner = i instanceof Inline.Styled s ? s.content() : i instanceof Inline.Span s ? s.content()
          : i instanceof Inline.Link l ? l.content() : null;
      return inner == null ? -1 : firstChar(inner);
    }
    return -1;
  }
}
