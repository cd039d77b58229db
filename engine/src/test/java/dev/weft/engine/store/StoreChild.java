package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A second OS process for {@link DiskStoreProcessTest}: opens a store on a shared directory and
 * writes and reads it. Reports on standard output; exits with 1 on anything wrong.
 *
 * <ul>
 *   <li>{@code hammer <dir> <index> <go-file>}: says "ready", waits for the go file, then writes
 *       and reads {@link #KEYS} keys (in an order of its own), several rounds, checking every
 *       value it reads; ends with {@code summary <hash of all key → digest pairs> ...}.
 *   <li>{@code bigwriter <dir>} and {@code pausingwriter <dir>}: write 32 MiB values 0, 1, 2, …,
 *       even ones streamed, odd ones as arrays, saying {@code stored <i>} after each. The pausing
 *       one stops half way through value 2, says {@code half}, and waits to be killed.
 * </ul>
 */
public final class StoreChild {
  static final int KEYS = 40;
  static final int ROUNDS = 3;
  static final int BIG = 32 << 20;

  private StoreChild() {}

  /** Runs one of the modes above. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "hammer" -> hammer(dir, Integer.parseInt(args[2]), Path.of(args[3]));
      case "bigwriter" -> bigWriter(dir, false);
      case "pausingwriter" -> bigWriter(dir, true);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** The value for key {@code i} in the hammer: mostly small, every eighth one over 1 MiB. */
  static byte[] hammerValue(int i) {
    return TestValues.value(i, i % 8 == 0 ? (1 << 20) + i : 1000 + (i * 997) % 50_000);
  }

  static HashCode hammerKey(int i) {
    return TestValues.key("hammer-" + i);
  }

  static HashCode bigKey(int i) {
    return TestValues.key("big-" + i);
  }

  /** The summary every hammer must report: computed from the values, without a store. */
  static HashCode expectedSummary() {
    Hasher summary = Hashing.murmur3_128().newHasher();
    for (int i = 0; i < KEYS; i++) {
      summary.putInt(i).putBytes(TestValues.digest(hammerValue(i)).asBytes());
    }
    return summary.hash();
  }

  /** What {@code summary} hashes: every key's index and digest as read back, in order. */
  private static HashCode summary(DiskStore store) {
    Hasher summary = Hashing.murmur3_128().newHasher();
    for (int i = 0; i < KEYS; i++) {
      HashCode digest = store.action(hammerKey(i)).orElseThrow(
          () -> new AssertionError("no action entry for a key this process wrote"));
      check(digest, store.content(digest), hammerValue(i));
      summary.putInt(i).putBytes(digest.asBytes());
    }
    return summary.hash();
  }

  private static void hammer(Path dir, int index, Path go) throws Exception {
    try (DiskStore store = DiskStore.open(dir)) {
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(go)) {
        Thread.sleep(2);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int j = 0; j < KEYS; j++) {
          int i = (j + index * 13) % KEYS;
          byte[] value = hammerValue(i);
          PutResult put = i % 3 == 0 ? stream(store, value, 64 * 1024, false) : store.putContent(value);
          if (!put.stored() || !store.putAction(hammerKey(i), put.digest())) {
            fail("could not store key " + i);
          }
          int other = (i * 7 + 3) % KEYS; // perhaps written by another process by now
          Optional<HashCode> digest = store.action(hammerKey(other));
          if (digest.isPresent()) {
            check(digest.get(), store.content(digest.get()), hammerValue(other));
          }
        }
      }
      HashCode summary = summary(store);
      Stats stats = store.stats();
      System.out.println("summary " + summary + " failures=" + stats.storeFailures()
          + " quarantined=" + stats.quarantined());
    } catch (Throwable t) {
      fail(t.toString());
    }
  }

  private static void bigWriter(Path dir, boolean pause) throws Exception {
    try (DiskStore store = DiskStore.open(dir)) {
      for (int i = 0; ; i++) {
        byte[] value = TestValues.value(i, BIG);
        PutResult put = i % 2 == 0
            ? stream(store, value, 1 << 20, pause && i == 2)
            : store.putContent(value);
        if (!put.stored() || !store.putAction(bigKey(i), put.digest())) {
          fail("could not store value " + i);
        }
        System.out.println("stored " + i);
        System.out.flush();
      }
    }
  }

  private static PutResult stream(DiskStore store, byte[] value, int chunk, boolean pauseHalfWay)
      throws IOException {
    try (ContentWriter writer = store.openContentWriter()) {
      for (int at = 0; at < value.length; at += chunk) {
        if (pauseHalfWay && at >= value.length / 2) {
          writer.flush();
          System.out.println("half");
          System.out.flush();
          System.in.read(); // killed while here
          pauseHalfWay = false;
        }
        writer.write(value, at, Math.min(chunk, value.length - at));
      }
      return writer.commit();
    }
  }

  private static void check(HashCode digest, Optional<byte[]> content, byte[] expected) {
    if (content.isEmpty()) {
      fail("content " + digest + " is missing");
    }
    if (!Arrays.equals(content.get(), expected)) {
      fail("content " + digest + " differs from the value written");
    }
  }

  private static void fail(String message) {
    System.out.println("ERROR " + message);
    System.out.flush();
    System.exit(1);
  }
}
