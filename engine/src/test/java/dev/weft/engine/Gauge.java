package dev.weft.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the tasks inside a section at once, and the most that ever were. Thread-safe. */
final class Gauge {
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger max = new AtomicInteger();

  void enter() {
    int now = current.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
    // A broken scheduler shows itself more often if a task lingers a little inside the section.
    Thread.yield();
  }

  void exit() {
    current.decrementAndGet();
  }

  int max() {
    return max.get();
  }
}
