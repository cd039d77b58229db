package dev.weft.engine;

import java.util.List;
import java.util.Set;

/**
 * A validated dataflow graph: named inputs supplied when it runs, and tasks that compute values
 * from inputs and from other tasks' values.
 *
 * <p>Instances come from the generated {@code …Flow.of(...)} methods, one generated class per
 * class with {@code @Task} methods:
 *
 * <pre>{@code
 * Flow flow = WordStatsFlow.of(new WordStats());
 * }</pre>
 *
 * <p>Flows can also be composed in code, from lambdas and method references, with
 * {@link #builder(String)}.
 *
 * <p>A flow is checked when it is created: every dependency names a task or input of the flow,
 * names are unique, and there is no cycle. It is immutable and safe to run from several threads
 * at once, in several runs; what a run computes is kept by the engine and its caches, never in
 * the flow.
 */
public interface Flow {

  /**
   * Starts a flow composed in code rather than generated from annotated methods: declare its
   * inputs with {@link FlowBuilder#input(String, Class) input}, its tasks as lambdas or method
   * references with {@link FlowBuilder#task(String, FlowBuilder.Fn1, Key) task}, and call
   * {@link FlowBuilder#build() build}. The engine runs such a flow exactly as it runs a generated
   * one.
   *
   * <pre>{@code
   * FlowBuilder words = Flow.builder("words");
   * Key<Path> corpus = words.input("corpus", Path.class);
   * Key<List<String>> lines = words.task("lines", Files::readAllLines, corpus);
   * Flow flow = words.build();
   * }</pre>
   *
   * @param name the flow's name, which every key of the flow carries ({@link Key#flow()}); it
   *     tells this flow's keys from those of other flows, so give different flows different names
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is empty
   */
  static FlowBuilder builder(String name) {
    return new FlowBuilder(name);
  }

  /** Returns the flow's name; for a generated flow, the fully qualified name of its class. */
  String name();

  /** Returns the keys of the flow's inputs, in the order they were declared. */
  Set<Key<?>> inputs();

  /**
   * Returns the keys of the flow's tasks in topological order: every task comes after the tasks it
   * depends on, and tasks that could come in either order keep the order they were declared in.
   */
  List<Key<?>> tasks();

  /**
   * Returns the graph in Graphviz DOT syntax, ready for {@code dot -Tsvg}: inputs as ellipses,
   * tasks as boxes labelled with their name and short value type, uncached tasks dashed and
   * fan-out ({@code @Each}) edges bold. The exact layout of the text may change between releases.
   */
  String toDot();

  /**
   * Returns the graph as a Mermaid {@code flowchart}, for Markdown renderers that draw Mermaid
   * diagrams: inputs as stadiums, tasks as rectangles, fan-out tasks as subroutines reached by an
   * edge labelled {@code each}, and uncached tasks dashed.
   */
  String toMermaid();

  /**
   * Returns a JSON description of the flow for tools: its name, its inputs in declaration order
   * and its tasks in topological order, each with its full value type, dependencies and settings
   * (cache, version, retries, timeout, limits). Fields appear in a stable order.
   */
  String toJson();
}
