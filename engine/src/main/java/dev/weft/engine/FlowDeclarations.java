package dev.weft.engine;

import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.FlowPart;
import dev.weft.engine.internal.TaskSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A flow that a {@link FlowBuilder} is declaring: the graph builder the declarations go to, the
 * names and keys handed out so far, and the checks every new declaration must pass against them.
 * Kept apart so that the builder reads as the list of its overloads, and dropped as a whole by
 * {@code build()}, so that a built flow does not keep the declaring state of its tasks alive.
 *
 * <p>Each declaration is checked when it is made rather than in {@code build()}: the stack trace
 * then points at the line that is wrong, which for a flow built in a loop is the only thing that
 * says which of its thousands of tasks is meant. With every dependency checked this way, the
 * flow's own checks at build time can find nothing more.
 */
final class FlowDeclarations {

  private static final String OWN_KEYS = "a task can depend only on keys returned by input(...)"
      + " or task(...) of the same FlowBuilder, or on keys of a flow it included";

  private final String flow;
  private final FlowGraph.Builder graph;
  // Every key handed out, by name: the one per-task map the builder pays for. Dependencies are
  // matched by identity through it, because a key of another builder of a flow of the same name
  // is equal to ours when its name and type are, and would silently read our task's value.
  private final HashMap<String, Key<?>> keys = new HashMap<>();
  private final Set<String> inputs = new HashSet<>();
  // The flows included, and their tasks' names with the flow declaring each: a task of this
  // builder may not take one of those names. Empty, and costing nothing, for most builders.
  private final List<FlowGraph> included = new ArrayList<>();
  private final Map<FlowPart, Boolean> includedParts = new IdentityHashMap<>();
  private final Map<String, FlowPart> includedByName = new HashMap<>();
  private final HashMap<String, String> includedTasks = new HashMap<>();

  /**
   * @throws NullPointerException if {@code flow} is null
   * @throws IllegalArgumentException if {@code flow} is empty
   */
  FlowDeclarations(String flow) {
    this.graph = FlowGraph.builder(flow, null);
    this.flow = flow;
  }

