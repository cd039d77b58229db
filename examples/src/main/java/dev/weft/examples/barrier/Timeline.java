package dev.weft.examples.barrier;

import dev.weft.engine.RunListener;
import dev.weft.engine.TaskOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RunListener} that notes when each task of a run started and finished, in nanoseconds
 * since the run started: the evidence that the branches overlapped and that the join came after
 * them. For one run at a time.
 */
final class Timeline implements RunListener {
  /** When a task started and finished, in nanoseconds since the run started; -1 if it did not. */
  record Span(long startNanos, long endNanos) {}

  private volatile long runStart = System.nanoTime();
  private final Map<String, Long> starts = new ConcurrentHashMap<>();
  private final Map<String, Long> ends = new ConcurrentHashMap<>();

  @Override
  public void runStarted(String flow, int tasks) {
    runStart = System.nanoTime();
  }

  @Override
  public void taskStarted(String task) {
    starts.put(task, System.nanoTime() - runStart);
  }

  @Override
  public void taskFinished(TaskOutcome outcome) {
    ends.put(outcome.name(), System.nanoTime() - runStart);
  }

  /** When {@code task} ran, if it started and finished. */
  Optional<Span> span(String task) {
    Long start = starts.get(task);
    Long end = ends.get(task);
    return start == null || end == null ? Optional.empty() : Optional.of(new Span(start, end));
  }
}
