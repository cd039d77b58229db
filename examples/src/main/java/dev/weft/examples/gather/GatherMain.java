package dev.weft.examples.gather;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fetches every page of a local HTTP server at once with the {@link PageFetcher} pipeline, on one
 * worker thread, and gathers them: the Weft counterpart of {@code asyncio.gather}. The program
 * starts a {@link PageServer} that serves the files under a directory, each response delayed to
 * stand in for a remote server; the tasks return the {@code CompletableFuture}s of {@code
 * HttpClient.sendAsync}, and since no worker waits for them, every request is in flight at once.
 * The server counts them, and the program prints how many it held at once, and how long the same
 * requests would take one after another.
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
 * success, 1 if a task failed, 2 for bad arguments or a directory without files.
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

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, ConsoleProgress.create());
    if (status != 0) {
      System.exit(status);
    }
  }

  /** What the command line asks for. */
  record Options(Path directory, int workers, Duration latency) {}

  /** A command line that cannot be run, and why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
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
      out.printf(Locale.ROOT, "Serving the %d files under %s at %s, each response delayed %d"
          + " ms%n", server.pages().size(), directory, server.uri(), latency);
      long start = System.nanoTime();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Summary summary = fetchAll(weft, server.uri(), client);
      long elapsed = System.nanoTime() - start;
      out.printf(Locale.ROOT, "Fetched %d pages, %,d bytes, %,d lines, in %.2f s on %d worker"
          + " %s%n", summary.pages(), summary.bytes(), summary.lines(), elapsed / 1e9,
          options.workers(), options.workers() == 1 ? "thread" : "threads");
      int requests = summary.pages() + 1; // and the index
      out.printf(Locale.ROOT, "The server held up to %d requests at once; one after another,"
          + " the %d requests would take at least %.2f s%n", server.peakInFlight(), requests,
          requests * latency / 1e3);
      out.println("Largest pages:");
      for (Page page : summary.largest()) {
        out.printf(Locale.ROOT, "  %,9d bytes  %,6d lines  %s%n", page.bytes(), page.lines(),
            page.path());
      }
      return 0;
    } catch (IOException e) {
      err.println("error: cannot serve " + directory.toAbsolutePath() + ": " + e);
      return 1;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Fetches the index of {@code server}, then every page it lists, with {@code client}; returns
   * what they add up to.
   */
  static Summary fetchAll(Weft weft, URI server, HttpClient client) {
    Flow flow = PageFetcherFlow.of(new PageFetcher());
    Inputs inputs = Inputs.of(PageFetcherFlow.SERVER, server).and(PageFetcherFlow.CLIENT, client);
    return weft.compute(flow, PageFetcherFlow.SUMMARY, inputs);
  }

  /** Reads the options, then at most one word: the directory. */
  static Options parse(String[] args) throws UsageException {
    int workers = DEFAULT_WORKERS;
    long latency = DEFAULT_LATENCY_MILLIS;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--workers") || arg.equals("--latency")) {
        if (i + 1 == args.length) {
          throw new UsageException(arg + " needs a number");
        }
        String text = args[++i];
        long value;
        try {
          value = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new UsageException(arg + " needs a whole number, not '" + text + "'");
        }
        if (arg.equals("--workers")) {
          if (value < 1 || value > 256) {
            throw new UsageException("--workers must be from 1 to 256, not " + value);
          }
          workers = (int) value;
        } else {
          if (value < 0 || value > 60_000) {
            throw new UsageException("--latency must be from 0 to 60000 ms, not " + value);
          }
          latency = value;
        }
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    if (words.size() > 1) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    Path directory = words.isEmpty()
        ? Path.of(System.getProperty("java.home"), "legal") : Path.of(words.get(0));
    return new Options(directory, workers, Duration.ofMillis(latency));
  }
}
