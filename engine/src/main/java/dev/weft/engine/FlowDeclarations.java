package dev.weft.engine;

import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
      + " or task(...) of the same FlowBuilder";

  private final String flow;
  private final FlowGraph.Builder graph;
  // Every key handed out, by name: the one per-task map the builder pays for. Dependencies are
  // matched by identity through it, because a key of another builder of a flow of the same name
  // is equal to ours when its name and type are, and would silently read our task's value.
  private final HashMap<String, Key<?>> keys = new HashMap<>();
  private final Set<String> inputs = new HashSet<>();

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

  /** Returns the flow of everything declared, which the checks here leave nothing to reject. */
  Flow build() {
    return graph.build();
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
      throw new GraphException("task '" + task + "' depends on key '" + key.name()
          + "', which belongs to flow '" + key.flow() + "', not to '" + flow + "'; " + OWN_KEYS);
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

  private static String article(String kind) {
    return (kind.startsWith("i") ? "an " : "a ") + kind;
  }
}
