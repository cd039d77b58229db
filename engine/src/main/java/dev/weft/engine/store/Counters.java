package dev.weft.engine.store;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link DiskStore} has seen since it was opened: hits, misses, quarantined entries and
 * store failures, and the warnings about failures.
 *
 * <p>Every store failure is counted, and the first is logged at once; after that at most one
 * warning per {@link #FAILURE_LOG_INTERVAL_NANOS interval}, saying how many failed since the last
 * one. A full disk would otherwise print two warnings per task, and a run of ten thousand tasks
 * would bury everything else it logs.
 */
final class Counters {
  static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final Logger log = LoggerFactory.getLogger(DiskStore.class);

  final LongAdder actionHits = new LongAdder();
  final LongAdder actionMisses = new LongAdder();
  final LongAdder contentHits = new LongAdder();
  final LongAdder contentMisses = new LongAdder();
  final LongAdder quarantined = new LongAdder();
  final LongAdder storeFailures = new LongAdder();

  private final Object failureLogLock = new Object();
  private long unlogged; // guarded by failureLogLock
  private long nextFailureLogNanos = System.nanoTime(); // guarded by failureLogLock

  /** Counts a failed write and logs it, or leaves it to the next warning's count. */
  void storeFailed(String what, Path file, Exception cause) {
    storeFailures.increment();
    long now = System.nanoTime();
    long earlier;
    synchronized (failureLogLock) {
      if (now - nextFailureLogNanos < 0) {
        unlogged++;
        return;
      }
      nextFailureLogNanos = now + FAILURE_LOG_INTERVAL_NANOS;
      earlier = unlogged;
      unlogged = 0;
    }
    String since = earlier == 0 ? "" : String.format(
        " (%d more store failure%s since the last warning)", earlier, earlier == 1 ? "" : "s");
    log.warn("Could not store {} at {}: {}; it stays uncached{}", what, file, describe(cause),
        since);
  }

  /** An exception as a person reads it: its type when the message alone would be unclear. */
  static String describe(Exception e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isEmpty() ? type : type + ": " + message;
  }

  /** The counters, with the census of entries and bytes taken by the caller. */
  Stats snapshot(long entries, long bytes) {
    return new Stats(actionHits.sum(), actionMisses.sum(), contentHits.sum(),
        contentMisses.sum(), entries, bytes, quarantined.sum(), storeFailures.sum());
  }
}
