package dev.weft.examples.robust;

import dev.weft.engine.Cache;
import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a directory of weather-station files with the {@link StationReadings} pipeline, keeping
 * going when some of them are malformed: the {@code @Each} task {@code stations} reads each file
 * in parallel, and the Weft is built with {@code keepGoing(true)} and a cache directory. The run
 * returns normally; the failure names the failed element — its index and file — and what was
 * wrong. The files that were read are cached one by one, so the rerun after a repair reads only
 * the files that failed: its {@code stations} line says {@code 7 of 10 elements cached}.
 *
 * <pre>
 * RobustMain [--cache-dir DIR | --no-cache] [--repair-sample] [directory]
 *     read the .properties files under directory (default: a sample of 10 station files, 3 of
 *     them malformed, written to target/station-data; with --repair-sample, all well-formed)
 * </pre>
 *
 * <p>From the repository's root, through Maven: a first run, which fails on the malformed files,
 * then a run after the sample is repaired, which reads only those:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.robust.RobustMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.robust.RobustMain -Dexec.args="--repair-sample"
 * </pre>
 *
 * <p>Results and a line per task go to standard output; progress, the failure and errors to
 * standard error. Exit status: 0 if every file was read, 1 if a task failed (the run still
 * finished what did not depend on the failure), 2 for bad arguments or a directory without
 * station files.
 */
public final class RobustMain {
  /** Where the sample goes when no directory is given, relative to the working directory. */
  static final Path SAMPLE = Path.of("target", "station-data");
  /** Where results are cached unless told otherwise, relative to the working directory. */
  static final Path DEFAULT_CACHE = Path.of(".weft", "cache");
  private static final String USAGE = String.join("\n",
      "usage: RobustMain [--cache-dir DIR | --no-cache] [--repair-sample] [directory]",
      "Reads the weather-station .properties files under directory (default: a sample written to "
          + SAMPLE + ", 3 of its 10 files malformed), keeping going past failures.",
      "  --cache-dir DIR    cache results in DIR (default " + DEFAULT_CACHE + "); a rerun reads"
          + " only the files that failed or changed",
      "  --no-cache         cache nothing",
      "  --repair-sample    write the sample with its malformed files repaired");

