package org.bookbuild.project;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bookbuild.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read through snakeyaml's node API so that every value keeps its line and column: configuration problems are
 * reported where the author wrote them. Values are plain Java (String, List, Map) wrapped with their position.
 */
public final class YamlTree {
  /** A value with where it was written. */
  public record Value(Object value, SourcePos pos) {
    @SuppressWarnings("unchecked")
    public Map<String, Value> map() {
      return value instanceof Map<?, ?> m ? (Map<String, Value>) m : null;
    }

    @SuppressWarnings("unchecked")
    public List<Value> list() {
      return value instanceof List<?> l ? (List<Value>) l : null;
    }

    public String str() {
      return value instanceof String s ? s : null;
    }

    /** A plain Java copy without positions. */
    public Object plain() {
      if (map() != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        map().forEach((k, v) -> {
          if (!k.startsWith("\u0000")) m.put(k, v.plain());
        });
        return m;
      }
      if (list() != null) return list().stream().map(Value::plain).toList();
      return value;
    }
  }

  private final String file;

  private YamlTree(String file) {
    this.file = file;
  }

  /** Parses YAML text; a syntax error becomes a {@link ConfigException} at the line snakeyaml names. */
  public static Value parse(String file, String text) throws ConfigException {
    try {
      Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (root == null) return new Value(new LinkedHashMap<String, Value>(), SourcePos.of(file, 1, 1));
      return new YamlTree(file).convert(root);
    } catch (ConfigException e) {
      throw e;
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourcePos pos = m == null ? SourcePos.of(file, 1, 1) : SourcePos.of(file, m.getLine() + 1, m.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
      throw new ConfigException("config-yaml", pos, "malformed YAML: " + problem);
    } catch (RuntimeException e) {
      throw new ConfigException("config-yaml", SourcePos.of(file, 1, 1), "malformed YAML: " + e.getMessage());
    }
  }

  /** Nodes being converted, outermost first: an alias that refers to one of them would make the tree infinite. */
  private final java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private Value convert(Node n) throws ConfigException {
    SourcePos pos = SourcePos.of(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    if (!open.add(n)) {
      throw new ConfigException("config-cycle", pos, "a YAML alias refers to an entry that contains it (a cycle); it cannot be read");
    }
    try {
      return convertOpen(n, pos);
    } finally {
      open.remove(n);
    }
  }

  private Value convertOpen(Node n, SourcePos pos) throws ConfigException {
    if (n instanceof MappingNode mn) {
      Map<String, Value> m = new LinkedHashMap<>();
      for (NodeTuple t : mn.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode sk ? sk.getValue() : String.valueOf(t.getKeyNode());
        m.put(key, convert(t.getValueNode()));
        // keep the key's position for "unknown key" messages
        m.put("\u0000pos:" + key, new Value(null, SourcePos.of(file, t.getKeyNode().getStartMark().getLine() + 1,
            t.getKeyNode().getStartMark().getColumn() + 1)));
      }
      return new Value(m, pos);
    }
    if (n instanceof SequenceNode sn) {
      List<Value> l = new ArrayList<>();
      for (Node c : sn.getValue()) l.add(convert(c));
      return new Value(l, pos);
    }
    ScalarNode s = (ScalarNode) n;
    String v = s.getValue();
    boolean plainNull = s.isPlain() && (v.isEmpty() || v.equals("~") || v.equals("null"));
    return new Value(plainNull ? null : v, pos);
  }

  /** The keys of a mapping as the author wrote them, without the position bookkeeping entries. */
  public static List<String> keys(Map<String, Value> m) {
    return m.keySet().stream().filter(k -> !k.startsWith("\u0000")).toList();
  }

  /** Where a key of a mapping was written. */
  public static SourcePos keyPos(Map<String, Value> m, String key, SourcePos fallback) {
    Value v = m.get("\u0000pos:" + key);
    return v == null ? fallback : v.pos();
  }
}
