package dev.weft.examples.queue;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import dev.weft.examples.common.LockedDirectory;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private RunListener progress() {
    return ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
  }

  private int run(String... args) {
    return QueueMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), progress());
  }

  private int run(QueueMain.Options options, FileDigests tasks) {
    return QueueMain.run(options, tasks, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), progress());
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /**
   * The jobs of a test: they count how many of them run at once, and the first {@code workers}
   * to start wait until all of them have started — which times out unless the engine runs that
   * many at once.
   */
  static final class WatchedDigests extends FileDigests {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allWorkersBusy;

    WatchedDigests(int workers) {
      allWorkersBusy = new CountDownLatch(workers);
    }

    @Override
    public Digest digest(Path file, WorkerTally tally) throws IOException {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      threads.add(Thread.currentThread().getName());
      try {
        allWorkersBusy.countDown();
        if (!allWorkersBusy.await(10, TimeUnit.SECONDS)) {
          throw new IOException(new TimeoutException("fewer jobs than workers ran at once"));
        }
        Thread.sleep(10); // long enough that a job too many would overlap the others
        return super.digest(file, tally);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  @Test
  void printsTheSha256AndLineCountOfEveryFile() throws IOException {
    Files.writeString(dir.resolve("abc.txt"), "abc");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/deeper/empty"), "");
    Files.writeString(dir.resolve("sub/lines.txt"), "one\ntwo\n\nfour\n");

    int status = run("--workers", "2", dir.toString());

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    assertThat(outLines().subList(0, 4)).containsExactly(
        "SHA-256 and lines of 3 files under " + dir + ", from a queue served by 2 workers:",
        // The test vectors of FIPS 180-2 for "abc", and the hash of no bytes.
        "  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad          0 lines"
            + "  abc.txt",
        "  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855          0 lines  "
            + Path.of("sub", "deeper", "empty"),
        "  " + sha256Of("one\ntwo\n\nfour\n") + "          4 lines  "
            + Path.of("sub", "lines.txt")).inOrder();
    assertThat(outLines().get(4)).matches("3 files, 4 lines, 17 bytes in \\d+\\.\\d\\d s");
    assertThat(outLines().get(5)).matches(
        "Jobs per worker: (weft-\\d+-worker-\\d+ \\d, )*weft-\\d+-worker-\\d+ \\d;"
            + " at most [12] ran at once");
    assertThat(outLines()).hasSize(6);
    assertThat(progress.toString(UTF_8)).startsWith(
        "dev.weft.examples.queue.FileDigests: 2 tasks in ");
  }

  private static String sha256Of(String text) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @RepeatedTest(3)
  void exactlyWorkersJobsRunAtOnce_neverMore() throws IOException {
    for (int i = 0; i < 24; i++) {
      Files.writeString(dir.resolve("file-" + i + ".txt"), "line\n".repeat(i));
    }
    WatchedDigests tasks = new WatchedDigests(3);

    int status = run(new QueueMain.Options(dir, 3), tasks);

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    assertThat(tasks.peak.get()).isEqualTo(3);
    assertThat(tasks.threads).hasSize(3);
    // The program's tally saw the same workers; it times only the digest itself, after the
    // latch and the sleep, so fewer of those may have overlapped.
    assertThat(outLines().get(outLines().size() - 1)).matches(".*; at most [123] ran at once");
    Map<String, Long> perWorker = parseJobsPerWorker(outLines().get(outLines().size() - 1));
    assertThat(perWorker.keySet()).containsExactlyElementsIn(tasks.threads);
    assertThat(perWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(24);
  }

  private static Map<String, Long> parseJobsPerWorker(String line) {
    String list = line.substring("Jobs per worker: ".length(), line.indexOf(';'));
    Map<String, Long> jobs = new java.util.HashMap<>();
    for (String entry : list.split(", ")) {
      String[] parts = entry.split(" ");
      jobs.put(parts[0], Long.parseLong(parts[1]));
    }
    return jobs;
  }

  @Test
  void oneWorker_runsTheJobsOneAfterAnother() throws IOException {
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve("file-" + i + ".txt"), "x");
    }
    WatchedDigests tasks = new WatchedDigests(1);

    assertThat(run(new QueueMain.Options(dir, 1), tasks)).isEqualTo(0);

    assertThat(tasks.peak.get()).isEqualTo(1);
    assertThat(outLines().get(outLines().size() - 1))
        .matches("Jobs per worker: weft-\\d+-worker-1 5; at most 1 ran at once");
  }

  @Test
  void options_defaultToTheExamplesSourcesAndFourWorkers() throws Exception {
    assertThat(QueueMain.parse(new String[0]))
        .isEqualTo(new QueueMain.Options(Path.of("examples", "src"), 4));
    assertThat(QueueMain.parse(new String[] {"--workers=7", "d"}))
        .isEqualTo(new QueueMain.Options(Path.of("d"), 7));
  }

  @Test
  void missingDirectory_saysSoAndExitsWith2() {
    Path missing = dir.resolve("nowhere");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + missing.toAbsolutePath()
        + " does not exist; pass the directory whose files to digest\n");
  }

  @Test
  void emptyDirectory_saysSoAndExitsWith2() {
    assertThat(run(dir.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: no files under " + dir.toAbsolutePath() + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void failedJob_namesTheFileAndExitsWith1() throws IOException {
    Path fine = Files.writeString(dir.resolve("fine.txt"), "fine");
    Path gone = dir.resolve("gone.txt");
    FileDigests tasks = new FileDigests() {
      @Override
      public List<Path> jobs(Path root) {
        return List.of(fine, gone); // as if gone.txt were deleted after it was listed
      }
    };

    assertThat(run(new QueueMain.Options(dir, 2), tasks)).isEqualTo(1);

    assertThat(err.toString(UTF_8)).isEqualTo("error: task 'digest' failed on element 1 of 2 ("
        + gone + "): java.nio.file.NoSuchFileException: " + gone + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void unlistableSubdirectory_namesItAndExitsWith2() throws IOException {
    Files.writeString(dir.resolve("fine.txt"), "fine");
    Path hidden = Files.createDirectory(dir.resolve("locked"));
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();

      assertThat(run(dir.toString())).isEqualTo(2);

      assertThat(err.toString(UTF_8)).isEqualTo("error: cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it\n");
      assertThat(out.toString(UTF_8)).isEmpty();
    }
  }

  @Test
  void jobsThatCannotListTheDirectory_printTheMessageNotTheTaskFailure() {
    Path locked = dir.resolve("locked");
    FileDigests tasks = new FileDigests() {
      @Override
      public List<Path> jobs(Path root) throws IOException {
        throw new UnlistableDirectoryException(root, new AccessDeniedException(locked.toString()));
      }
    };

    assertThat(run(new QueueMain.Options(dir, 2), tasks)).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: cannot list directory " + locked
        + ": permission denied; make it readable (chmod u+rx " + locked
        + ") or pass a directory without it\n");
  }

  @Test
  void badWorkers_isAUsageError() {
    assertThat(run("--workers", "0")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: --workers must be a whole number from 1 to 256, not '0'\nusage: QueueMain");
  }
}
