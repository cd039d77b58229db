package dev.weft.examples.gather;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A semaphore whose {@code acquire} is a future, so that waiting for a permit blocks no thread:
 * {@link #run} starts an asynchronous action at once if a permit is free, else queues it, and
 * starts the oldest queued action when a running one completes.
 *
 * <p>{@link PageFetcher} caps its requests in flight with it. A {@link Semaphore} would cap them
 * too, but its {@code acquire} parks the caller: a worker thread would wait on it for the requests
 * ahead to be answered — with one worker, the whole engine waits — which is what returning
 * futures from tasks avoids.
 */
final class Permits {
  private final int max;
  private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int running;

  /** Permits for {@code max} actions at once. */
  Permits(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be 1 or more, not " + max);
    }
    this.max = max;
  }

  /** How many actions may run at once. */
  int max() {
    return max;
  }

  /**
   * Starts {@code action} when a permit is free — now, or when an action ahead of it completes —
   * and holds the permit until the future it returns completes. Returns at once.
   */
  <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> action) {
    return acquire().thenCompose(granted -> {
      CompletableFuture<T> started;
      try {
        started = action.get();
      } catch (RuntimeException e) {
        release();
        throw e;
      }
      return started.whenComplete((value, failure) -> release());
    });
  }

  private CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (running < max) {
        running++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> permit = new CompletableFuture<>();
      waiting.add(permit);
      return permit;
    }
  }

  /** Passes the permit to the oldest waiting action, or frees it. */
  private void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    // Started on another thread, not on this one's stack: a run of actions that fail at once
    // would otherwise start one another ever deeper in this call.
    next.completeAsync(() -> null);
  }
}
