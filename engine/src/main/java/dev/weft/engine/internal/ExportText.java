package dev.weft.engine.internal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text helpers the exporters share. They are written for flows of a million
 * nodes, where building a fresh escaped copy of every name and a fresh type name for every node
 * would dominate the export; names rarely need escaping and a flow has few distinct types.
 */
final class ExportText {

  private ExportText() {}

  /**
   * Returns a buffer size for an export of {@code nodes} nodes at about {@code perNode} characters
   * each, so that a large flow's text is not copied again and again as its buffer grows; capped
   * below the largest array the JVM allocates.
   */
  static int capacity(int nodes, int perNode) {
    return (int) Math.min(Integer.MAX_VALUE - 16, 256L + (long) perNode * nodes);
  }

  /** Returns whether {@code text} contains any of {@code chars}, so escaping can be skipped. */
  static boolean containsAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the task nodes of a composed flow grouped by the flow each comes from, in the order
   * of {@link FlowGraph#parts()}, each group in topological order, flows without tasks left out;
   * empty for a flow declared on its own, which the exporters draw without clusters.
   */
  static Map<String, List<Integer>> clusters(FlowGraph flow) {
    if (flow.parts().size() < 2) {
      return Map.of();
    }
    Map<String, List<Integer>> clusters = new LinkedHashMap<>();
    for (FlowPart part : flow.parts()) {
      clusters.put(part.name(), new ArrayList<>(part.tasks().size()));
    }
    for (int node = flow.inputCount(); node < flow.nodeCount(); node++) {
      clusters.get(flow.key(node).flow()).add(node);
    }
    clusters.values().removeIf(List::isEmpty); // a flow of inputs only: nothing to draw
    return clusters;
  }

  /** Type names for one export, each computed once. Not thread-safe: one per export. */
  static final class TypeNameCache {
    private final boolean qualified;
    private final Map<Type, String> names = new HashMap<>();

    /** With {@code qualified}, names as {@link TypeNames#full}, else {@link TypeNames#simple}. */
    TypeNameCache(boolean qualified) {
      this.qualified = qualified;
    }

    String of(Type type) {
      String name = names.get(type);
      if (name == null) {
        name = qualified ? TypeNames.full(type) : TypeNames.simple(type);
        names.put(type, name);
      }
      return name;
    }
  }
}
