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

  /**
   * Joins flows into one, by name: an input of one flow is satisfied by the task of the same name
   * in another, and inputs of one name in several flows become one input, given once in the
   * run's {@link Inputs}. Every key of the joined flows is a key of the result: run any of their
   * tasks, and pass values for the inputs that no task satisfies.
   *
   * <pre>{@code
   * // WordStats: @Task files(@Input Path corpus)
   * // Report:    @Task report(@Input List<Path> files), its input bound to WordStats' files
   * Flow flow = Flow.compose(WordStatsFlow.of(new WordStats()), ReportFlow.of(new Report()));
   * String report = weft.compute(flow, ReportFlow.REPORT, Inputs.of(WordStatsFlow.CORPUS, dir));
   * }</pre>
   *
   * <p>The joined flow is checked here, before anything runs: a task's type must be a subtype of
   * the type of each input it satisfies, generics included ({@code List<Path>} satisfies
   * {@code Collection<Path>}, not {@code List<String>}); inputs shared by several flows must have
   * types that one value can have (the run's value must be of the most specific one); two
   * flows must not declare a task of the same name; and the tasks must not form a cycle through
   * the flows, which is reported as a path naming each task's flow. Each task keeps its own
   * flow's cache identity: a result cached by a run of one of the flows alone is reused by the
   * composed flow when the task's code and inputs are the same. A flow given twice, or reached
   * through two composed flows, is joined once. Graph exports draw each joined flow as a cluster.
   *
   * @param flows the flows to join, each from a generated {@code …Flow.of(...)},
   *     {@link FlowBuilder#build()} or an earlier {@code compose}
   * @return the joined flow, named after the flows joined, such as {@code "a.Words + a.Report"}
   * @throws NullPointerException if {@code flows} or one of them is null
   * @throws IllegalArgumentException if no flow is given, or a flow does not come from Weft
   * @throws GraphException if the flows cannot be joined, saying which flows and names are at
   *     fault
   */
  static Flow compose(Flow... flows) {
    return Flows.compose(flows);
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
