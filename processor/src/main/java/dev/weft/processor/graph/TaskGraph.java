package dev.weft.processor.graph;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.ImmutableGraph;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.model.TaskMethod;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * The dependency graph of one class: a node per task and per input, named as in the source, and
 * an edge from each node to every task that reads it. The graph rules check it; the writer turns
 * a graph without errors into the class's flow.
 *
 * @param source the class, as read
 * @param tasks each task by name, in declaration order; of two tasks with one name, the first
 * @param inputs each input by name, from its first declaration, in declaration order
 * @param inputDeclarations every {@code @Input} parameter, in declaration order
 * @param keyTypes the type of each node's value, as its key in the generated flow carries it:
 *     boxed, and {@code List<R>} for a task fanned out with {@code @Each}
 * @param graph edges from producers to the tasks that read them
 */
public record TaskGraph(
    TaskClass source,
    ImmutableMap<String, TaskMethod> tasks,
    ImmutableMap<String, InputNode> inputs,
    ImmutableList<InputNode> inputDeclarations,
    ImmutableMap<String, TypeMirror> keyTypes,
    ImmutableGraph<String> graph) {

  /** The type of the node's value, or empty when no task or input has that name. */
  public Optional<TypeMirror> keyType(String name) {
    return Optional.ofNullable(keyTypes.get(name));
  }

  /** How messages name a node: {@code task 'files'} or {@code input 'top'}. */
  public String describe(String name) {
    return (tasks.containsKey(name) ? "task '" : "input '") + name + "'";
  }
}
