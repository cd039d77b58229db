package dev.weft.engine;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Concurrency limits by tag ({@link Weft.Builder#limit}), shared by every run of one {@link Weft}.
 *
 * <p>A task waiting for permits never holds a worker thread: {@link #acquireOrQueue} either takes
 * all of the task's permits at once and returns {@code true}, or parks the task's start action in
 * a queue and returns {@code false}; {@link #release} hands freed permits to queued tasks, in the
 * order they queued, and starts them. Taking all of a task's permits atomically, under one lock,
 * is what rules out two tasks each holding a permit the other waits for.
 */
final class Limiter {
  private final ImmutableMap<String, Integer> permits;
  private final Map<String, Integer> available;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

  private record Waiter(Collection<String> tags, Runnable start) {}

  Limiter(Map<String, Integer> permits) {
    this.permits = ImmutableMap.copyOf(permits);
    this.available = new HashMap<>(permits);
  }

  /** Whether any of {@code tags} has a configured limit; tasks without one bypass the limiter. */
  boolean limits(Collection<String> tags) {
    if (permits.isEmpty() || tags.isEmpty()) {
      return false;
    }
    for (String tag : tags) {
      if (permits.containsKey(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes a permit of every limited tag in {@code tags} and returns {@code true}; or, when one is
   * not free, queues {@code start} to be run by {@link #release} once they all are, and returns
   * {@code false}.
   */
  boolean acquireOrQueue(Collection<String> tags, Runnable start) {
    synchronized (this) {
      if (tryTake(tags)) {
        return true;
      }
      waiting.add(new Waiter(tags, start));
      return false;
    }
  }

  /** Returns the permits of {@code tags} and starts the queued tasks they now admit. */
  void release(Collection<String> tags) {
    List<Runnable> admitted = new ArrayList<>();
    synchronized (this) {
      for (String tag : tags) {
        available.computeIfPresent(tag, (t, n) -> n + 1);
      }
      // First come, first served, except that a task whose tags are all free may pass one that
      // waits for a busy tag: otherwise one saturated tag would stall every other tag's tasks.
      // The scan stops once every limited tag is exhausted, so a release costs O(1) in the
      // common case instead of a walk over every waiter (quadratic for a large fan-out).
      Set<String> exhausted = new HashSet<>();
      for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (!Collections.disjoint(exhausted, waiter.tags())) {
          continue;
        }
        if (tryTake(waiter.tags())) {
          it.remove();
          admitted.add(waiter.start());
        } else {
          for (String tag : waiter.tags()) {
            if (Integer.valueOf(0).equals(available.get(tag))) {
              exhausted.add(tag);
            }
          }
          if (exhausted.size() == permits.size()) {
            break;
          }
        }
      }
    }
    admitted.forEach(Runnable::run); // outside the lock: starting a task submits it to the pool
  }

  private boolean tryTake(Collection<String> tags) {
    for (String tag : tags) {
      Integer free = available.get(tag);
      if (free != null && free == 0) {
        return false;
      }
    }
    for (String tag : tags) {
      available.computeIfPresent(tag, (t, n) -> n - 1);
    }
    return true;
  }
}
