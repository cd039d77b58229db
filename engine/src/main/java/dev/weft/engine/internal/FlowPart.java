package dev.weft.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.engine.Key;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One flow as it was declared, before it was joined with others: its name, the class declaring
 * its task methods, its inputs and its tasks. A flow declared on its own has one part; a flow
 * {@linkplain Composition composed} from several has theirs, and keeps them so that each task is
 * still fingerprinted through its own class and keyed by its own flow's name, and so that a
 * composed flow can be joined again.
 *
 * <p>The tasks of a part may read keys of other parts: a {@code FlowBuilder} that included a flow
 * declares tasks reading that flow's keys. Immutable.
 */
public final class FlowPart {

  private final String name;
  private final @Nullable Class<?> owner;
  private final ImmutableList<Key<?>> inputs;
  private final ImmutableSet<Key<?>> unkeyedInputs;
  private final ImmutableList<TaskSpec<?>> tasks;

  FlowPart(String name, @Nullable Class<?> owner, ImmutableList<Key<?>> inputs,
      ImmutableSet<Key<?>> unkeyedInputs, ImmutableList<TaskSpec<?>> tasks) {
    this.name = name;
    this.owner = owner;
    this.inputs = inputs;
    this.unkeyedInputs = unkeyedInputs;
    this.tasks = tasks;
  }

  /** Returns the flow's name, which every key it declares carries. */
  public String name() {
    return name;
  }

  /** Returns the class declaring the part's task methods, if a class declares them. */
  public Optional<Class<?>> owner() {
    return Optional.ofNullable(owner);
  }

  /** Returns the keys of the inputs the part declares, in declaration order. */
  public ImmutableList<Key<?>> inputs() {
    return inputs;
  }

  /** Returns the part's tasks; every task comes after the tasks of this part it reads. */
  public ImmutableList<TaskSpec<?>> tasks() {
    return tasks;
  }

  /**
   * Returns whether {@code input}, one of {@link #inputs()}, is part of the cache keys of the
   * part's tasks reading it: false if it was declared {@code @Input(key = false)}.
   */
  public boolean keyed(Key<?> input) {
    return !unkeyedInputs.contains(input);
  }

  /** Returns the inputs declared {@code @Input(key = false)}. */
  ImmutableSet<Key<?>> unkeyedInputs() {
    return unkeyedInputs;
  }

  @Override
  public String toString() {
    return "FlowPart{" + name + ": " + inputs.size() + " inputs, " + tasks.size() + " tasks}";
  }
}
