package dev.weft.examples.gather;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UnlistableDirectoryException;
import dev.weft.examples.common.UsageException;
import dev.weft.examples.common.ValueOption;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches every page of a local HTTP server at once with the {@link PageFetcher} pipeline, on one
 * worker thread, and gathers them: the Weft counterpart of {@code asyncio.gather}. The program
 * starts a {@link PageServer} that serves the files under a directory, each response delayed to
 * stand in for a remote server; the tasks return the {@code CompletableFuture}s of {@code
 * HttpClient.sendAsync}, and since no worker waits for them, every request is in flight at once —
 * up to {@link PageFetcher#DEFAULT_MAX_REQUESTS}, beyond which they queue without holding a
 * thread. The server counts them, and the program prints how many it held at once, and how long
 * the same requests would take one after another.
 *
 * <pre>
 * GatherMain [--workers N] [--latency MS] [directory]
 *     serve the files under directory (default: the running JDK's legal notices) with MS
 *     milliseconds of latency per response (default 250), and fetch them all on N worker
 *     threads (default 1)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.gather.GatherMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.gather.GatherMain -Dexec.args="--latency 500 docs"
 * </pre>
 *
 * <p>Results go to standard output; progress and errors to standard error. Exit status: 0 on
 * success, 1 if a task failed, 2 for bad arguments, a directory without files or a directory
 * under it that cannot be listed (the message names it: the pages are all served or none).
 */
public final class GatherMain {
  static final int DEFAULT_WORKERS = 1;
  static final int DEFAULT_LATENCY_MILLIS = 250;
  private static final String USAGE = String.join("\n",
      "usage: GatherMain [--workers N] [--latency MS] [directory]",
      "Serves the files under directory (default: the running JDK's legal notices) on a local"
          + " HTTP server and fetches them all at once.",
      "  --workers N   worker threads (default " + DEFAULT_WORKERS + ")",
      "  --latency MS  milliseconds each response is delayed (default " + DEFAULT_LATENCY_MILLIS
          + ")");

  private GatherMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for. */
  record Options(Path directory, int workers, Duration latency) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, GatherMain::parse,
        options -> run(options, out, err, progress));
  }

  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Path directory = options.directory();
    if (!Files.isDirectory(directory)) {
      err.println("error: " + directory.toAbsolutePath() + (Files.exists(directory)
          ? " is not a directory" : " does not exist") + "; pass a directory of files to serve");
      return 2;
    }
    try (PageServer server = PageServer.start(directory, options.latency());
        Weft weft = Weft.builder().parallelism(options.workers()).listener(progress).build()) {
      if (server.pages().isEmpty()) {
        err.println("error: no files under " + directory.toAbsolutePath());
        return 2;
      }
      long latency = options.latency().toMillis();
      out.printf(Locale.ROOT, "Serving the %s under %s at %s, each response delayed %d ms%n",
          count(server.pages().size(), "file"), directory, server.uri(), latency);
      long start = System.nanoTime();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Summary summary = fetchAll(weft, server.uri(), client);
      long elapsed = System.nanoTime() - start;
      out.printf(Locale.ROOT, "Fetched %s, %s, %s, in %.2f s on %d worker %s%n",
          count(summary.pages(), "page"), count(summary.bytes(), "byte"),
          count(summary.lines(), "line"), elapsed / 1e9, options.workers(),
          options.workers() == 1 ? "thread" : "threads");
      int requests = summary.pages() + 1; // and the index
      out.printf(Locale.ROOT, "The server held up to %s at once; one after another, the %,d"
          + " requests would take at least %.2f s%n", count(server.peakInFlight(), "request"),
          requests, requests * latency / 1e3);
      out.println("Largest pages:");
      for (Page page : summary.largest()) {
        out.printf(Locale.ROOT, "  %,9d bytes  %,6d lines  %s%n", page.bytes(), page.lines(),
            page.path());
      }
      return 0;
    } catch (UnlistableDirectoryException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: cannot serve " + directory.toAbsolutePath() + ": " + e);
      return 1;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** {@code 1 file}, {@code 1,500 files}: {@code n} and the noun, in the plural unless n is 1. */
  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
  }

  /**
   * Fetches the index of {@code server}, then every page it lists, with {@code client}, at most
   * {@link PageFetcher#DEFAULT_MAX_REQUESTS} at once; returns what they add up to.
   */
  static Summary fetchAll(Weft weft, URI server, HttpClient client) {
    return fetchAll(weft, server, client, PageFetcher.DEFAULT_MAX_REQUESTS);
  }

  /** As {@link #fetchAll(Weft, URI, HttpClient)}, with at most {@code maxRequests} at once. */
  static Summary fetchAll(Weft weft, URI server, HttpClient client, int maxRequests) {
    Flow flow = PageFetcherFlow.of(new PageFetcher(maxRequests));
    Inputs inputs = Inputs.of(PageFetcherFlow.SERVER, server).and(PageFetcherFlow.CLIENT, client);
    return weft.compute(flow, PageFetcherFlow.SUMMARY, inputs);
  }

  /** Reads the options, then at most one word: the directory. */
  static Options parse(String[] args) throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(DEFAULT_WORKERS);
    ValueOption<Duration> latency = new ValueOption<>("--latency", "a number",
        Duration.ofMillis(DEFAULT_LATENCY_MILLIS), GatherMain::latency);
    List<String> words = CommandLine.words(args, 1, workers, latency);
    Path directory = words.isEmpty()
        ? Path.of(System.getProperty("java.home"), "legal") : Path.of(words.get(0));
    return new Options(directory, workers.value(), latency.value());
  }

  /** Reads the value of {@code --latency}: from 0 to 60,000 milliseconds. */
  private static Duration latency(String word) throws UsageException {
    long millis;
    try {
      millis = Long.parseLong(word);
    } catch (NumberFormatException e) {
      throw new UsageException("--latency needs a whole number, not '" + word + "'");
    }
    if (millis < 0 || millis > 60_000) {
      throw new UsageException("--latency must be from 0 to 60000 ms, not " + millis);
    }
    return Duration.ofMillis(millis);
  }
}
