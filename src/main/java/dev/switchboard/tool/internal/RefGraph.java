package dev.switchboard.tool.internal;

import dev.switchboard.tool.SkipReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which local {@code $ref}s are recursive: a reference is recursive when the schema it points at
 * leads back to it through references (it lies on a cycle). Found with Tarjan's strongly connected
 * components over the references reachable from the one asked about, so the answer does not depend
 * on where a walk started. Memoized for one document; not thread-safe (one instance per import).
 */
final class RefGraph {
  /** Longest chain of references followed (the walk is recursive). */
  static final int MAX_CHAIN = 1_000;

  private final ApiDocument document;
  private final Map<String, List<String>> edges = new HashMap<>();
  private final Map<String, Boolean> recursive = new HashMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private int depth;

  RefGraph(ApiDocument document) {
    this.document = document;
  }

  boolean isRecursive(String ref) {
    if (!recursive.containsKey(ref)) {
      try {
        connect(ref);
      } catch (OperationSkipped e) {
        depth = 0; // forget the unfinished walk; finished components stay known
        index.clear();
        low.clear();
        stack.clear();
        onStack.clear();
        throw e;
      }
    }
    return recursive.get(ref);
  }

  private void connect(String ref) {
    if (++depth > MAX_CHAIN) {
      throw new OperationSkipped(SkipReason.SCHEMA_TOO_LARGE, "references chained deeper than " + MAX_CHAIN);
    }
    index.put(ref, index.size());
    low.put(ref, index.get(ref));
    stack.push(ref);
    onStack.add(ref);
    for (String next : edges(ref)) {
      if (recursive.containsKey(next)) {
        continue; // its component is already complete
      }
      if (!index.containsKey(next)) {
        connect(next);
        low.put(ref, Math.min(low.get(ref), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(ref, Math.min(low.get(ref), index.get(next)));
      }
    }
    if (low.get(ref).equals(index.get(ref))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(ref));
      boolean cyclic = component.size() > 1 || edges(ref).contains(ref);
      component.forEach(m -> recursive.put(m, cyclic));
    }
    depth--;
  }

  private List<String> edges(String ref) {
    return edges.computeIfAbsent(ref, r -> {
      List<String> found = new ArrayList<>();
      try {
        collect(document.resolve(r), found);
      } catch (OperationSkipped unresolvable) {
        // a leaf here; converting the schema reports it
      }
      return found;
    });
  }

  private static void collect(JsonNode node, List<String> found) {
    if (Nodes.isRef(node)) {
      found.add(node.get("$ref").stringValue());
    }
    if (node.isContainer()) {
      node.values().forEach(child -> collect(child, found));
    }
  }
}