  private RobustMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, ConsoleProgress.create());
    if (status != 0) {
      System.exit(status);
    }
  }

  /** What the command line asks for; an empty directory is the sample. */
  record Options(Optional<Path> directory, boolean repairSample, Optional<Path> cacheDir) {}

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
    Path directory;
    if (options.directory().isEmpty()) {
      try {
        SampleStations.write(SAMPLE, options.repairSample());
      } catch (IOException e) {
        err.println("error: cannot write the sample to " + SAMPLE.toAbsolutePath() + ": " + e
            + "; pass a directory of station files instead");
        return 1;
      }
      directory = SAMPLE;
      out.println("Sample data: " + SampleStations.NAMES.size() + " station files in " + SAMPLE
          + (options.repairSample() ? ", all well-formed"
              : ", 3 of them malformed (run with --repair-sample to repair them)"));
    } else {
      directory = options.directory().get();
      if (!Files.isDirectory(directory)) {
        err.println("error: " + directory.toAbsolutePath() + (Files.exists(directory)
            ? " is not a directory" : " does not exist")
            + "; pass the directory that holds the station files");
        return 2;
      }
    }
    return read(directory, options.cacheDir(), out, err, progress);
  }

  private static int read(Path directory, Optional<Path> cacheDir, PrintStream out,
      PrintStream err, RunListener progress) {
    Weft.Builder builder = Weft.builder().keepGoing(true).listener(progress);
    cacheDir.ifPresentOrElse(builder::cacheDir, () -> builder.caching(false));
    Weft weft;
    try {
      weft = builder.build();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    try (weft) {
      Flow flow = StationReadingsFlow.of(new StationReadings());
      long start = System.nanoTime();
      RunResult result = readStations(weft, flow, directory);
      long elapsedNanos = System.nanoTime() - start;
      if (result.outcome(StationReadingsFlow.FILES.name()).status().succeeded()
          && result.get(StationReadingsFlow.FILES).isEmpty()) {
        err.println("error: no .properties files under " + directory.toAbsolutePath());
        return 2;
      }
      int status = 0;
      try {
        String table = result.get(StationReadingsFlow.TABLE);
        out.println("Stations under " + directory + ":");
        out.println(table);
      } catch (TaskFailedException e) {
        // With keepGoing the run returned: the table was skipped because a station failed.
        err.println("error: " + e.getMessage());
        if (cacheDir.isPresent()) {
          err.println("The files that were read are cached in " + cacheDir.get() + ": repair"
              + " what failed and run again, and only the files that failed are read again.");
        }
        status = 1;
      }
      Optional<Cache.Stats> stats =
          cacheDir.isPresent() ? Optional.of(weft.cache().stats()) : Optional.empty();
      lines(flow, result, elapsedNanos, cacheDir, stats).forEach(out::println);
      return status;
    }
  }

  /** Runs the pipeline on {@code directory}: the tasks {@code files} and {@code table}. */
  static RunResult readStations(Weft weft, Flow flow, Path directory) {
    return weft.run(flow, Inputs.of(StationReadingsFlow.DIRECTORY, directory),
        StationReadingsFlow.FILES, StationReadingsFlow.TABLE);
  }

  /** Reads the options, then at most one word: the directory. */
  static Options parse(String[] args) throws UsageException {
    Path cacheDir = DEFAULT_CACHE;
    boolean cacheDirGiven = false;
    boolean noCache = false;
    boolean repairSample = false;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--no-cache")) {
        noCache = true;
      } else if (arg.equals("--repair-sample")) {
        repairSample = true;
      } else if (arg.equals("--cache-dir")) {
        if (i + 1 == args.length || args[i + 1].isBlank()) {
          throw new UsageException("--cache-dir needs a directory");
        }
        cacheDir = Path.of(args[++i]);
        cacheDirGiven = true;
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    if (noCache && cacheDirGiven) {
      throw new UsageException("--no-cache and --cache-dir exclude each other");
    }
    if (words.size() > 1) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    if (repairSample && !words.isEmpty()) {
      throw new UsageException("--repair-sample repairs the sample; it takes no directory");
    }
    return new Options(words.isEmpty() ? Optional.empty() : Optional.of(Path.of(words.get(0))),
        repairSample, noCache ? Optional.empty() : Optional.of(cacheDir));
  }

  /**
   * A line per task of the flow — its status, time and reason — and a summary of the run: the
   * words example's lines, with failed and skipped tasks.
   */
  static List<String> lines(Flow flow, RunResult result, long elapsedNanos,
      Optional<Path> cacheDir, Optional<Cache.Stats> stats) {
    Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
    result.tasks().forEach(outcome -> outcomes.put(outcome.name(), outcome));
    int width = flow.tasks().stream().mapToInt(k -> k.name().length()).max().orElse(0);
    int[] counts = new int[Status.values().length];
    List<String> lines = new ArrayList<>();
    for (Key<?> task : flow.tasks()) {
      TaskOutcome outcome = outcomes.get(task.name());
      String name = String.format(Locale.ROOT, "  %-" + width + "s  ", task.name());
      if (outcome == null) {
        lines.add(name + String.format(Locale.ROOT, "%-12s  %6s    %s", "not run", "",
            "not needed: what reads it came from the cache"));
        continue;
      }
      counts[outcome.status().ordinal()]++;
      lines.add(name + String.format(Locale.ROOT, "%-12s  %6.2f s  %s", switch (outcome.status()) {
        case MEMORY_HIT -> "memory cache";
        case DISK_HIT -> "disk cache";
        default -> outcome.status().name().toLowerCase(Locale.ROOT);
      }, outcome.duration().toNanos() / 1e9, outcome.reason()));
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "Ran %d tasks in %.2f s: %s executed, %s from the cache", result.tasks().size(),
        elapsedNanos / 1e9, none(counts[Status.EXECUTED.ordinal()]),
        none(counts[Status.MEMORY_HIT.ordinal()] + counts[Status.DISK_HIT.ordinal()])));
    for (Status status : List.of(Status.FAILED, Status.SKIPPED)) {
      if (counts[status.ordinal()] > 0) {
        summary.append(", ").append(counts[status.ordinal()]).append(' ')
            .append(status.name().toLowerCase(Locale.ROOT));
      }
    }
    summary.append(cacheDir.isEmpty() ? " (caching off)" : stats.map(s -> String.format(
        Locale.ROOT, " (%s: %d entries)", cacheDir.get(), s.diskEntries())).orElse(""));
    lines.add(summary.toString());
    return lines;
  }

  private static String none(int count) {
    return count == 0 ? "none" : Integer.toString(count);
  }
}
