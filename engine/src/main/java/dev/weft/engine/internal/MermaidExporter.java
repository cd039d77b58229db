package dev.weft.engine.internal;

import dev.weft.engine.Key;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a flow as a Mermaid {@code flowchart}: inputs as stadiums, tasks as rectangles, fan-out
 * tasks as subroutines reached by an edge labelled {@code each}, uncached tasks dashed (class
 * {@code uncached}). The tasks of each flow joined into a composed flow are drawn in a subgraph
 * titled with that flow's name. Labels are HTML-escaped, since Mermaid renders them as HTML.
 */
final class MermaidExporter {

  // Words Mermaid's flowchart grammar reads as keywords ("end" closes a subgraph).
  private static final Set<String> RESERVED = Set.of("end", "graph", "flowchart", "subgraph",
      "class", "classdef", "click", "style", "linkstyle", "direction", "default", "call", "href");

  private MermaidExporter() {}

  static String export(FlowGraph flow) {
    GraphIndex index = flow.index();
    ExportText.TypeNameCache types = new ExportText.TypeNameCache(false);
    StringBuilder out = new StringBuilder(ExportText.capacity(index.nodes().size(), 64));
    out.append("flowchart LR\n");
    for (int node = 0; node < index.inputCount(); node++) {
      Key<?> input = index.nodes().get(node);
      out.append("  ").append(id(input.name(), node)).append("([");
      label(out, input, types).append("])\n");
    }
    boolean anyUncached = false;
    Map<String, List<Integer>> clusters = ExportText.clusters(flow);
    if (clusters.isEmpty()) {
      for (int node = index.inputCount(); node < index.nodes().size(); node++) {
        anyUncached |= node(out, "  ", flow, node, types);
      }
    } else {
      // Subgraph ids continue the node numbers, so they can clash neither with a generated
      // node id nor with a plain name (which never looks like n<digits>).
      int id = index.nodes().size();
      for (Map.Entry<String, List<Integer>> part : clusters.entrySet()) {
        out.append("  subgraph n").append(id++).append('[');
        quote(out, part.getKey()).append("]\n");
        for (int node : part.getValue()) {
          anyUncached |= node(out, "    ", flow, node, types);
        }
        out.append("  end\n");
      }
    }
    for (int t = 0; t < index.tasks().size(); t++) {
      TaskSpec<?> task = index.tasks().get(t);
      String id = id(task.name(), index.inputCount() + t);
      Optional<Key<?>> each = task.each();
      for (Key<?> dependency : task.dependencies()) {
        out.append("  ").append(id(dependency.name(), index.indexOf(dependency.name())))
            .append(each.isPresent() && each.get().equals(dependency) ? " -- each --> " : " --> ")
            .append(id).append('\n');
      }
    }
    if (anyUncached) {
      out.append("  classDef uncached stroke-dasharray: 5 5\n");
    }
    return out.toString();
  }

  /** Appends task {@code node}'s line; returns whether the task is uncached. */
  private static boolean node(StringBuilder out, String indent, FlowGraph flow, int node,
      ExportText.TypeNameCache types) {
    TaskSpec<?> task = flow.taskAt(node);
    boolean fanOut = task.each().isPresent();
    out.append(indent).append(id(task.name(), node)).append(fanOut ? "[[" : "[");
    label(out, task.key(), types).append(fanOut ? "]]" : "]");
    if (!task.cache()) {
      out.append(":::uncached");
    }
    out.append('\n');
    return !task.cache();
  }

  /**
   * Returns a node's Mermaid id: its name when that is a plain identifier Mermaid cannot misread,
   * else {@code n} and its node number, unique because node numbers are. A name that itself looks
   * like {@code n<digits>} gets a number too, so it cannot take another node's id.
   */
  static String id(String name, int node) {
    boolean plain = isIdentifier(name)
        && !looksGenerated(name)
        && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    return plain ? name : "n" + node;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // ASCII only: Mermaid's grammar does not accept every Java identifier character.
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(letter || c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksGenerated(String name) {
    if (name.length() < 2 || name.charAt(0) != 'n') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code "name: Type"}, quoted and escaped. */
  private static StringBuilder label(
      StringBuilder out, Key<?> key, ExportText.TypeNameCache types) {
    out.append('"');
    escape(out, key.name()).append(": ");
    return escape(out, types.of(key.type().getType())).append('"');
  }

  private static StringBuilder quote(StringBuilder out, String text) {
    return escape(out.append('"'), text).append('"');
  }

  private static StringBuilder escape(StringBuilder out, String text) {
    if (!ExportText.containsAny(text, "&<>\"\n\r")) {
      return out.append(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out;
  }
}
