package dev.weft.engine;

import dev.weft.engine.store.DiskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The caches of a {@link Weft}, for inspection and housekeeping: {@code weft.cache()}.
 *
 * <pre>{@code
 * Cache.Stats stats = weft.cache().stats();
 * System.out.println(stats.diskHits() + " values read from disk, " + stats.diskBytes() + " bytes");
 * weft.cache().prune(1L << 30);   // keep at most 1 GiB on disk, least recently used go first
 * }</pre>
 *
 * <p>Every method is safe while runs are in flight, and while other processes use the same cache
 * directory: they see removed entries as misses and compute them again.
 */
public final class Cache {
  private final Memo memo;

  Cache(Memo memo) {
    this.memo = memo;
  }

  /**
   * Statistics of this Weft's caches.
   *
   * @param memoryHits values served from memory (including those another run was computing)
   * @param memoryMisses lookups that found nothing in memory
   * @param diskHits values read from the disk tier
   * @param diskMisses lookups that found nothing usable on disk (absent, damaged or unreadable)
   * @param memoryEntries values in memory now, counting those being computed (an estimate while
   *     runs are in flight)
   * @param memoryBytes what those values weigh: their encoded size plus a fixed overhead each
   * @param diskEntries entry files in the cache directory, whoever wrote them (0 without one)
   * @param diskBytes the total size of those files
   * @param quarantined damaged disk entries found and moved aside, each logged once
   * @param storeFailures writes that failed and values on disk that could not be decoded, each
   *     logged
   */
  public record Stats(
      long memoryHits,
      long memoryMisses,
      long diskHits,
      long diskMisses,
      long memoryEntries,
      long memoryBytes,
      long diskEntries,
      long diskBytes,
      long quarantined,
      long storeFailures) {}

  /**
   * Returns the statistics: counters since this Weft was built, sizes as they are now. Sizing
   * the disk tier lists the cache directory, so it costs a look at every entry file.
   */
  public Stats stats() {
    memo.flush();
    var memory = memo.memory().synchronous();
    long weight = memory.policy().eviction().flatMap(e -> boxed(e.weightedSize())).orElse(0L);
    DiskStore disk = memo.disk();
    dev.weft.engine.store.Stats onDisk = disk == null ? null : disk.stats();
    return new Stats(
        memo.memoryHits.sum(),
        memo.memoryMisses.sum(),
        memo.diskHits.sum(),
        memo.diskMisses.sum(),
        memory.estimatedSize(),
        weight,
        onDisk == null ? 0 : onDisk.entries(),
        onDisk == null ? 0 : onDisk.bytes(),
        onDisk == null ? 0 : onDisk.quarantined(),
        memo.failures.sum() + (onDisk == null ? 0 : onDisk.storeFailures()));
  }

  /**
   * Removes every value from memory and from the cache directory, so that the next run computes
   * everything. Values being computed meanwhile may still be stored.
   *
   * @throws UncheckedIOException if some files could not be removed (after removing all others)
   */
  public void clear() {
    memo.flush();
    memo.clearMemory();
    DiskStore disk = memo.disk();
    if (disk != null) {
      try {
        disk.clear();
      } catch (IOException e) {
        throw new UncheckedIOException("could not clear all of cache directory " + disk.root()
            + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Shrinks the cache directory to at most {@code maxBytes}, removing the least recently used
   * values first (and the entries that pointed at them). The memory tier is bounded by
   * {@link Weft.Builder#memoryCacheBytes} instead and is not affected.
   *
   * @return the number of bytes removed; 0 without a cache directory
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   * @throws UncheckedIOException if some files could not be removed (after removing what it
   *     could)
   */
  public long prune(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, not " + maxBytes);
    }
    DiskStore disk = memo.disk();
    if (disk == null) {
      return 0;
    }
    memo.flush();
    try {
      return disk.prune(maxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prune cache directory " + disk.root() + ": "
          + e.getMessage(), e);
    }
  }

  /** Returns the folder the disk tier keeps its entries in, if there is a disk tier. */
  public Optional<Path> directory() {
    DiskStore disk = memo.disk();
    return disk == null ? Optional.empty() : Optional.of(disk.root());
  }

  private static Optional<Long> boxed(java.util.OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Cache" + stats();
  }
}
