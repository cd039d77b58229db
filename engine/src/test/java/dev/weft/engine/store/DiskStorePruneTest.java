package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.store.DiskStoreLayoutTest.age;
import static dev.weft.engine.store.TestValues.digest;
import static dev.weft.engine.store.TestValues.entryFile;
import static dev.weft.engine.store.TestValues.key;
import static dev.weft.engine.store.TestValues.value;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clear() and prune(maxBytes): LRU order by modification time, and safety for other users. */
@Timeout(60)
class DiskStorePruneTest {
  private static final int SIZE = 10_000;
  private static final long CONTENT_FILE = 48 + SIZE;
  private static final long ACTION_FILE = 48 + 16;

  @TempDir Path dir;

  @Test
  void prune_removesLeastRecentlyUsedContentFirst_andTheActionsThatPointedAtIt()
      throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      List<HashCode> digests = putAged(store, 4); // 0 is the oldest, 3 the newest

      long removed = store.prune(3 * (CONTENT_FILE + ACTION_FILE));

      assertThat(removed).isEqualTo(CONTENT_FILE + ACTION_FILE);
      assertThat(store.hasContent(digests.get(0))).isFalse();
      assertThat(Files.exists(entryFile(dir, "ac", key("0")))).isFalse();
      for (int i = 1; i < 4; i++) {
        assertThat(store.hasContent(digests.get(i))).isTrue();
      }
      assertThat(store.stats().bytes()).isEqualTo(3 * (CONTENT_FILE + ACTION_FILE));
    }
  }

  @Test
  void aRead_makesContentRecentlyUsed_soPruneTakesTheNextOldest() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      List<HashCode> digests = putAged(store, 3);
      assertThat(store.content(digests.get(0))).isPresent(); // oldest, until now

      store.prune(2 * (CONTENT_FILE + ACTION_FILE));

      assertThat(store.hasContent(digests.get(0))).isTrue();
      assertThat(store.hasContent(digests.get(1))).isFalse();
      assertThat(store.hasContent(digests.get(2))).isTrue();
    }
  }

  @Test
  void anActionHit_makesItsContentRecentlyUsed() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      List<HashCode> digests = putAged(store, 2);
      assertThat(store.action(key("0"))).hasValue(digests.get(0));

      store.prune(CONTENT_FILE + 2 * ACTION_FILE);

      assertThat(store.hasContent(digests.get(0))).isTrue();
      assertThat(store.hasContent(digests.get(1))).isFalse();
    }
  }

  @Test
  void aRead_movesTheClockOnlyWhenItIsOverAMinuteOld() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      HashCode digest = store.putContent(value(1, SIZE)).digest();
      Path file = entryFile(dir, "cas", digest);

      age(file, Duration.ofSeconds(30));
      Instant recent = Files.getLastModifiedTime(file).toInstant();
      store.content(digest);
      assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(recent);

      age(file, Duration.ofMinutes(2));
      Instant before = Instant.now().minusSeconds(1);
      store.content(digest);
      assertThat(Files.getLastModifiedTime(file).toInstant()).isGreaterThan(before);
    }
  }

  @Test
  void prune_removesActionsWhoseContentIsGone_evenUnderTheLimit() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      store.putAction(key("dangling"), digest(value(9, 10)));
      HashCode kept = store.putContent(value(1, SIZE)).digest();
      store.putAction(key("kept"), kept);

      assertThat(store.prune(Long.MAX_VALUE)).isEqualTo(ACTION_FILE);

      assertThat(Files.exists(entryFile(dir, "ac", key("dangling")))).isFalse();
      assertThat(store.action(key("kept"))).hasValue(kept);
      assertThrows(IllegalArgumentException.class, () -> store.prune(-1));
    }
  }

  @Test
  void clear_removesEverything_otherStoresOnTheDirectoryMiss_andWritesWorkAfter()
      throws IOException {
    try (DiskStore store = DiskStore.open(dir); DiskStore other = DiskStore.open(dir)) {
      List<HashCode> digests = putAged(store, 3);
      Files.write(dir.resolve("v1/quarantine/cas-x.failed"), new byte[1]);
      assertThat(other.content(digests.get(1))).isPresent();

      store.clear();

      assertThat(store.stats().entries()).isEqualTo(0);
      assertThat(other.content(digests.get(1))).isEmpty();
      assertThat(other.action(key("1"))).isEmpty();
      assertThat(DiskStoreRoundTripTest.list(dir.resolve("v1/quarantine"))).isEmpty();
      assertThat(other.stats().quarantined()).isEqualTo(0);
      HashCode again = other.putContent(value(1, SIZE)).digest();
      assertThat(store.content(again)).isPresent();
    }
  }

  @Test
  void pruneAndClear_underAConcurrentReaderAndWriter_causeOnlyMisses() throws Exception {
    int count = 30;
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(value(i, 4_000 + i));
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> problem = new AtomicReference<>();
    AtomicLong hits = new AtomicLong();
    AtomicLong misses = new AtomicLong();
    CountDownLatch reading = new CountDownLatch(1);
    try (DiskStore store = DiskStore.open(dir); DiskStore user = DiskStore.open(dir)) {
      Thread reader = new Thread(() -> {
        try {
          while (!stop.get()) {
            for (int i = 0; i < count; i++) {
              Optional<HashCode> digest = user.action(key("" + i));
              Optional<byte[]> read = user.content(digest(values.get(i)));
              if (read.isPresent() && !Arrays.equals(read.get(), values.get(i))) {
                throw new AssertionError("read wrong bytes for value " + i);
              }
              if (digest.isPresent() && !digest.get().equals(digest(values.get(i)))) {
                throw new AssertionError("read a wrong digest for key " + i);
              }
              (read.isPresent() ? hits : misses).incrementAndGet();
              if (i % 5 == 0) { // and write some back, as a process sharing the cache would
                user.putAction(key("" + i), user.putContent(values.get(i)).digest());
              }
            }
            reading.countDown();
          }
        } catch (Throwable t) {
          problem.set(t);
          reading.countDown();
        }
      });
      reader.start();
      for (int round = 0; round < 12; round++) {
        for (int i = 0; i < count; i++) {
          store.putAction(key("" + i), store.putContent(values.get(i)).digest());
        }
        reading.await(10, TimeUnit.SECONDS);
        if (round % 3 == 2) {
          store.clear();
        } else {
          store.prune(round % 2 == 0 ? 0 : 10 * (4_100 + 48 + ACTION_FILE));
        }
      }
      stop.set(true);
      reader.join();

      assertThat(problem.get()).isNull();
      assertThat(hits.get()).isGreaterThan(0);
      assertThat(misses.get()).isGreaterThan(0);
      Stats stats = user.stats();
      assertThat(stats.quarantined()).isEqualTo(0); // a removed entry is a miss, not damage
      assertThat(stats.storeFailures()).isEqualTo(0);
      assertThat(store.stats().quarantined()).isEqualTo(0);
      assertThat(store.prune(0)).isAtLeast(0L);
      assertThat(store.stats().entries()).isEqualTo(0);
    }
  }

  /** Stores {@code n} values with actions, the i-th last used i hours after the 0-th. */
  private List<HashCode> putAged(DiskStore store, int n) throws IOException {
    List<HashCode> digests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HashCode digest = store.putContent(value(i, SIZE)).digest();
      store.putAction(key("" + i), digest);
      age(entryFile(dir, "cas", digest), Duration.ofHours(10 - i));
      age(entryFile(dir, "ac", key("" + i)), Duration.ofHours(10 - i));
      digests.add(digest);
    }
    return digests;
  }
}
