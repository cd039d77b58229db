package dev.weft.engine.internal;

import dev.weft.engine.Key;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a flow in Graphviz DOT: inputs as ellipses, tasks as boxes, each labelled with its name
 * and short value type; uncached tasks dashed; fan-out tasks as 3-D boxes reached by a bold edge
 * labelled {@code each}. The tasks of each flow joined into a composed flow are drawn in a
 * cluster labelled with that flow's name; its inputs stay outside, since several flows may share
 * them. Every identifier is quoted, so any task name is safe.
 */
final class DotExporter {

  private DotExporter() {}

  static String export(FlowGraph flow) {
    GraphIndex index = flow.index();
    ExportText.TypeNameCache types = new ExportText.TypeNameCache(false);
    StringBuilder out = new StringBuilder(ExportText.capacity(index.nodes().size(), 80));
    quoted(out.append("digraph "), flow.name()).append(" {\n");
    out.append("  rankdir=LR;\n");
    for (Key<?> input : flow.inputs()) {
      quoted(out.append("  "), input.name()).append(" [shape=ellipse, label=");
      label(out, input, types).append("];\n");
    }
    Map<String, List<Integer>> clusters = ExportText.clusters(flow);
    if (clusters.isEmpty()) {
      for (TaskSpec<?> task : index.tasks()) {
        node(out, "  ", task, types);
      }
    } else {
      int cluster = 0;
      for (Map.Entry<String, List<Integer>> part : clusters.entrySet()) {
        quoted(out.append("  subgraph "), "cluster_" + cluster++).append(" {\n    label=");
        quoted(out, part.getKey()).append(";\n    style=rounded;\n");
        for (int node : part.getValue()) {
          node(out, "    ", flow.taskAt(node), types);
        }
        out.append("  }\n");
      }
    }
    for (TaskSpec<?> task : index.tasks()) {
      Optional<Key<?>> each = task.each();
      for (Key<?> dependency : task.dependencies()) {
        quoted(out.append("  "), dependency.name()).append(" -> ");
        quoted(out, task.name());
        if (each.isPresent() && each.get().equals(dependency)) {
          out.append(" [style=bold, label=\"each\"]");
        }
        out.append(";\n");
      }
    }
    return out.append("}\n").toString();
  }

  private static void node(
      StringBuilder out, String indent, TaskSpec<?> task, ExportText.TypeNameCache types) {
    quoted(out.append(indent), task.name())
        .append(task.each().isPresent() ? " [shape=box3d" : " [shape=box")
        .append(task.cache() ? "" : ", style=dashed")
        .append(", label=");
    label(out, task.key(), types).append("];\n");
  }

  /** Appends {@code "name\nType"}; {@code \n} is DOT's own line break inside a label. */
  private static StringBuilder label(
      StringBuilder out, Key<?> key, ExportText.TypeNameCache types) {
    out.append('"');
    escape(out, key.name()).append("\\n");
    return escape(out, types.of(key.type().getType())).append('"');
  }

  private static StringBuilder quoted(StringBuilder out, String id) {
    return escape(out.append('"'), id).append('"');
  }

  /**
   * Appends text escaped for a DOT quoted string. Backslashes are doubled too: DOT reads
   * {@code \n}, {@code \l} and {@code \N} inside labels as commands, so a name must not make one.
   */
  private static StringBuilder escape(StringBuilder out, String text) {
    if (!ExportText.containsAny(text, "\"\\\n\r")) {
      return out.append(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> { }
        default -> out.append(c);
      }
    }
    return out;
  }
}
