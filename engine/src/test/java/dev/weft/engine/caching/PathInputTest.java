package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code Path} input is fingerprinted by path, size and modification time, or with {@code
 * hashFileContents(true)} by its content.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PathInputTest {
  static final AtomicInteger CALLS = new AtomicInteger();
  private static final FileTime T0 = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
  private static final FileTime T1 = FileTime.from(Instant.parse("2024-01-01T01:00:00Z"));
  private static final FileTime T2 = FileTime.from(Instant.parse("2024-01-01T02:00:00Z"));

  @TempDir Path temp;
  private Path file;
  private Flow flow;
  private Key<Path> input;
  private Key<String> text;

  @BeforeEach
  void setUp() throws IOException {
    CALLS.set(0);
    file = temp.resolve("data.txt");
    write("hello", T0);
    FlowBuilder f = Flow.builder("caching-path");
    input = f.input("file", Path.class);
    text = f.task("text", TypeToken.of(String.class), (Path p) -> {
      CALLS.incrementAndGet();
      return Files.readString(p).toUpperCase(java.util.Locale.ROOT);
    }, input);
    flow = f.build();
  }

  @Test
  void bySizeAndTime_aNewModificationTime_reexecutes() throws IOException {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(run(weft).get(text)).isEqualTo("HELLO");
      assertThat(Results.statuses(run(weft))).containsExactly("text", Status.MEMORY_HIT);

      Files.setLastModifiedTime(file, T1); // touch: same content, new time
      RunResult touched = run(weft);
      assertWithMessage("%s", touched.tasks()).that(Results.statuses(touched))
          .containsExactly("text", Status.EXECUTED);
      assertThat(touched.outcome("text").reason()).isEqualTo("input 'file' changed");
      assertThat(touched.get(text)).isEqualTo("HELLO");

      write("world!", T2); // new content, new size
      RunResult edited = run(weft);
      assertThat(edited.outcome("text").status()).isEqualTo(Status.EXECUTED);
      assertThat(edited.get(text)).isEqualTo("WORLD!");
    }
    assertThat(CALLS.get()).isEqualTo(3);
  }

  @Test
  void byContent_aNewModificationTimeAlone_hits_aNewContent_reexecutes() throws IOException {
    try (Weft weft = Weft.builder().parallelism(2).hashFileContents(true).build()) {
      assertThat(run(weft).get(text)).isEqualTo("HELLO");

      Files.setLastModifiedTime(file, T1);
      RunResult touched = run(weft);
      assertWithMessage("%s", touched.tasks()).that(Results.statuses(touched))
          .containsExactly("text", Status.MEMORY_HIT);

      // Same size and the old time back: only the content tells the change.
      write("jello", T0);
      RunResult edited = run(weft);
      assertWithMessage("%s", edited.tasks()).that(Results.statuses(edited))
          .containsExactly("text", Status.EXECUTED);
      assertThat(edited.outcome("text").reason()).isEqualTo("input 'file' changed");
      assertThat(edited.get(text)).isEqualTo("JELLO");
    }
    assertThat(CALLS.get()).isEqualTo(2);
  }

  @Test
  void byContent_acrossWefts_onDisk() throws IOException {
    Path dir = temp.resolve("cache");
    try (Weft weft = Weft.builder().parallelism(2).hashFileContents(true).cacheDir(dir).build()) {
      run(weft);
    }
    Files.setLastModifiedTime(file, T2);
    try (Weft weft = Weft.builder().parallelism(2).hashFileContents(true).cacheDir(dir).build()) {
      RunResult touched = run(weft);
      assertThat(Results.statuses(touched)).containsExactly("text", Status.DISK_HIT);
      assertThat(touched.get(text)).isEqualTo("HELLO");
    }
    assertThat(CALLS.get()).isEqualTo(1);
  }

  private RunResult run(Weft weft) {
    return Results.run(weft, flow, Inputs.of(input, file), text);
  }

  private void write(String content, FileTime time) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, time);
  }
}
