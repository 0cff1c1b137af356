package org.bookbuild.figure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node of a figure spec together with where it stands in the author's file. Reading goes through snakeyaml's
 * node API rather than plain maps so that every complaint can name a line; accessors throw {@link SpecException} with
 * rule {@code figure-spec} when the shape is wrong.
 */
final class SpecNode {
  private final Node node;
  private final SourcePos base;
  private final boolean inline;

  SpecNode(Node node, SourcePos base, boolean inline) {
    this.node = node;
    this.base = base;
    this.inline = inline;
  }

  /** Where this node starts, in the coordinates of the file the author edits. */
  SourcePos pos() {
    int line = node.getStartMark().getLine();
    int col = node.getStartMark().getColumn();
    if (inline) return new SourcePos(base.file(), base.line() + line, col + 1);
    return new SourcePos(base.file(), line + 1, col + 1);
  }

  SpecException error(String message) {
    return new SpecException("figure-spec", pos(), message);
  }

  boolean isMap() {
    return node instanceof MappingNode;
  }

  boolean isList() {
    return node instanceof SequenceNode;
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** The entries of a mapping in the author's order; keys must be plain scalars. */
  Map<String, SpecNode> entries() {
    if (!(node instanceof MappingNode m)) throw error("expected a mapping of keys to values here");
    Map<String, SpecNode> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) throw wrap(t.getKeyNode()).error("keys must be plain words");
      if (out.containsKey(k.getValue())) throw wrap(k).error("key '" + k.getValue() + "' appears twice");
      out.put(k.getValue(), wrap(t.getValueNode()));
    }
    return out;
  }

  /** Position of a key itself (not its value), for messages about unknown keys. */
  SourcePos keyPos(String key) {
    MappingNode m = (MappingNode) node;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return wrap(k).pos();
    }
    return pos();
  }

  /** Fails on the first key not in {@code allowed}, naming the keys that are. */
  void checkKeys(Collection<String> allowed, String what) {
    for (String k : entries().keySet()) {
      if (!allowed.contains(k)) {
        throw new SpecException(
            "figure-spec", keyPos(k), "unknown key '" + k + "' in " + what + "; known keys: " + String.join(", ", allowed));
      }
    }
  }

  List<SpecNode> items() {
    if (!(node instanceof SequenceNode s)) throw error("expected a list here, such as [1, 2]");
    List<SpecNode> out = new ArrayList<>();
    for (Node n : s.getValue()) out.add(wrap(n));
    return out;
  }

  String text() {
    if (!(node instanceof ScalarNode s)) throw error("expected a single value here");
    return s.getValue();
  }

  /** A number, written plainly or as a constant expression such as {@code 2*pi} or {@code -1/2}. */
  double number() {
    return Expr.compile(this, text()).constant(this);
  }

  int integer(int min, int max) {
    double v = number();
    if (v != Math.rint(v) || v < min || v > max) {
      throw error("expected a whole number from " + min + " to " + max + ", found " + text());
    }
    return (int) v;
  }

  boolean bool() {
    String t = text().trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("true") || t.equals("yes") || t.equals("on")) return true;
    if (t.equals("false") || t.equals("no") || t.equals("off")) return false;
    throw error("expected true or false, found '" + text() + "'");
  }

  /** A list of exactly {@code n} numbers. */
  double[] numbers(int n) {
    List<SpecNode> xs = items();
    if (n > 0 && xs.size() != n) throw error("expected a list of " + n + " numbers, found " + xs.size());
    double[] out = new double[xs.size()];
    for (int i = 0; i < out.length; i++) out[i] = xs.get(i).number();
    return out;
  }

  /** A {@code [low, high]} pair with low below high. */
  double[] range() {
    double[] r = numbers(2);
    if (!(r[0] < r[1])) throw error("a range needs its first number below its second, found [" + r[0] + ", " + r[1] + "]");
    return r;
  }

  /** One of a fixed set of words. */
  String choice(List<String> words) {
    String t = text().trim();
    if (!words.contains(t)) throw error("expected one of " + String.join(", ", words) + ", found '" + t + "'");
    return t;
  }

  private SpecNode wrap(Node n) {
    return new SpecNode(n, base, inline);
  }
}
