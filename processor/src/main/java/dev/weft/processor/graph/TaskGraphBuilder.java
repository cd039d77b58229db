package dev.weft.processor.graph;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The graph stage: turns a {@link TaskClass} into its {@link TaskGraph}. It reports nothing —
 * everything it tolerates (duplicate names, unknown sources, clashing inputs) is a rule's to
 * report — so the graph is built even for classes with errors, and every rule gets to run.
 */
public final class TaskGraphBuilder {
  private final MoreTypes types;
  private final TypeElement list;

  public TaskGraphBuilder(MoreTypes types, Elements elements) {
    this.types = types;
    this.list = elements.getTypeElement("java.util.List");
  }

  public TaskGraph build(TaskClass source) {
    Map<String, TaskMethod> tasks = new LinkedHashMap<>();
    for (TaskMethod task : source.tasks()) {
      tasks.putIfAbsent(task.name(), task);
    }
    ImmutableList.Builder<InputNode> declarations = ImmutableList.builder();
    Map<String, InputNode> inputs = new LinkedHashMap<>();
    for (TaskMethod task : source.tasks()) {
      for (TaskParameter parameter : task.parameters()) {
        if (parameter.kind() == TaskParameter.Kind.INPUT) {
          InputNode input =
              new InputNode(parameter.source(), types.boxed(parameter.type()), task, parameter);
          declarations.add(input);
          if (!tasks.containsKey(input.name())) {
            inputs.putIfAbsent(input.name(), input);
          }
        }
      }
    }

    Map<String, TypeMirror> keyTypes = new LinkedHashMap<>();
    inputs.forEach((name, input) -> keyTypes.put(name, input.type()));
    tasks.forEach((name, task) -> keyTypes.put(name, keyType(task)));

    ImmutableGraph.Builder<String> graph =
        GraphBuilder.directed().allowsSelfLoops(true).<String>immutable();
    keyTypes.keySet().forEach(graph::addNode);
    for (TaskMethod task : tasks.values()) {
      for (TaskParameter parameter : task.parameters()) {
        // An input named like a task is an error of its own; an edge from the task would only
        // add a second, misleading one (a cycle through the input).
        boolean shadowingInput =
            parameter.kind() == TaskParameter.Kind.INPUT && !inputs.containsKey(parameter.source());
        if (keyTypes.containsKey(parameter.source()) && !shadowingInput) {
          graph.putEdge(parameter.source(), task.name());
        }
      }
    }
    return new TaskGraph(
        source,
        ImmutableMap.copyOf(tasks),
        ImmutableMap.copyOf(inputs),
        declarations.build(),
        ImmutableMap.copyOf(keyTypes),
        graph.build());
  }

  private TypeMirror keyType(TaskMethod task) {
    return task.eachParameter().isPresent()
        ? types.types().getDeclaredType(list, task.valueType())
        : task.valueType();
  }
}
