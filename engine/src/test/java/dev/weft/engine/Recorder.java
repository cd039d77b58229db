package dev.weft.engine;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A listener that records every event, and hands over the {@link RunResult} of a run that threw
 * (runFinished is called with it even when the run fails).
 */
class Recorder implements RunListener {
  final AtomicInteger runsStarted = new AtomicInteger();
  /** The task count that the last runStarted announced. */
  volatile int announcedTasks = -1;
  final AtomicInteger runsFinished = new AtomicInteger();
  final Queue<String> started = new ConcurrentLinkedQueue<>();
  final Queue<TaskOutcome> finished = new ConcurrentLinkedQueue<>();
  final Queue<TaskOutcome> failed = new ConcurrentLinkedQueue<>();
  /** How many task events had arrived when runFinished was called. */
  volatile int eventsBeforeRunFinished = -1;
  private volatile @Nullable RunResult last;
  private final CountDownLatch done = new CountDownLatch(1);

  @Override
  public void runStarted(String flow, int tasks) {
    announcedTasks = tasks;
    runsStarted.incrementAndGet();
  }

  @Override
  public void taskStarted(String task) {
    started.add(task);
  }

  @Override
  public void taskFinished(TaskOutcome outcome) {
    finished.add(outcome);
  }

  @Override
  public void taskFailed(TaskOutcome outcome) {
    failed.add(outcome);
  }

  @Override
  public void runFinished(RunResult result) {
    eventsBeforeRunFinished = events();
    runsFinished.incrementAndGet();
    last = result;
    done.countDown();
  }

  int events() {
    return started.size() + finished.size() + failed.size();
  }

  /** The result of the (first) run, once it has finished. */
  RunResult result() throws Exception {
    Await.latch(done);
    RunResult result = last;
    if (result == null) {
      throw new AssertionError("runFinished had no result");
    }
    return result;
  }

  static List<String> names(Queue<TaskOutcome> outcomes) {
    return outcomes.stream().map(TaskOutcome::name).toList();
  }
}
