package dev.weft.engine;

/**
 * Hears what happens in the runs of a {@link Weft}: register one with {@link
 * Weft.Builder#listener(RunListener)}. Every method has an empty default, so a listener overrides
 * only what it needs.
 *
 * <p>Methods are called from the engine's worker threads (and, for tasks returning a
 * {@code CompletableFuture}, from the thread that completes it), concurrently when tasks run in
 * parallel and when several runs are in flight: implementations must be thread-safe and quick,
 * since a slow listener slows the task that called it. An exception thrown by a listener is
 * logged and otherwise ignored; it never fails a task or a run.
 */
public interface RunListener {

  /**
   * A run starts; {@code tasks} of flow {@code flow} are needed for its targets. Called on the
   * thread that started the run, before any of its tasks.
   */
  default void runStarted(String flow, int tasks) {}

  /** Task {@code task} starts its first attempt. */
  default void taskStarted(String task) {}

  /** A task produced its value; {@code outcome} has status {@code EXECUTED}. */
  default void taskFinished(TaskOutcome outcome) {}

  /**
   * A task's value came from a cache; {@code outcome} has status {@code MEMORY_HIT} or {@code
   * DISK_HIT}.
   */
  default void taskCached(TaskOutcome outcome) {}

  /**
   * A task failed for good (after its retries), or was skipped or cancelled; {@code
   * outcome.status()} says which and {@code outcome.failure()} holds what the task threw, if it
   * ran.
   */
  default void taskFailed(TaskOutcome outcome) {}

  /** A run ended, successfully or not; called once, after every event of its tasks. */
  default void runFinished(RunResult result) {}
}
