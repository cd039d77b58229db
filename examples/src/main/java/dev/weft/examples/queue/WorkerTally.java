package dev.weft.examples.queue;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which worker thread ran how many jobs, and how many jobs ran at once at most: what a Python
 * worker process would report on its own. Jobs call {@link #started()} and {@link #finished()}
 * around their work, from any thread.
 *
 * <p>It is an input of the flow that is not part of any cache key ({@code @Input(key = false)}):
 * it watches the jobs, it does not change what they compute.
 */
public final class WorkerTally {
  private final Map<String, LongAdder> jobsByWorker = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  /** A job starts on the calling thread. */
  public void started() {
    jobsByWorker.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder())
        .increment();
    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
  }

  /** The job that the calling thread started has ended. */
  public void finished() {
    running.decrementAndGet();
  }

  /**
   * How many jobs each worker thread started, by thread name, in the order of the workers'
   * numbers ({@code weft-1-worker-2} before {@code weft-1-worker-10}).
   */
  public Map<String, Long> jobsByWorker() {
    Map<String, Long> jobs = new TreeMap<>(
        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    jobsByWorker.forEach((worker, count) -> jobs.put(worker, count.sum()));
    return jobs;
  }

  /** The most jobs that were running at the same time. */
  public int peak() {
    return peak.get();
  }
}
