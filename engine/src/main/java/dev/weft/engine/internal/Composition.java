package dev.weft.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.GraphException;
import dev.weft.engine.Key;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins flows by name into one: an input of one flow is bound to the task of the same name in
 * another, inputs of the same name in several flows become one input, and every task keeps its
 * own flow's keys. The checks are those of a single flow, across flows: each task name is
 * declared once, a bound input's type accepts the value of the task it is bound to, a shared
 * input has one type that all its declarations accept, and the joined tasks have no cycle.
 *
 * <p>Types are compared as the compiler would compare them, generics included
 * ({@link TypeToken#isSubtypeOf}): a task of type {@code List<Path>} may feed an input declared
 * {@code Collection<Path>}, but not one declared {@code List<String>} or {@code List<Object>}.
 */
final class Composition {

  /** A joined flow's nodes before numbering: inputs, then tasks, as {@link GraphIndex} wants. */
  record Joined(ImmutableList<FlowPart> parts, List<Key<?>> inputs, List<TaskSpec<?>> tasks,
      GraphChecks.Resolved resolved, HashMap<Key<?>, Integer> aliases, BitSet unkeyedInputs,
      ImmutableSet<Key<?>> unkeyedKeys) {}

  private Composition() {}

  /**
   * Joins {@code given}, each part once even if given several times.
   *
   * @throws GraphException if two parts of one name differ, a task name is declared by two
   *     parts, a bound input's type does not accept its task's value, or a shared input's
   *     declarations have types that no one value can have
   */
  static Joined join(String flow, List<FlowPart> given) {
    ImmutableList<FlowPart> parts = distinct(flow, given);

    List<TaskSpec<?>> tasks = new ArrayList<>();
    HashMap<String, Integer> taskByName = new HashMap<>();
    for (FlowPart part : parts) {
      for (TaskSpec<?> task : part.tasks()) {
        Integer earlier = taskByName.putIfAbsent(task.name(), tasks.size());
        if (earlier != null) {
          throw new GraphException("task '" + task.name() + "' is declared by flow '"
              + tasks.get(earlier).key().flow() + "' and by flow '" + task.key().flow()
              + "'; the tasks of joined flows need distinct names, since an input of one flow"
              + " is bound to the task of its name in another: rename one of them");
        }
        tasks.add(task);
      }
    }

    // Every declaration of each input name that no task takes, in order of first declaration.
    LinkedHashMap<String, List<Key<?>>> shared = new LinkedHashMap<>();
    Map<Key<?>, Integer> bound = new HashMap<>();
    ImmutableSet.Builder<Key<?>> unkeyedKeys = ImmutableSet.builder();
    for (FlowPart part : parts) {
      unkeyedKeys.addAll(part.unkeyedInputs());
      for (Key<?> input : part.inputs()) {
        Integer task = taskByName.get(input.name());
        if (task != null) {
          checkBinding(input, tasks.get(task).key());
          bound.put(input, task);
        } else {
          shared.computeIfAbsent(input.name(), name -> new ArrayList<>(1)).add(input);
        }
      }
    }
    ImmutableSet<Key<?>> unkeyed = unkeyedKeys.build();

    List<Key<?>> inputs = new ArrayList<>(shared.size());
    HashMap<Key<?>, Integer> aliases = new HashMap<>();
    BitSet unkeyedInputs = new BitSet();
    for (List<Key<?>> declarations : shared.values()) {
      Key<?> input = narrowest(declarations);
      boolean keyed = false;
      for (Key<?> declaration : declarations) {
        keyed |= !unkeyed.contains(declaration);
        if (!declaration.equals(input)) {
          aliases.put(declaration, inputs.size());
        }
      }
      unkeyedInputs.set(inputs.size(), !keyed);
      inputs.add(input);
    }
    bound.forEach((input, task) -> aliases.put(input, inputs.size() + task));

    HashMap<String, Integer> indexByName =
        new HashMap<>((inputs.size() + tasks.size()) * 4 / 3 + 1);
    for (int i = 0; i < inputs.size(); i++) {
      indexByName.put(inputs.get(i).name(), i);
    }
    taskByName.forEach((name, task) -> indexByName.put(name, inputs.size() + task));
    GraphChecks.Resolved resolved = new GraphChecks.Resolved(
        indexByName, dependencies(flow, inputs, tasks, indexByName, aliases));
    return new Joined(parts, inputs, tasks, resolved, aliases, unkeyedInputs, unkeyed);
  }

  /** How a node of a joined flow is named in a cycle's path: with its flow, which may differ. */
  static String describe(Joined joined, int node) {
    int firstTask = joined.inputs().size();
    Key<?> key = node < firstTask
        ? joined.inputs().get(node) : joined.tasks().get(node - firstTask).key();
    return key.name() + " (flow " + key.flow() + ")";
  }

  private static ImmutableList<FlowPart> distinct(String flow, List<FlowPart> given) {
    Map<FlowPart, Boolean> seen = new IdentityHashMap<>();
    Map<String, FlowPart> byName = new HashMap<>();
    ImmutableList.Builder<FlowPart> parts = ImmutableList.builder();
    for (FlowPart part : given) {
      if (seen.put(part, Boolean.TRUE) != null) {
        continue; // the same flow reached twice, as in a diamond of compositions: joined once
      }
      FlowPart earlier = byName.putIfAbsent(part.name(), part);
      if (earlier != null) {
        throw new GraphException("flow '" + flow + "' joins two different flows named '"
            + part.name() + "' (for example two instances passed to its generated of(...)); the"
            + " tasks of one flow can be joined only once: join one Flow object, or give the"
            + " flows built in code different names");
      }
      parts.add(part);
    }
    return parts.build();
  }

  private static void checkBinding(Key<?> input, Key<?> task) {
    TypeToken<?> taskType = task.type();
    if (taskType.isSubtypeOf(input.type())) {
      return;
    }
    String binding = "input '" + input.name() + "' of flow '" + input.flow()
        + "' is bound to task '" + task.name() + "' of flow '" + task.flow() + "'";
    if (taskType.getRawType() == Object.class) {
      throw new GraphException(binding + ", which was declared without its type (Object), so it"
          + " cannot be checked against the input's type " + input.type() + "; declare the task"
          + " with its type, as in task(\"" + task.name() + "\", new TypeToken<...>() {}, ...)");
    }
    throw new GraphException(binding + ", but the task's type " + taskType
        + " is not a " + input.type() + "; change one of the two types, or rename the input"
        + " or the task if they are not meant to be joined");
  }

  /**
   * Picks, from the declarations of one input by several flows, the one whose type is a subtype
   * of all the others': a value of that type satisfies every declaration.
   */
  private static Key<?> narrowest(List<Key<?>> declarations) {
    Key<?> narrowest = declarations.get(0);
    for (Key<?> declaration : declarations.subList(1, declarations.size())) {
      if (declaration.type().isSubtypeOf(narrowest.type())) {
        narrowest = declaration;
      } else if (!narrowest.type().isSubtypeOf(declaration.type())) {
        throw new GraphException("input '" + declaration.name() + "' is declared by flow '"
            + narrowest.flow() + "' as " + narrowest.type() + " and by flow '"
            + declaration.flow() + "' as " + declaration.type() + "; joined flows share an"
            + " input of one name, so no one value can be both: declare it with the same type in"
            + " both flows, or rename one of the inputs");
      }
    }
    return narrowest;
  }

  private static Csr dependencies(String flow, List<Key<?>> inputs, List<TaskSpec<?>> tasks,
      HashMap<String, Integer> indexByName, HashMap<Key<?>, Integer> aliases) {
    int nodes = inputs.size() + tasks.size();
    int edges = 0;
    for (TaskSpec<?> task : tasks) {
      edges += task.dependencies().size();
    }
    int[] start = new int[nodes + 1];
    int[] targets = new int[edges];
    int edge = 0;
    for (int node = 0; node < nodes; node++) {
      start[node] = edge;
      if (node >= inputs.size()) {
        TaskSpec<?> task = tasks.get(node - inputs.size());
        for (Key<?> dependency : task.dependencies()) {
          targets[edge++] = node(flow, task, dependency, inputs, tasks, indexByName, aliases);
        }
      }
    }
    start[nodes] = edge;
    return new Csr(start, targets);
  }

  private static int node(String flow, TaskSpec<?> task, Key<?> dependency, List<Key<?>> inputs,
      List<TaskSpec<?>> tasks, HashMap<String, Integer> indexByName,
      HashMap<Key<?>, Integer> aliases) {
    Integer node = indexByName.get(dependency.name());
    if (node != null) {
      Key<?> key = node < inputs.size()
          ? inputs.get(node) : tasks.get(node - inputs.size()).key();
      if (key.equals(dependency) || node.equals(aliases.get(dependency))) {
        return node;
      }
    }
    throw new GraphException("task '" + task.name() + "' of flow '" + task.key().flow()
        + "' depends on '" + dependency.name() + "' of flow '" + dependency.flow()
        + "', which flow '" + flow + "' does not join; include or compose that flow too");
  }
}
