package dev.weft.examples.queue;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UnlistableDirectoryException;
import dev.weft.examples.common.UsageException;
import dev.weft.examples.common.ValueOption;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a task queue served by a fixed number of workers — Python's {@code multiprocessing.Queue}
 * with worker processes — with the tasks of {@link FileDigests}: every file under a directory is
 * a job computing the file's SHA-256 and line count, and {@code --workers} worker threads take the
 * jobs as they become free. Prints each file's result, as {@code sha256sum} would with a line
 * count, then which worker ran how many jobs and how many ran at once.
 *
 * <pre>
 * QueueMain [--workers N] [directory]
 *     digest every file under directory (default: the examples' own sources, examples/src) on
 *     N workers (default 4)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.queue.QueueMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.queue.QueueMain -Dexec.args="--workers 8 /usr/share/doc"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to
 * standard error. Exit status: 0 on success, 1 if a job failed, 2 for bad arguments, a directory
 * without files or a directory under it that cannot be listed (the message names it).
 */
public final class QueueMain {
  /** The default directory, relative to the repository's root: the examples' sources. */
  static final Path DEFAULT_DIRECTORY = Path.of("examples", "src");
  static final int DEFAULT_WORKERS = 4;
  private static final String USAGE = String.join("\n",
      "usage: QueueMain [--workers N] [directory]",
      "Computes the SHA-256 and line count of every file under directory (default "
          + DEFAULT_DIRECTORY + ", from the repository's root), one job per file, on N workers.",
      "  --workers N  how many jobs run at once (default " + DEFAULT_WORKERS + ")");

  private QueueMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for. */
  record Options(Path directory, int workers) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, errors to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, QueueMain::parse,
        options -> run(options, new FileDigests(), out, err, progress));
  }

  /**
   * Runs the jobs of {@code tasks} over {@code options.directory()} on {@code options.workers()}
   * workers and prints the results; returns the exit status.
   */
  static int run(Options options, FileDigests tasks, PrintStream out, PrintStream err,
      RunListener progress) {
    Path directory = options.directory();
    if (!Files.isDirectory(directory)) {
      err.println("error: " + directory.toAbsolutePath() + (Files.exists(directory)
          ? " is not a directory" : " does not exist") + "; pass the directory whose files to"
          + " digest");
      return 2;
    }
    Flow flow = FileDigestsFlow.of(tasks);
    WorkerTally tally = new WorkerTally();
    try (Weft weft = Weft.builder().parallelism(options.workers()).listener(progress).build()) {
      long start = System.nanoTime();
      RunResult result = weft.run(flow,
          Inputs.of(FileDigestsFlow.ROOT, directory).and(FileDigestsFlow.TALLY, tally),
          FileDigestsFlow.DIGEST);
      long elapsedNanos = System.nanoTime() - start;
      List<Digest> digests = result.get(FileDigestsFlow.DIGEST);
      if (digests.isEmpty()) {
        err.println("error: no files under " + directory.toAbsolutePath());
        return 2;
      }
      out.printf(Locale.ROOT, "SHA-256 and lines of %d %s under %s, from a queue served by %d"
          + " %s:%n", digests.size(), digests.size() == 1 ? "file" : "files", directory,
          options.workers(), options.workers() == 1 ? "worker" : "workers");
      for (Digest digest : digests) {
        out.printf(Locale.ROOT, "  %s  %,9d lines  %s%n", digest.sha256(), digest.lines(),
            directory.relativize(digest.file()));
      }
      out.printf(Locale.ROOT, "%,d %s, %,d lines, %,d bytes in %.2f s%n", digests.size(),
          digests.size() == 1 ? "file" : "files",
          digests.stream().mapToLong(Digest::lines).sum(),
          digests.stream().mapToLong(Digest::bytes).sum(), elapsedNanos / 1e9);
      out.println(workers(tally));
      return 0;
    } catch (TaskFailedException e) {
      if (e.getCause() instanceof UnlistableDirectoryException unlistable) {
        err.println("error: " + unlistable.getMessage());
        return 2;
      }
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * {@code Jobs per worker: weft-1-worker-1 5, weft-1-worker-2 4; at most 2 ran at once}.
   */
  static String workers(WorkerTally tally) {
    Map<String, Long> jobs = tally.jobsByWorker();
    return "Jobs per worker: " + jobs.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
        + "; at most " + tally.peak() + " ran at once";
  }

  /** Reads the options, then at most one word: the directory. */
  static Options parse(String[] args) throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(DEFAULT_WORKERS);
    List<String> words = CommandLine.words(args, 1, workers);
    return new Options(words.isEmpty() ? DEFAULT_DIRECTORY : Path.of(words.get(0)),
        workers.value());
  }
}
