package dev.weft.examples.robust;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CacheOption;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.TaskReport;
import dev.weft.examples.common.UnlistableDirectoryException;
import dev.weft.examples.common.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * standard error. A directory under the given one that cannot be listed (one without read
 * permission) fails the task {@code files}, naming it, rather than being skipped: a table without
 * its stations would look complete. Exit status: 0 if every file was read, 1 if a task failed (the
 * run still finished what did not depend on the failure), 2 for bad arguments, a directory
 * without station files or one that cannot be listed.
 */
public final class RobustMain {
  /** Where the sample goes when no directory is given, relative to the working directory. */
  static final Path SAMPLE = Path.of("target", "station-data");
  private static final String USAGE = String.join("\n",
      "usage: RobustMain [--cache-dir DIR | --no-cache] [--repair-sample] [directory]",
      "Reads the weather-station .properties files under directory (default: a sample written to "
          + SAMPLE + ", 3 of its 10 files malformed), keeping going past failures.",
      "  --cache-dir DIR    cache results in DIR (default " + CacheOption.DEFAULT_DIR + "); a"
          + " rerun reads only the files that failed or changed",
      "  --no-cache         cache nothing",
      "  --repair-sample    write the sample with its malformed files repaired");

  private RobustMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for; an empty directory is the sample. */
  record Options(Optional<Path> directory, boolean repairSample, Optional<Path> cacheDir) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, RobustMain::parse,
        options -> run(options, out, err, progress));
  }

  /** Reads the station files {@code options} name, or the sample, which it writes first. */
  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
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
    Optional<Weft> built =
        CacheOption.build(Weft.builder().keepGoing(true).listener(progress), cacheDir, err);
    if (built.isEmpty()) {
      return CacheOption.UNUSABLE_DIR_STATUS;
    }
    try (Weft weft = built.get()) {
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
        Optional<UnlistableDirectoryException> unlistable = UnlistableDirectoryException.in(e);
        if (unlistable.isPresent()) { // as for a directory that does not exist
          err.println("error: " + unlistable.get().getMessage());
          return 2;
        }
        // With keepGoing the run returned: the table was skipped because a station failed.
        err.println("error: " + e.getMessage());
        // Only if files were listed: else no file was read.
        if (cacheDir.isPresent()
            && result.outcome(StationReadingsFlow.FILES.name()).status().succeeded()) {
          err.println("The files that were read are cached in " + cacheDir.get() + ": repair"
              + " what failed and run again, and only the files that failed are read again.");
        }
        status = 1;
      }
      TaskReport.of(flow, result)
          .lines(elapsedNanos, TaskReport.describeCache(cacheDir, weft))
          .forEach(out::println);
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
    CacheOption cache = new CacheOption();
    boolean repairSample = false;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.equals("--repair-sample")) {
        repairSample = true;
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    Optional<Path> cacheDir = cache.dir();
    if (words.size() > 1) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    if (repairSample && !words.isEmpty()) {
      throw new UsageException("--repair-sample repairs the sample; it takes no directory");
    }
    return new Options(words.isEmpty() ? Optional.empty() : Optional.of(Path.of(words.get(0))),
        repairSample, cacheDir);
  }
}
