package dev.weft.engine.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.Graph;
import dev.weft.engine.Flow;
import dev.weft.engine.GraphException;
import dev.weft.engine.Key;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link Flow}: a validated graph of inputs and {@link TaskSpec tasks}.
 * Generated {@code …Flow.of(...)} methods build it with {@link #builder}; the engine reads it
 * through the accessors here. Immutable and safe to share between threads and runs.
 */
public final class FlowGraph implements Flow {

  private final String name;
  private final ImmutableList<FlowPart> parts;
  private final GraphIndex index;
  private final ImmutableSet<Key<?>> inputs;
  // By input node: an input that no task reading it keys on (declared @Input(key = false)).
  private final BitSet unkeyedInputs;
  // By declared key: what each reader's own flow declared, for the keys of that reader.
  private final ImmutableSet<Key<?>> unkeyedKeys;
  private final KeyGraph graph;

  private FlowGraph(String name, ImmutableList<FlowPart> parts, GraphIndex index,
      BitSet unkeyedInputs, ImmutableSet<Key<?>> unkeyedKeys) {
    this.name = name;
    this.parts = parts;
    this.index = index;
    this.inputs = ImmutableSet.copyOf(index.nodes().subList(0, index.inputCount()));
    this.unkeyedInputs = unkeyedInputs;
    this.unkeyedKeys = unkeyedKeys;
    this.graph = new KeyGraph(index);
  }

  /**
   * Starts a flow called {@code name} whose task methods {@code owner} declares. Declare its
   * inputs and then its tasks, each in declaration order, and call {@link Builder#build()}.
   *
   * @param name the flow's name, normally the owner's fully qualified name; every key of the
   *     flow must carry it
   * @param owner the class declaring the task methods, whose bytecode the code fingerprints
   *     read; null for a flow that no class declares
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public static Builder builder(String name, @Nullable Class<?> owner) {
    requireNonNull(name, "name of a flow must not be null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name of a flow must not be empty");
    }
    return new Builder(name, owner);
  }

  /**
   * Joins flows by name into one flow called {@code name}: an input of one part is bound to the
   * task of the same name in another, inputs of one name shared by several parts become one
   * input, and each task keeps its own flow's key, class and cache identity. A part given more
   * than once (two compositions of one flow) is joined once.
   *
   * @throws GraphException if two parts declare a task of one name or differ under one name, a
   *     bound input's type does not accept the value of its task, a shared input has types no
   *     one value can have, or the joined tasks have a cycle (reported as a path naming the
   *     flow of each task)
   */
  public static FlowGraph compose(String name, List<FlowPart> parts) {
    requireNonNull(name, "name of a flow must not be null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name of a flow must not be empty");
    }
    Composition.Joined joined = Composition.join(name, parts);
    GraphIndex index = GraphIndex.number(name, joined.inputs(), joined.tasks(),
        joined.resolved(), joined.aliases(), node -> Composition.describe(joined, node));
    return new FlowGraph(
        name, joined.parts(), index, joined.unkeyedInputs(), joined.unkeyedKeys());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Key<?>> inputs() {
    return inputs;
  }

  @Override
  public List<Key<?>> tasks() {
    return index.nodes().subList(index.inputCount(), index.nodes().size());
  }

  @Override
  public String toDot() {
    return DotExporter.export(this);
  }

  @Override
  public String toMermaid() {
    return MermaidExporter.export(this);
  }

  @Override
  public String toJson() {
    return JsonExporter.export(this);
  }

  /**
   * Returns the class declaring the flow's task methods, if one class declares them all: empty
   * for a flow built in code and for a composed flow, whose tasks have {@link #owner(TaskSpec)
   * owners} of their own.
   */
  public Optional<Class<?>> owner() {
    return parts.size() == 1 ? parts.get(0).owner() : Optional.empty();
  }

  /**
   * Returns the flows this one was joined from, each once: one part, the flow itself, for a flow
   * declared on its own.
   */
  public ImmutableList<FlowPart> parts() {
    return parts;
  }

  /** Returns whether this flow is, or was joined from, the flow called {@code flow}. */
  public boolean joins(String flow) {
    for (FlowPart part : parts) {
      if (part.name().equals(flow)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the class declaring {@code task}'s method, if a class declares it: the owner of the
   * part the task comes from, whose bytecode its code fingerprint reads.
   */
  public Optional<Class<?>> owner(TaskSpec<?> task) {
    if (parts.size() == 1) {
      return parts.get(0).owner();
    }
    String flow = task.key().flow();
    for (FlowPart part : parts) {
      if (part.name().equals(flow)) {
        return part.owner();
      }
    }
    return Optional.empty();
  }

  /** Returns the key of the input called {@code name}, if the flow has one. */
  public Optional<Key<?>> input(String name) {
    int i = index.indexOf(name);
    return i >= 0 && i < index.inputCount() ? Optional.of(index.nodes().get(i)) : Optional.empty();
  }

  /**
   * Returns whether the input called {@code name} is part of cache keys; false for inputs
   * declared {@code @Input(key = false)}, such as clients and connection pools. An input that
   * joined flows share is keyed if any of them declares it keyed; see {@link #keyed(Key)} for
   * what one task's key takes.
   *
   * @throws IllegalArgumentException if the flow has no input of that name
   */
  public boolean inputKeyed(String name) {
    int i = index.indexOf(name);
    if (i < 0 || i >= index.inputCount()) {
      throw new IllegalArgumentException("flow '" + this.name + "' has no input '" + name + "'");
    }
    return !unkeyedInputs.get(i);
  }

  /**
   * Returns whether the keys of a task reading the input {@code input}, a key its own flow
   * declared, include the input's value: false if that flow declared it
   * {@code @Input(key = false)}.
   */
  public boolean keyed(Key<?> input) {
    return unkeyedKeys.isEmpty() || !unkeyedKeys.contains(input);
  }

  /** Returns the task called {@code name}, if the flow has one. */
  public Optional<TaskSpec<?>> task(String name) {
    int i = index.indexOf(name);
    return i >= index.inputCount()
        ? Optional.of(index.tasks().get(i - index.inputCount())) : Optional.empty();
  }

  /** Returns the flow's tasks in the order of {@link #tasks()}: topological, ties as declared. */
  public List<TaskSpec<?>> taskSpecs() {
    return index.tasks();
  }

  /**
   * Returns the flow as a Guava graph of input and task keys, with an edge from each dependency
   * to the task reading it: {@code predecessors(task)} are its dependencies and
   * {@code successors(node)} its dependents. The graph is a read-only view, acyclic and without
   * self-loops; its nodes iterate as inputs in declaration order, then tasks in topological order.
   */
  public Graph<Key<?>> graph() {
    return graph;
  }

  /**
   * Returns the number of nodes. Nodes are numbered {@code 0 .. nodeCount() - 1}: the inputs
   * first, in declaration order, then the tasks in topological order, so that every dependency of
   * a node has a smaller number. The scheduler keeps its per-run state in arrays indexed this way.
   */
  public int nodeCount() {
    return index.nodes().size();
  }

  /** Returns the number of inputs: nodes {@code 0 .. inputCount() - 1} are the inputs. */
  public int inputCount() {
    return index.inputCount();
  }

  /** Returns the key of node {@code node}. */
  public Key<?> key(int node) {
    return index.nodes().get(node);
  }

  /**
   * Returns the task of node {@code node}.
   *
   * @throws IndexOutOfBoundsException if the node is an input
   */
  public TaskSpec<?> taskAt(int node) {
    return index.tasks().get(node - index.inputCount());
  }

  /** Returns the number of the node whose key is {@code key}, or -1 if it is not in the flow. */
  public int indexOf(Key<?> key) {
    return index.indexOf(key);
  }

  /** Returns the number of the node called {@code name}, or -1 if there is none. */
  public int indexOf(String name) {
    return index.indexOf(name);
  }

  /** For each node, the nodes it depends on, in the order of {@link TaskSpec#dependencies()}. */
  public Csr dependencies() {
    return index.dependencies();
  }

  /** For each node, the nodes that depend on it, in increasing number. */
  public Csr dependents() {
    return index.dependents();
  }

  /** Package-private: the numbered form, for the exporters. */
  GraphIndex index() {
    return index;
  }

  /** Returns a short description such as {@code FlowGraph{WordStats: 2 inputs, 4 tasks}}. */
  @Override
  public String toString() {
    return "FlowGraph{" + name + ": " + inputs.size() + " inputs, " + index.tasks().size()
        + " tasks}";
  }

  /**
   * Collects a flow's declarations. The checks run in {@link #build()}, so that a flow built in
   * code reports its first problem with the whole flow in view.
   */
  public static final class Builder {

    private final String name;
    private final @Nullable Class<?> owner;
    private final List<Key<?>> inputs = new ArrayList<>();
    private final BitSet unkeyedInputs = new BitSet();
    private final List<TaskSpec<?>> tasks = new ArrayList<>();

    private Builder(String name, @Nullable Class<?> owner) {
      this.name = name;
      this.owner = owner;
    }

    /**
     * Declares an input.
     *
     * @param key the input's key
     * @param keyed whether the input's value is part of the cache keys of the tasks reading it
     */
    public Builder input(Key<?> key, boolean keyed) {
      requireNonNull(key, () -> "key of an input of flow '" + name + "' must not be null");
      unkeyedInputs.set(inputs.size(), !keyed);
      inputs.add(key);
      return this;
    }

    /** Declares a task; tasks are declared in the order their methods appear. */
    public Builder task(TaskSpec<?> spec) {
      tasks.add(requireNonNull(spec, () -> "a task of flow '" + name + "' is null"));
      return this;
    }

    /**
     * Checks the declarations and returns the flow.
     *
     * @throws GraphException if a key belongs to another flow, a name is declared twice, a
     *     dependency is not declared or has another type, a fan-out source is not a collection,
     *     or the tasks have a cycle (reported as a path such as {@code a -> b -> a})
     */
    public FlowGraph build() {
      GraphIndex index = GraphIndex.create(name, List.copyOf(inputs), List.copyOf(tasks));
      ImmutableSet<Key<?>> unkeyed = unkeyedKeys();
      ImmutableList<Key<?>> declared = index.nodes().subList(0, index.inputCount());
      FlowPart part = new FlowPart(name, owner, declared, unkeyed, index.tasks());
      return new FlowGraph(
          name, ImmutableList.of(part), index, (BitSet) unkeyedInputs.clone(), unkeyed);
    }

    /**
     * Returns the declarations as a part to {@linkplain FlowGraph#compose join} with the flows
     * whose keys its tasks read, unchecked: the joined flow's checks cover it.
     */
    public FlowPart part() {
      return new FlowPart(name, owner, ImmutableList.copyOf(inputs), unkeyedKeys(),
          ImmutableList.copyOf(tasks));
    }

    private ImmutableSet<Key<?>> unkeyedKeys() {
      ImmutableSet.Builder<Key<?>> unkeyed = ImmutableSet.builder();
      for (int i = unkeyedInputs.nextSetBit(0); i >= 0; i = unkeyedInputs.nextSetBit(i + 1)) {
        unkeyed.add(inputs.get(i));
      }
      return unkeyed.build();
    }
  }
}
