package dev.weft.engine;

import dev.weft.engine.TaskOutcome.Status;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * What a run produced: the values of its targets, and a {@link TaskOutcome} for every task the
 * run needed. Outcomes are read from the run's bookkeeping on demand, so a result of a million
 * tasks costs no million objects until they are asked for. Immutable and thread-safe.
 */
public final class RunResult {
  private final Run run;

  RunResult(Run run) {
    this.run = run;
  }

  /** The name of the flow that ran. */
  public String flow() {
    return run.graph.name();
  }

  /**
   * Returns the value of target {@code key}.
   *
   * @throws TaskFailedException if the target failed, or was skipped because a task it depends on
   *     failed (then {@link TaskFailedException#task()} names that task)
   * @throws CancellationException if the run was cancelled or stopped before the target finished
   * @throws IllegalArgumentException if {@code key} is not a task of this flow, or was not a
   *     target of the run (only targets' values are kept)
   */
  @SuppressWarnings("unchecked") // the key's type is its node's value type, by construction
  public <T> T get(Key<T> key) {
    int node = run.graph.indexOf(key);
    if (node < 0) {
      throw new IllegalArgumentException(RunChecks.notInFlow(run.graph, key, "key"));
    }
    if (node < run.graph.inputCount()) {
      throw new IllegalArgumentException("'" + key.name() + "' is an input of flow '"
          + run.graph.name() + "'; its value is the one passed in the run's Inputs");
    }
    if (!run.targets.get(node)) {
      throw new IllegalArgumentException(
          "'" + key.name() + "' was not a target of this run, so its value was not kept; pass"
              + " its key to run(...) among the targets");
    }
    return switch (run.state.get(node)) {
      case Run.EXECUTED -> (T) run.values[node];
      case Run.FAILED -> throw run.failures[node];
      case Run.SKIPPED -> throw run.failures[node];
      default -> throw new CancellationException(
          "task '" + key.name() + "' did not finish: " + run.outcome(node).reason());
    };
  }

  /** An outcome for every task the run needed, in topological order. */
  public List<TaskOutcome> tasks() {
    int[] tasks = run.neededTasks;
    return new AbstractList<>() {
      @Override
      public TaskOutcome get(int index) {
        return run.outcome(tasks[index]);
      }

      @Override
      public int size() {
        return tasks.length;
      }
    };
  }

  /**
   * The outcome of task {@code task}.
   *
   * @throws IllegalArgumentException if the flow has no such task or the run did not need it
   */
  public TaskOutcome outcome(String task) {
    int node = run.graph.indexOf(task);
    if (node < 0) {
      throw new IllegalArgumentException(
          "flow '" + run.graph.name() + "' has no task '" + task + "'");
    }
    if (node < run.graph.inputCount()) {
      throw new IllegalArgumentException("'" + task + "' is an input of flow '"
          + run.graph.name() + "', not a task; inputs have no outcome");
    }
    if (!run.needed.get(node)) {
      throw new IllegalArgumentException(
          "task '" + task + "' was not needed by this run's targets, so it did not run");
    }
    return run.outcome(node);
  }

  /** The outcomes of the tasks that failed, in topological order; empty if none did. */
  public List<TaskOutcome> failures() {
    return tasks().stream().filter(t -> t.status() == Status.FAILED).toList();
  }

  /** Whether every task the run needed has a value: none failed, was skipped or cancelled. */
  public boolean succeeded() {
    for (int node : run.neededTasks) {
      if (run.state.get(node) != Run.EXECUTED) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    int[] counts = new int[Status.values().length];
    for (TaskOutcome outcome : tasks()) {
      counts[outcome.status().ordinal()]++;
    }
    StringBuilder text = new StringBuilder("RunResult{").append(flow()).append(':');
    for (Status status : Status.values()) {
      if (counts[status.ordinal()] > 0) {
        text.append(text.charAt(text.length() - 1) == ':' ? " " : ", ")
            .append(counts[status.ordinal()]).append(' ')
            .append(status.name().toLowerCase(Locale.ROOT));
      }
    }
    return text.append('}').toString();
  }
}
