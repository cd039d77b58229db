package dev.weft.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A run in flight, from {@link Weft#start}: wait for it, cancel it, or compose on its future.
 * Thread-safe.
 */
public final class RunHandle {
  private final Run run;
  private final CompletableFuture<RunResult> future;

  RunHandle(Run run) {
    this.run = run;
    // A future of its own, completed with the run's own exception (copy() would wrap it in a
    // CompletionException, and a cancelled run would not look cancelled).
    this.future = new CompletableFuture<>();
    run.future.whenComplete((result, error) -> {
      if (error == null) {
        future.complete(result);
      } else {
        future.completeExceptionally(error);
      }
    });
    // Cancelling the future handed out cancels the run, as a user of futures expects.
    future.whenComplete((result, error) -> {
      if (future.isCancelled()) {
        cancel();
      }
    });
  }

  /**
   * Waits for the run to end and returns its result.
   *
   * @throws TaskFailedException if a task failed and the Weft does not keep going
   * @throws CancellationException if the run was cancelled
   * @throws InterruptedException if the waiting thread is interrupted; the run goes on
   */
  public RunResult await() throws InterruptedException {
    try {
      return run.future.get();
    } catch (ExecutionException e) {
      throw Weft.rethrow(e.getCause());
    } catch (CancellationException e) {
      // JDK 23 and later wrap the run's own exception in a new one; report the run's.
      RuntimeException cause = run.stopCause();
      throw cause instanceof CancellationException cancelled ? cancelled : e;
    }
  }

  /**
   * Cancels the run: no further task starts, running tasks are interrupted (tasks awaiting a
   * future have it cancelled), and the run's future completes with a {@link
   * CancellationException}. Returns whether this call cancelled it — false if it had already
   * ended or been cancelled.
   */
  public boolean cancel() {
    return run.stop(new CancellationException("run of flow '" + run.graph.name() + "' cancelled"));
  }

  /**
   * The run's result as a future: it completes with the {@link RunResult}, or exceptionally with
   * a {@link TaskFailedException} or a {@link CancellationException}. Cancelling it cancels the
   * run.
   */
  public CompletableFuture<RunResult> future() {
    return future;
  }

  /** Whether the run has ended, successfully or not. */
  public boolean isDone() {
    return run.future.isDone();
  }
}
