package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's value that names files — a {@code List<Path>} — encodes to the same bytes when the
 * files change, but a task reading those files must not be served its old result.
 */
@Timeout(60)
class PathValueTest {
  private static final AtomicInteger listings = new AtomicInteger();
  private static final AtomicInteger measurements = new AtomicInteger();

  @TempDir Path data;
  @TempDir Path cacheDir;

  @Test
  void aTaskReadingListedFiles_rerunsWhenTheyChange_inMemory() throws IOException {
    Files.writeString(data.resolve("a.txt"), "aaaa");
    Flows flows = new Flows();
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThat(Results.run(weft, flows.flow, flows.inputs(data), flows.total).get(flows.total))
          .isEqualTo(4L);

      rewrite(data.resolve("a.txt"), "aaaaaaaa");
      RunResult rerun = Results.run(weft, flows.flow, flows.inputs(data), flows.total);

      assertThat(rerun.get(flows.total)).isEqualTo(8L);
      assertThat(rerun.outcome("files").status()).isEqualTo(Status.MEMORY_HIT);
      assertThat(rerun.outcome("total").status()).isEqualTo(Status.EXECUTED);
      assertThat(rerun.outcome("total").reason()).isEqualTo("upstream 'files' changed");
    }
  }

  @Test
  void aTaskReadingListedFiles_rerunsWhenTheyChange_fromDisk() throws IOException {
    Files.writeString(data.resolve("a.txt"), "aaaa");
    Flows flows = new Flows();
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      Results.run(weft, flows.flow, flows.inputs(data), flows.total);
    }
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      RunResult unchanged = Results.run(weft, flows.flow, flows.inputs(data), flows.total);
      assertThat(unchanged.get(flows.total)).isEqualTo(4L);
      assertThat(unchanged.outcome("total").status()).isEqualTo(Status.DISK_HIT);
    }

    rewrite(data.resolve("a.txt"), "aaaaaaaa");
    int listed = listings.get();
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(cacheDir).build()) {
      RunResult changed = Results.run(weft, flows.flow, flows.inputs(data), flows.total);

      assertThat(changed.get(flows.total)).isEqualTo(8L);
      assertThat(changed.outcome("files").status()).isEqualTo(Status.DISK_HIT);
      assertThat(changed.outcome("total").reason()).isEqualTo("upstream 'files' changed");
    }
    assertThat(listings.get()).isEqualTo(listed);
  }

  /** Same name and a new size and time: what an edit does. */
  private static void rewrite(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }

  /** files(dir: String) -> total(files): the directory is named by a string, not a Path. */
  private static final class Flows {
    final FlowBuilder builder = Flow.builder("path-values");
    final Key<String> dir = builder.input("dir", String.class);
    final Key<List<Path>> files = builder.task("files", new TypeToken<List<Path>>() {},
        PathValueTest::list, dir);
    final Key<Long> total = builder.task("total", TypeToken.of(Long.class),
        PathValueTest::measure, files);
    final Flow flow = builder.build();

    Inputs inputs(Path data) {
      return Inputs.of(dir, data.toString());
    }
  }

  private static List<Path> list(String dir) throws IOException {
    listings.incrementAndGet();
    try (Stream<Path> paths = Files.list(Path.of(dir))) {
      return paths.sorted().toList();
    }
  }

  private static long measure(List<Path> files) throws IOException {
    measurements.incrementAndGet();
    long total = 0;
    for (Path file : files) {
      total += Files.readString(file).length();
    }
    return total;
  }
}
