package dev.switchboard.tool.internal;

import dev.switchboard.tool.DocumentTooComplexException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Measures a composed YAML node graph before anything expands it. An alias is the same
 * {@link Node} object reached twice, so the graph stays small while its expansion (what every later
 * reader builds) can be exponential in nodes, or huge in characters when one alias stands for a long
 * scalar. Each node is measured once (memoised): its expanded size in nodes and in characters (one
 * per node plus the length of each scalar, close to its JSON length), so the check costs time in the
 * size of the text, not of the expansion. Not thread-safe; one instance per document.
 */
final class NodeBudget {
  private record Measure(long nodes, long characters, int height) {}

  private static final Measure VISITING = new Measure(-1, -1, -1);
  private final Map<Node, Measure> seen = new IdentityHashMap<>();
  private final int maxDepth;
  private final long maxExpansion;
  private final long maxCharacters;

  /**
   * @param maxDepth deepest nesting, aliases included
   * @param maxExpansion nodes the aliases may add to the graph when expanded
   * @param maxCharacters characters the whole document may hold once expanded
   */
  NodeBudget(int maxDepth, long maxExpansion, long maxCharacters) {
    this.maxDepth = maxDepth;
    this.maxExpansion = maxExpansion;
    this.maxCharacters = maxCharacters;
  }

  /** Refuses a graph that refers to itself, nests deeper than allowed, or grows by aliases beyond the budget. */
  void check(Node root) {
    Measure expanded = measure(root, 1);
    if (expanded.nodes() - seen.size() > maxExpansion) {
      throw new DocumentTooComplexException("its aliases expand it by more than " + maxExpansion + " nodes");
    }
    if (expanded.characters() > maxCharacters) {
      throw new DocumentTooComplexException("its aliases expand it to more than " + maxCharacters + " characters");
    }
  }

  private Measure measure(Node node, int depth) {
    if (depth > maxDepth) {
      throw tooDeep();
    }
    Measure known = seen.get(node);
    if (known == VISITING) {
      throw new DocumentTooComplexException("an alias refers to a node that contains it");
    }
    if (known != null) {
      if (depth - 1 + known.height() > maxDepth) {
        throw tooDeep();
      }
      return known;
    }
    seen.put(node, VISITING);
    long nodes = 1;
    long characters = node instanceof ScalarNode scalar ? 1L + scalar.getValue().length() : 1;
    int height = 0;
    for (Node child : children(node)) {
      Measure m = measure(child, depth + 1);
      nodes = saturatedAdd(nodes, m.nodes());
      characters = saturatedAdd(characters, m.characters());
      height = Math.max(height, m.height());
    }
    Measure result = new Measure(nodes, characters, height + 1);
    seen.put(node, result);
    return result;
  }
  private DocumentTooComplexException tooDeep() {
    return new DocumentTooComplexException("it nests deeper than " + maxDepth + " levels");
  }

  private static List<Node> children(Node node) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = mapping.getValue();
      Node[] out = new Node[tuples.size() * 2];
      for (int i = 0; i < tuples.size(); i++) {
        out[2 * i] = tuples.get(i).getKeyNode();
        out[2 * i + 1] = tuples.get(i).getValueNode();
      }
      return List.of(out);
    }
    return List.of();
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
