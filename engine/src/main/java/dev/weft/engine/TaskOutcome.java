package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one task in one run: whether it executed, came from a cache, failed, was skipped
 * or cancelled, why, and how long it took. Immutable.
 */
public final class TaskOutcome {

  /** How a task's run ended. */
  public enum Status {
    /** The task ran and produced its value. */
    EXECUTED,
    /** The value came from the in-memory cache; the task did not run. */
    MEMORY_HIT,
    /** The value came from the disk cache; the task did not run. */
    DISK_HIT,
    /** The task threw on its last attempt, or exceeded its timeout. */
    FAILED,
    /** The task did not run because a task it depends on failed. */
    SKIPPED,
    /** The run was cancelled, or stopped at another task's failure, before the task finished. */
    CANCELLED;

    /** Whether the task has a value: it executed or came from a cache. */
    public boolean succeeded() {
      return this == EXECUTED || this == MEMORY_HIT || this == DISK_HIT;
    }
  }

  private final String name;
  private final Status status;
  private final String reason;
  private final Duration duration;
  private final int attempts;
  private final @Nullable Throwable failure;

  TaskOutcome(
      String name,
      Status status,
      String reason,
      Duration duration,
      int attempts,
      @Nullable Throwable failure) {
    this.name = requireNonNull(name);
    this.status = requireNonNull(status);
    this.reason = requireNonNull(reason);
    this.duration = requireNonNull(duration);
    this.attempts = attempts;
    this.failure = failure;
  }

  /** The task's name. */
  public String name() {
    return name;
  }

  /** How the task's run ended. */
  public Status status() {
    return status;
  }

  /**
   * Why, in words: for an executed task why it had to run — {@code new}, {@code code changed},
   * {@code input 'top' changed}, {@code upstream 'files' changed}, {@code not in cache} (its
   * entry was evicted, pruned or cleared), {@code not cacheable} (with why, unless it is {@code
   * @Task(cache = false)}), or {@code caching off} for a Weft built with {@code caching(false)};
   * a fan-out task adds how many of its elements came from the cache. For a cache hit, {@code
   * unchanged}; for a failed task what it threw; for a skipped task which upstream failed; for a
   * cancelled task what stopped the run.
   */
  public String reason() {
    return reason;
  }

  /**
   * Wall-clock time from the start of the task's first attempt to its end, retries and their
   * back-off included; zero for a task that never started.
   */
  public Duration duration() {
    return duration;
  }

  /** How many times the task's method was invoked: 0 if it never started, more after retries. */
  public int attempts() {
    return attempts;
  }

  /** What the task threw on its last attempt, for a {@link Status#FAILED} task. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return name + ": " + status + " (" + reason + ", " + duration.toMillis() + " ms"
        + (attempts > 1 ? ", " + attempts + " attempts" : "") + ")";
  }
}
