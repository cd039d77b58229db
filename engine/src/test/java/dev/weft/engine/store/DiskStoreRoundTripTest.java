package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.weft.engine.store.TestValues.digest;
import static dev.weft.engine.store.TestValues.entryFile;
import static dev.weft.engine.store.TestValues.key;
import static dev.weft.engine.store.TestValues.value;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Values and action entries come back as they were stored, whatever their size. */
@Timeout(60)
class DiskStoreRoundTripTest {
  @TempDir Path dir;

  @Test
  void actionAndContent_roundTrip() throws IOException {
    byte[] value = value(1, 5_000);
    try (DiskStore store = DiskStore.open(dir)) {
      PutResult put = store.putContent(value);
      assertThat(put).isEqualTo(new PutResult(digest(value), true));
      assertThat(store.putAction(key("a"), put.digest())).isTrue();

      assertThat(store.action(key("a"))).hasValue(digest(value));
      assertThat(store.content(digest(value)).orElseThrow()).isEqualTo(value);
      assertThat(store.hasContent(digest(value))).isTrue();
    }
    try (DiskStore reopened = DiskStore.open(dir)) {
      assertThat(reopened.action(key("a"))).hasValue(digest(value));
      assertThat(reopened.content(digest(value)).orElseThrow()).isEqualTo(value);
    }
  }

  @Test
  void emptyValue_roundTrips() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      PutResult put = store.putContent(new byte[0]);
      assertThat(put.stored()).isTrue();
      assertThat(put.digest()).isEqualTo(Hashing.murmur3_128().hashBytes(new byte[0]));
      assertThat(store.content(put.digest()).orElseThrow()).isEmpty();
      assertThat(Files.size(entryFile(dir, "cas", put.digest()))).isEqualTo(48);
    }
  }

  @Test
  void value64MiB_roundTrips_asArrayAndStreamed() throws IOException {
    byte[] value = value(64, 64 << 20);
    try (DiskStore store = DiskStore.open(dir)) {
      PutResult put = store.putContent(value);
      assertThat(put).isEqualTo(new PutResult(digest(value), true));
      assertWithMessage("64 MiB read back")
          .that(Arrays.equals(store.content(put.digest()).orElseThrow(), value)).isTrue();

      store.clear();
      PutResult streamed;
      try (ContentWriter writer = store.openContentWriter()) {
        SplittableRandom random = new SplittableRandom(7);
        for (int at = 0; at < value.length; ) { // odd-sized pieces, some past the buffer
          int piece = Math.min(random.nextInt(1, 700_000), value.length - at);
          writer.write(value, at, piece);
          at += piece;
        }
        streamed = writer.commit();
      }
      assertThat(streamed).isEqualTo(put);
      assertWithMessage("64 MiB streamed and read back")
          .that(Arrays.equals(store.content(put.digest()).orElseThrow(), value)).isTrue();
    }
  }

  @Test
  void streamedByteByByte_equalsPutContent() throws IOException {
    byte[] value = value(3, 300_000);
    try (DiskStore store = DiskStore.open(dir)) {
      PutResult streamed;
      try (ContentWriter writer = store.openContentWriter()) {
        for (byte b : value) {
          writer.write(b);
        }
        streamed = writer.commit();
      }
      assertThat(streamed).isEqualTo(new PutResult(digest(value), true));
      assertThat(store.content(streamed.digest()).orElseThrow()).isEqualTo(value);
    }
  }

  @Test
  void writerClosedWithoutCommit_leavesNothing() throws IOException {
    // Gradle's "does not store partial result": a serializer that fails half way.
    try (DiskStore store = DiskStore.open(dir)) {
      IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
        try (ContentWriter writer = store.openContentWriter()) {
          writer.write(value(4, 2 << 20));
          throw new IllegalStateException("Simulated serialization failure");
        }
      });
      assertThat(failure).hasMessageThat().isEqualTo("Simulated serialization failure");
      assertThat(store.stats().entries()).isEqualTo(0);
      assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
      assertThat(store.stats().storeFailures()).isEqualTo(0);
    }
  }

  @Test
  void sameContentTwice_isWrittenOnce() throws IOException {
    byte[] value = value(5, 10_000);
    try (DiskStore store = DiskStore.open(dir)) {
      store.putContent(value);
      Path file = entryFile(dir, "cas", digest(value));
      Object identity = Files.readAttributes(file,
          java.nio.file.attribute.BasicFileAttributes.class).fileKey();

      assertThat(store.putContent(value)).isEqualTo(new PutResult(digest(value), true));

      assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey()).isEqualTo(identity);
    }
  }

  @Test
  void missingEntries_andActionWithoutContent_areMisses() throws IOException {
    try (DiskStore store = DiskStore.open(dir)) {
      HashCode neverStored = digest(value(6, 100));
      assertThat(store.action(key("nothing"))).isEmpty();
      assertThat(store.content(neverStored)).isEmpty();
      assertThat(store.hasContent(neverStored)).isFalse();

      assertThat(store.putAction(key("dangling"), neverStored)).isTrue();
      assertThat(store.action(key("dangling"))).isEmpty();

      Stats stats = store.stats();
      assertThat(stats.actionMisses()).isEqualTo(2);
      assertThat(stats.contentMisses()).isEqualTo(1);
      assertThat(stats.quarantined()).isEqualTo(0);
    }
  }

  @Test
  void stats_countHitsMissesEntriesAndBytes() throws IOException {
    byte[] value = value(7, 1_000);
    try (DiskStore store = DiskStore.open(dir)) {
      HashCode d = store.putContent(value).digest();
      store.putAction(key("k"), d);
      store.action(key("k"));
      store.action(key("k"));
      store.action(key("other"));
      store.content(d);

      assertThat(store.stats()).isEqualTo(new Stats(2, 1, 1, 0, 2, (48 + 16) + (48 + 1_000), 0, 0));
    }
  }

  @Test
  void misuse_isRefused() throws IOException {
    DiskStore store = DiskStore.open(dir);
    HashCode shortKey = Hashing.murmur3_32_fixed().hashInt(1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> store.action(shortKey));
    assertThat(e).hasMessageThat().contains("a key must have 128 bits");
    store.close();
    store.close();
    assertThrows(IllegalStateException.class, () -> store.content(digest(new byte[0])));
  }

  static java.util.List<Path> list(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.toList();
    }
  }
}
