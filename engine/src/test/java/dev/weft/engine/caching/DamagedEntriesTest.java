package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file of the cache directory damaged — truncated, a bit flipped, emptied — is a miss: the
 * next run recomputes, returns the right values, does not throw, and counts the damaged entries
 * it found as quarantined.
 */
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DamagedEntriesTest {
  private static final int N = 2_000;

  enum Damage {
    TRUNCATED {
      @Override
      void apply(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
    },
    BIT_FLIPPED {
      @Override
      void apply(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
      }
    },
    EMPTIED {
      @Override
      void apply(Path file) throws IOException {
        Files.write(file, new byte[0]);
      }
    };

    abstract void apply(Path file) throws IOException;
  }

  @TempDir Path temp;
  private final CachePipelines.Resume p = new CachePipelines.Resume();
  private final String expected = CachePipelines.expectedReport(N);
  /** The files of a warm cache directory, by path relative to it. */
  private final Map<Path, byte[]> pristine = new LinkedHashMap<>();

  @BeforeEach
  void warmUp() throws IOException {
    Path dir = temp.resolve("pristine");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(Results.executed(result)).containsExactly("numbers", "sum", "report");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        pristine.put(dir.relativize(file), Files.readAllBytes(file));
      }
    }
    assertThat(entryFiles()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void everyEntryDamaged_theNextRunRecomputes_correctly_andQuarantines(Damage damage)
      throws Exception {
    Path dir = restore("all-" + damage);
    for (Path file : entryFiles()) {
      damage.apply(dir.resolve(file));
    }

    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(result.get(p.report)).isEqualTo(expected);
      assertWithMessage("%s", result.tasks()).that(Results.executed(result)).contains("report");
      assertThat(Results.statuses(result).values())
          .containsNoneOf(Status.FAILED, Status.SKIPPED, Status.CANCELLED);
      assertThat(weft.cache().stats().quarantined()).isGreaterThan(0);

      // Every value, read back from this Weft, is right too.
      assertEveryValueIsRight(weft);
    }

    // Later processes converge: each damaged entry they meet is moved aside and written afresh,
    // so within a few runs the target is simply read from disk.
    List<String> later = new ArrayList<>();
    boolean hit = false;
    for (int attempt = 0; attempt < 4 && !hit; attempt++) {
      try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
        RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
        assertThat(result.get(p.report)).isEqualTo(expected);
        later.add(result.tasks().toString());
        hit = result.outcome("report").status() == Status.DISK_HIT;
      }
    }
    assertWithMessage("later runs: %s", later).that(hit).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void eachEntryDamagedAlone_theNextRunIsCorrect_andDoesNotThrow(Damage damage)
      throws Exception {
    int i = 0;
    for (Path file : entryFiles()) {
      Path dir = restore("one-" + damage + "-" + i++);
      damage.apply(dir.resolve(file));
      try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
        RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
        assertWithMessage("%s damaged: %s", file, result.tasks()).that(result.succeeded())
            .isTrue();
        assertThat(result.get(p.report)).isEqualTo(expected);
      }
      try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
        assertEveryValueIsRight(weft); // each entry read, whichever one was damaged
      }
    }
  }

  @Test
  void damagedEntry_readByTheSameWeftAfterAHit_isStillAMissNotACrash() throws Exception {
    Path dir = restore("late");
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      // Damage after the Weft opened the directory: its plan sees entries that then fail to read.
      for (Path file : entryFiles()) {
        if (file.startsWith(Path.of("v1", "cas"))) {
          Damage.BIT_FLIPPED.apply(dir.resolve(file));
        }
      }
      RunResult result = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
      assertThat(result.get(p.report)).isEqualTo(expected);
      assertThat(result.outcome("report").status()).isEqualTo(Status.EXECUTED);
      assertThat(weft.cache().stats().quarantined()).isGreaterThan(0);
    }
  }

  /** Reads each task's value in a run of its own, and checks it. */
  private void assertEveryValueIsRight(Weft weft) {
    RunResult numbers = Results.run(weft, p.flow, Inputs.of(p.n, N), p.numbers);
    assertThat(numbers.get(p.numbers)).isEqualTo(CachePipelines.numbers(N));
    RunResult sum = Results.run(weft, p.flow, Inputs.of(p.n, N), p.sum);
    assertThat(sum.get(p.sum)).isEqualTo(CachePipelines.sum(CachePipelines.numbers(N)));
    RunResult report = Results.run(weft, p.flow, Inputs.of(p.n, N), p.report);
    assertThat(report.get(p.report)).isEqualTo(expected);
  }

  /** The pristine entries under {@code v1/ac} and {@code v1/cas}, relative to the directory. */
  private List<Path> entryFiles() {
    return pristine.keySet().stream()
        .filter(f -> f.startsWith(Path.of("v1", "ac")) || f.startsWith(Path.of("v1", "cas")))
        .toList();
  }

  /** A fresh copy of the pristine directory. */
  private Path restore(String name) throws IOException {
    Path dir = temp.resolve(name);
    for (Map.Entry<Path, byte[]> file : pristine.entrySet()) {
      Path copy = dir.resolve(file.getKey().toString());
      Files.createDirectories(copy.getParent());
      Files.write(copy, file.getValue());
    }
    return dir;
  }
}
