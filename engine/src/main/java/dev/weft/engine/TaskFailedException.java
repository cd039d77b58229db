package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A task of a run failed: it threw on its last attempt, or exceeded its timeout. {@link #task()}
 * names it, {@link #getCause()} is what it threw, and the message shows the path by which the
 * failed task was needed, from it to the requested target: {@code task 'files' failed:
 * NoSuchFileException: docs (needed by files -> counts -> total)}.
 *
 * <p>It is unchecked, like the failures of {@code CompletableFuture.join()}: the caller decides
 * where to handle the failures of a whole graph of tasks.
 */
public class TaskFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String task;
  private final ImmutableList<String> path;

  /**
   * Creates an exception for the failure of {@code task}.
   *
   * @param task the name of the task that failed
   * @param path the task names from the failed task to the target that needed it, both included
   * @param message what the task did wrong, without the path
   * @param cause what the task threw
   */
  public TaskFailedException(String task, List<String> path, String message, Throwable cause) {
    super(message + (path.size() > 1 ? " (needed by " + describe(path) + ")" : ""), cause);
    this.task = requireNonNull(task);
    this.path = ImmutableList.copyOf(path);
  }

  /** The path as the message shows it: its middle elided when it is long. */
  private static String describe(List<String> path) {
    if (path.size() <= 12) {
      return String.join(" -> ", path);
    }
    return String.join(" -> ", path.subList(0, 5)) + " -> … " + (path.size() - 10)
        + " more … -> " + String.join(" -> ", path.subList(path.size() - 5, path.size()));
  }

  /** The name of the task that failed. */
  public String task() {
    return task;
  }

  /**
   * The names of the tasks from the failed task to the requested target that needed it, both
   * included; just the failed task when it was itself a target.
   */
  public List<String> path() {
    return path;
  }
}
