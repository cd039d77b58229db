package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.weft.engine.store.DiskStoreLayoutTest.age;
import static dev.weft.engine.store.DiskStoreRoundTripTest.list;
import static dev.weft.engine.store.TestValues.digest;

import com.google.common.hash.HashCode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several OS processes share one store directory; one killed mid-write leaves nothing wrong. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskStoreProcessTest {
  /** A copy of this package's classes, first on the children's class path (see below). */
  @TempDir static Path classes;

  @TempDir Path temp;

  @BeforeAll
  static void snapshotClasses() throws Exception {
    // Children load classes lazily from target/, and in a shared checkout a concurrent
    // `mvn compile` rewrites it under them (seen: NoClassDefFoundError in a child). A copy taken
    // now, while the classes are whole, leaves them only the moment of copying to lose.
    for (Class<?> type : List.of(DiskStore.class, StoreChild.class)) {
      Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path source = root.resolve("dev/weft/engine/store");
      if (!Files.isDirectory(source)) {
        continue; // in a jar, which no build rewrites file by file
      }
      Path target = Files.createDirectories(classes.resolve("dev/weft/engine/store"));
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.copy(file, target.resolve(file.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void threeProcesses_writingAndReadingTheSameKeys_allSucceed_withEqualResults()
      throws Exception {
    Path dir = temp.resolve("cache");
    Path go = temp.resolve("go");
    List<Child> children = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        children.add(Child.start(temp, "hammer", dir.toString(), "" + i, go.toString()));
      }
      for (Child child : children) {
        child.awaitLine("ready");
      }
      Files.createFile(go); // all three start together, so their writes overlap

      String expected = "summary " + StoreChild.expectedSummary() + " failures=0 quarantined=0";
      for (Child child : children) {
        assertWithMessage(child.describe()).that(child.finish()).containsExactly(expected);
      }
    } finally {
      children.forEach(Child::close);
    }
    try (DiskStore store = DiskStore.open(dir)) {
      for (int i = 0; i < StoreChild.KEYS; i++) {
        byte[] value = StoreChild.hammerValue(i);
        assertThat(store.action(StoreChild.hammerKey(i))).hasValue(digest(value));
        assertThat(store.content(digest(value)).orElseThrow()).isEqualTo(value);
      }
      assertThat(store.stats().entries()).isEqualTo(2 * StoreChild.KEYS);
      assertThat(store.stats().quarantined()).isEqualTo(0);
      assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
    }
  }

  @Test
  void aProcessKilledHalfWayThroughAWrite_leavesOnlyATempFile_thatALaterOpenSweeps()
      throws Exception {
    Path dir = temp.resolve("cache");
    try (Child child = Child.start(temp, "pausingwriter", dir.toString())) {
      child.awaitLine("stored 0");
      child.awaitLine("stored 1");
      child.awaitLine("half"); // 16 of value 2's 32 MiB are in its temporary file
      child.kill();
    }
    List<Path> leftovers = list(dir.resolve("v1/tmp"));
    assertThat(leftovers).hasSize(1);
    assertThat(Files.size(leftovers.get(0))).isAtLeast((long) StoreChild.BIG / 2);

    assertOnlyVerifiedEntries(dir, 2);
    try (DiskStore store = DiskStore.open(dir)) {
      byte[] unfinished = TestValues.value(2, StoreChild.BIG);
      assertThat(store.action(StoreChild.bigKey(2))).isEmpty();
      assertThat(store.content(digest(unfinished))).isEmpty();
    }

    age(leftovers.get(0), Duration.ofHours(2));
    DiskStore.open(dir).close();
    assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
  }

  @Test
  void aProcessKilledAtARandomMomentOfItsWrites_neverLeavesAWrongEntry() throws Exception {
    Path dir = temp.resolve("cache");
    long delay = ThreadLocalRandom.current().nextLong(400);
    try (Child child = Child.start(temp, "bigwriter", dir.toString())) {
      child.awaitLine("stored 0");
      Thread.sleep(delay);
      child.kill();
    }
    int stored = assertOnlyVerifiedEntries(dir, -1);
    assertWithMessage("killed %s ms after the first value was stored", delay)
        .that(stored).isAtLeast(1);

    for (Path leftover : list(dir.resolve("v1/tmp"))) {
      age(leftover, Duration.ofHours(2));
    }
    DiskStore.open(dir).close();
    assertThat(list(dir.resolve("v1/tmp"))).isEmpty();
  }

  /**
   * Reads every content entry in a new store on {@code dir} and checks it against the value its
   * first bytes name, computed afresh — so that an entry that passed the store's own checks but
   * held the wrong bytes would still be caught. Returns how many there were (checked against
   * {@code expected} unless it is negative).
   */
  private static int assertOnlyVerifiedEntries(Path dir, int expected) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir.resolve("v1/cas"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    if (expected >= 0) {
      assertThat(files).hasSize(expected);
    }
    try (DiskStore store = DiskStore.open(dir)) {
      for (Path file : files) {
        HashCode digest = HashCode.fromString(file.getFileName().toString());
        byte[] content = store.content(digest).orElseThrow(
            () -> new AssertionError("entry " + file + " does not read back"));
        int seed = TestValues.seedOf(content);
        assertWithMessage("entry %s holds value %s", file, seed)
            .that(Arrays.equals(content, TestValues.value(seed, StoreChild.BIG))).isTrue();
        assertThat(store.action(StoreChild.bigKey(seed))).isAnyOf(Optional.of(digest),
            Optional.empty()); // the kill may have come between the content and its action
      }
      assertThat(store.stats().quarantined()).isEqualTo(0);
    }
    return files.size();
  }

  /** A child JVM running {@link StoreChild}, with its standard error kept in a file. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path err;
    private final List<String> seen = new ArrayList<>();

    private Child(Process process, Path err) {
      this.process = process;
      this.out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.err = err;
    }

    static Child start(Path temp, String... args) throws IOException {
      Path err = Files.createTempFile(temp, "child-", ".err");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:+UseSerialGC",
          "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
          StoreChild.class.getName()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      return new Child(process, err);
    }

    /** Reads lines until {@code expected}; fails if the child ends first. */
    void awaitLine(String expected) throws IOException {
      for (String line = out.readLine(); ; line = out.readLine()) {
        if (line == null) {
          throw new AssertionError("child ended before saying '" + expected + "'; "
              + describe());
        }
        seen.add(line);
        if (line.equals(expected)) {
          return;
        }
      }
    }

    /** Waits for the child to exit normally; returns the lines it printed since the last read. */
    List<String> finish() throws Exception {
      List<String> rest = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        rest.add(line);
        seen.add(line);
      }
      assertWithMessage(describe()).that(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertWithMessage(describe()).that(process.exitValue()).isEqualTo(0);
      return rest;
    }

    /** Kills the child as {@code kill -9} would, and waits until it is gone. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    String describe() {
      String errors;
      try {
        errors = Files.readString(err);
      } catch (IOException e) {
        errors = e.toString();
      }
      return "child output " + seen + ", standard error:\n" + errors;
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
