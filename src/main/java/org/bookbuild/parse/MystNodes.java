package org.bookbuild.parse;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * flexmark AST nodes for MyST syntax, produced by {@link MystExtension} and {@link RoleExtension}, converted to the
 * model by {@link FlexmarkConverter}. Directive bodies are kept as raw lines with their source offsets so that the
 * converter can parse them again (as Markdown, or not at all) and still report true positions.
 */
final class MystNodes {
  private MystNodes() {}

  /** One body line of a directive: its text without the line end, and its offset in the parsed text. */
  record Line(String text, int offset) {}

  /** A fenced directive: {@code ```{name} argument} or {@code :::{name} argument}, with its raw body lines. */
  static final class Directive extends Block {
    final String name;
    final String argument;
    final int argumentOffset;
    final List<Line> lines = new ArrayList<>();
    boolean closed;
    /** Offset of the closing fence line, when closed. */
    int closeOffset = -1;

    Directive(String name, String argument, int argumentOffset) {
      this.name = name;
      this.argument = argument;
      this.argumentOffset = argumentOffset;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** An explicit target {@code (label)=}: the label goes onto the next block. */
  static final class Target extends Block {
    final String label;

    Target(BasedSequence chars, String label) {
      super(chars);
      this.label = label;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** {@code % comment} lines and {@code +++} block breaks: accepted, never printed. */
  static final class Silent extends Block {
    Silent(BasedSequence chars) {
      super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /**
   * A bare colon fence ({@code :::}) that closes nothing: left over from a directive its container already ended (an
   * indented directive in a list item closed at column 0). Not printed; reported as {@code directive-unopened}.
   */
  static final class StrayFence extends Block {
    StrayFence(BasedSequence chars) {
      super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** An inline role {@code {name}`content`}. */
  static final class Role extends Node {
    final String name;
    final String content;
    final int contentOffset;

    Role(BasedSequence chars, String name, String content, int contentOffset) {
      super(chars);
      this.name = name;
      this.content = content;
      this.contentOffset = contentOffset;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  /** A substitution reference {@code {{ key }}} (MyST's substitution extension). */
  static final class Substitution extends Node {
    final String key;

    Substitution(BasedSequence chars, String key) {
      super(chars);
      this.key = key;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }
}
