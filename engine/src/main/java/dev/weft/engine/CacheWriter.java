package dev.weft.engine;

import com.google.common.hash.HashCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes disk-tier entries on a thread of its own, so that a task's dependents do not wait for
 * its value to be written (each entry is a temporary file, written and renamed).
 *
 * <p>A write is pending from {@link #submit} until it is on disk. Whoever reads a key from disk
 * first {@linkplain #await awaits} the key's pending write, so that this process never misses
 * what it has just computed; management operations and closing {@linkplain #flush flush} every
 * write. When more than {@value #MAX_PENDING_BYTES} bytes are pending, the submitting thread
 * writes itself: a run that produces values faster than the disk takes them is slowed down
 * rather than held in memory. Thread-safe.
 */
final class CacheWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CacheWriter.class);
  static final long MAX_PENDING_BYTES = 64L << 20;

  private final ExecutorService executor;
  private final Map<HashCode, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
  private final AtomicLong pendingBytes = new AtomicLong();

  CacheWriter(String name) {
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Writes the entry of {@code key} ({@code bytes} long) with {@code write}, soon. */
  void submit(HashCode key, long bytes, Runnable write) {
    if (pendingBytes.get() + bytes > MAX_PENDING_BYTES) {
      await(key);
      write.run();
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<Void> earlier = pending.put(key, done);
    pendingBytes.addAndGet(bytes);
    try {
      executor.execute(() -> {
        try {
          if (earlier != null) {
            earlier.join(); // two writes of one key land in order
          }
          write.run();
        } catch (RuntimeException | Error e) { // the store logs its own failures; not this
          log.warn("writing a cache entry failed", e);
        } finally {
          pendingBytes.addAndGet(-bytes);
          pending.remove(key, done);
          done.complete(null);
        }
      });
    } catch (RejectedExecutionException closed) { // the Weft closed: the value is not kept
      pendingBytes.addAndGet(-bytes);
      pending.remove(key, done);
      done.complete(null);
      log.debug("not writing a cache entry: the Weft is closed");
    }
  }

  /** Waits until the pending write of {@code key}, if any, is on disk. */
  void await(HashCode key) {
    CompletableFuture<Void> write = pending.get(key);
    if (write != null) {
      write.join();
    }
  }

  /** Waits until every write submitted so far is on disk. */
  void flush() {
    for (CompletableFuture<Void> write : pending.values()) {
      write.join();
    }
  }

  /** Flushes, then stops the thread. */
  @Override
  public void close() {
    flush();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        log.warn("cache writes still in progress after a minute; closing without them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