  /**
   * Checks the name of a new input or task ({@code kind}).
   *
   * @throws GraphException if an input or task of that name was declared before
   */
  void name(String kind, @Nullable String name) {
    if (name == null) {
      throw new NullPointerException(
          "name of " + article(kind) + " of flow '" + flow + "' must not be null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "name of " + article(kind) + " of flow '" + flow + "' must not be empty");
    }
    if (keys.containsKey(name)) {
      String earlier = inputs.contains(name) ? "input" : "task";
      String twice = earlier.equals(kind)
          ? kind + " '" + name + "' twice"
          : "'" + name + "' twice, first as " + earlier + " and again as " + kind;
      throw new GraphException("flow '" + flow + "' declares " + twice
          + "; inputs and tasks of one flow need distinct names, so rename one of them");
    }
    String other = kind.equals("task") ? includedTasks.get(name) : null;
    if (other != null) {
      throw new GraphException(clash(name, flow, other));
    }
  }

  /**
   * Includes {@code graph}: its tasks become tasks of this flow, its keys usable as this flow's
   * tasks' dependencies, and its inputs are bound by name when the flow is built.
   *
   * @throws GraphException if {@code graph} has this flow's name, or a task of the name of a
   *     task declared here or in another included flow
   */
  void include(FlowGraph graph) {
    if (graph.joins(flow)) {
      throw new GraphException("flow '" + flow + "' cannot include flow '" + graph.name()
          + "', which is or joins a flow of the same name; give the flows different names");
    }
    Map<String, String> added = new HashMap<>();
    for (FlowPart part : graph.parts()) {
      if (includedParts.containsKey(part)) {
        continue; // included before, through another flow: joined once
      }
      FlowPart sameName = includedByName.get(part.name());
      if (sameName != null) {
        throw new GraphException("flow '" + flow + "' includes two different flows named '"
            + part.name() + "' (for example two instances passed to its generated of(...)); the"
            + " tasks of one flow can be included only once: include one Flow object, or give"
            + " the flows built in code different names");
      }
      for (TaskSpec<?> task : part.tasks()) {
        Key<?> own = keys.get(task.name());
        String other = own != null && !inputs.contains(task.name())
            ? flow : includedTasks.getOrDefault(task.name(), added.get(task.name()));
        if (other != null) {
          throw new GraphException(clash(task.name(), other, part.name()));
        }
        added.put(task.name(), part.name());
      }
    }
    for (FlowPart part : graph.parts()) {
      includedParts.put(part, Boolean.TRUE);
      includedByName.put(part.name(), part);
    }
    includedTasks.putAll(added);
    included.add(graph);
  }

  /** Declares an input whose name passed {@link #name}. */
  void input(Key<?> key) {
    graph.input(key, true);
    keys.put(key.name(), key);
    inputs.add(key.name());
  }

  /** Declares a task whose name passed {@link #name} and dependencies {@link #dependencies}. */
  void task(TaskSpec<?> task) {
    graph.task(task);
    keys.put(task.name(), task.key());
  }

  /**
   * Returns the flow of everything declared. Without included flows the checks here leave
   * nothing to reject; with them, the joined flow is checked as {@link Flow#compose} checks it.
   *
   * @throws GraphException if an included flow's input is bound to a task of another type, or
   *     inputs of one name have unrelated types, or the bindings make a cycle
   */
  Flow build() {
    if (included.isEmpty()) {
      return graph.build();
    }
    List<FlowPart> parts = new ArrayList<>();
    for (FlowGraph graph : included) {
      parts.addAll(graph.parts());
    }
    parts.add(graph.part());
    return FlowGraph.compose(flow, parts);
  }

  /**
   * Checks the keys whose values task {@code task} reads, one per argument of its function, and
   * returns them without repeats, in the order of first use: a function may take one value
   * twice, but the task depends on it once.
   *
   * @throws NullPointerException if a key is null
   * @throws GraphException if a key was not returned by this builder
   */
  Key<?>[] dependencies(String task, @Nullable Key<?>[] arguments) {
    Key<?>[] distinct = new Key<?>[arguments.length];
    int count = 0;
    for (int i = 0; i < arguments.length; i++) {
      Key<?> key = arguments[i];
      if (key == null) {
        throw new NullPointerException(
            "key of argument " + (i + 1) + " of task '" + task + "' must not be null");
      }
      checkOwn(task, key);
      if (!contains(distinct, count, key)) {
        distinct[count++] = key;
      }
    }
    return count == distinct.length ? distinct : Arrays.copyOf(distinct, count);
  }

  private void checkOwn(String task, Key<?> key) {
    if (!key.flow().equals(flow)) {
      for (FlowGraph graph : included) {
        if (graph.indexOf(key) >= 0) {
          return;
        }
      }
      for (FlowGraph graph : included) {
        if (graph.joins(key.flow())) {
          int sameName = graph.indexOf(key.name());
          throw new GraphException("task '" + task + "' depends on key '" + key.name()
              + "' of the included flow '" + key.flow() + "', " + (sameName < 0
                  ? "which has no task or input of that name"
                  : "as " + key.type() + ", but it is " + graph.key(sameName).type())
              + "; use the key that flow's generated class or builder gave");
        }
      }
      throw new GraphException("task '" + task + "' depends on key '" + key.name()
          + "', which belongs to flow '" + key.flow() + "', not to '" + flow + "' nor to a flow"
          + " it included; " + OWN_KEYS);
    }
    if (keys.get(key.name()) != key) {
      throw new GraphException("task '" + task + "' depends on key '" + key.name()
          + "' of flow '" + flow + "', which this FlowBuilder did not return (it comes from"
          + " another builder or from Key.of); " + OWN_KEYS);
    }
  }

  private static boolean contains(Key<?>[] keys, int count, Key<?> key) {
    for (int i = 0; i < count; i++) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  private static String clash(String task, String first, String second) {
    return "task '" + task + "' is declared by flow '" + first + "' and by flow '" + second
        + "'; the tasks of joined flows need distinct names, since an input of one flow is"
        + " bound to the task of its name in another: rename one of them";
  }

  private static String article(String kind) {
    return (kind.startsWith("i") ? "an " : "a ") + kind;
  }
}
