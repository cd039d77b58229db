package dev.weft.examples.jars;

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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@link JarStats} on the Weft engine: lists the jars under a directory — by default the
 * local Maven repository — opens each one in parallel (the {@code @Each} task {@code stats} runs
 * once per jar) and prints how many entries and classes they hold, how many bytes of classes, how
 * many are multi-release jars, and the largest jars by class bytes — then, per task, whether it
 * executed (and why) or came from the cache, and how long it took. A rerun opens only the jars
 * that changed since the last run.
 *
 * <pre>
 * JarStatsMain [--cache-dir DIR | --no-cache] [directory | -Dmaven.repo.local=DIR] [top]
 *     statistics over every .jar file under directory (default: the local Maven repository,
 *     ~/.m2/repository, or the directory the system property maven.repo.local names, as for
 *     Maven); list the top (default 10) jars by class bytes; results are cached in DIR (default
 *     .weft/cache), so a rerun opens only the jars that changed
 * </pre>
 *
 * <p>From the repository's root, through Maven (run it twice: the second run comes from the
 * cache):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample \
 *     -Dexample.main=dev.weft.examples.jars.JarStatsMain
 * mvn -q -pl examples -am package -DskipTests -Pexample \
 *     -Dexample.main=dev.weft.examples.jars.JarStatsMain -Dexec.args="/path/to/jars 20"
 * </pre>
 *
 * <p>A jar that cannot be read (damaged, truncated, not a zip file, no permission) does not stop
 * the run: it is counted as unreadable, named with the reason in a warning on standard error, and
 * left out of the other counts; the exit status stays 0. Results go to standard output; progress
 * (from {@link ConsoleProgress}), warnings and errors to standard error. Exit status: 0 on success,
 * 1 if a task failed, 2 for bad arguments, a directory without jars, a directory under it that
 * cannot be listed (the message names it) or a cache directory that cannot be used.
 */
public final class JarStatsMain {
  private static final int DEFAULT_TOP = 10;
  private static final String REPO_PROPERTY = "maven.repo.local";
  private static final String REPO_ARGUMENT = "-D" + REPO_PROPERTY + "=";
  private static final String USAGE = String.join("\n",
      "usage: JarStatsMain [--cache-dir DIR | --no-cache] [directory | " + REPO_ARGUMENT
          + "DIR] [top]",
      "Statistics over every .jar file under directory (default: the local Maven repository, "
          + "~/.m2/repository, or the system property " + REPO_PROPERTY + "), with the top"
          + " (default " + DEFAULT_TOP + ") jars by class bytes.",
      "  --cache-dir DIR  cache results in DIR (default " + CacheOption.DEFAULT_DIR + "); a"
          + " rerun opens only the jars that changed",
      "  --no-cache       cache nothing: every jar is opened on every run");

  private JarStatsMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /**
   * The local Maven repository, as Maven finds it without a settings file: the directory the
   * system property {@code maven.repo.local} names, else {@code .m2/repository} in the user's home.
   */
  public static Path localRepository() {
    String property = System.getProperty(REPO_PROPERTY);
    return property != null && !property.isBlank() ? Path.of(property)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /**
   * What the command line asks for: the directory whose jars to read (empty: the local Maven
   * repository), how many jars to list, and where to cache results (empty: {@code --no-cache}).
   */
  record Options(Optional<Path> directory, int top, Optional<Path> cacheDir) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, warnings and errors to {@code
   * err} and progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, JarStatsMain::parse,
        options -> run(options, out, err, progress));
  }

  /** Reads the jars under the directory {@code options} name, or the local Maven repository. */
  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Path directory = options.directory().orElseGet(JarStatsMain::localRepository);
    String what = options.directory().isPresent() ? "directory " : "local Maven repository ";
    if (!Files.exists(directory)) {
      err.println("error: " + what + directory.toAbsolutePath() + " does not exist; pass a"
          + " directory of jars or " + REPO_ARGUMENT + "DIR");
      return 2;
    }
    if (!Files.isDirectory(directory)) {
      err.println("error: " + directory.toAbsolutePath() + " is not a directory; pass the"
          + " directory that holds the jars");
      return 2;
    }
    return stats(directory, options, out, err, progress);
  }

  /**
   * Reads the options, then up to two words: the directory (or {@code -Dmaven.repo.local=DIR})
   * and how many jars to list.
   */
  static Options parse(String[] args) throws UsageException {
    CacheOption cache = new CacheOption();
    Optional<Path> repository = Optional.empty();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.startsWith(REPO_ARGUMENT)) {
        String dir = arg.substring(REPO_ARGUMENT.length());
        if (dir.isBlank()) {
          throw new UsageException(REPO_ARGUMENT + " needs a directory");
        }
        repository = Optional.of(Path.of(dir));
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    Optional<Path> cacheDir = cache.dir();
    // With -Dmaven.repo.local, a single word is the top, not a directory.
    int most = repository.isPresent() ? 1 : 2;
    if (words.size() > most) {
      throw new UsageException("too many arguments: " + String.join(" ", words)
          + (repository.isPresent() ? " (the directory is given by " + REPO_ARGUMENT + ")" : ""));
    }
    int top = DEFAULT_TOP;
    if (words.size() == most) {
      top = CommandLine.wholeNumber("top", words.get(most - 1));
      words.remove(most - 1);
    }
    if (repository.isEmpty() && !words.isEmpty()) {
      repository = Optional.of(Path.of(words.get(0)));
    }
    return new Options(repository, top, cacheDir);
  }

  private static int stats(Path directory, Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Flow flow = JarStatsFlow.of(new JarStats());
    Optional<Weft> built =
        CacheOption.build(Weft.builder().listener(progress), options.cacheDir(), err);
    if (built.isEmpty()) {
      return CacheOption.UNUSABLE_DIR_STATUS;
    }
    try (Weft weft = built.get()) {
      long start = System.nanoTime();
      RunResult result = jarStats(weft, flow, directory, options.top());
      long elapsedNanos = System.nanoTime() - start;

      Totals totals = result.get(JarStatsFlow.TOTALS);
      if (totals.jars() == 0) {
        err.println("error: no .jar files under " + directory.toAbsolutePath());
        return 2;
      }
      for (JarStat jar : totals.unreadable()) {
        err.println("warning: cannot read " + jar.path() + ": " + jar.error().orElseThrow());
      }
      print(directory, totals, result.get(JarStatsFlow.LARGEST), out);
      int workers = weft.parallelism();
      TaskReport.of(flow, result)
          .detail("stats", String.format(Locale.ROOT, "%,d %s on %d worker %s", totals.jars(),
              totals.jars() == 1 ? "jar" : "jars", workers, workers == 1 ? "thread" : "threads"))
          .lines(elapsedNanos, TaskReport.describeCache(options.cacheDir(), weft))
          .forEach(out::println);
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
   * Runs the pipeline on {@code directory}: the tasks {@code totals} and {@code largest}, and
   * whatever of their upstream is not cached.
   */
  public static RunResult jarStats(Weft weft, Flow flow, Path directory, int top) {
    Inputs inputs = Inputs.of(JarStatsFlow.REPOSITORY, directory).and(JarStatsFlow.TOP, top);
    return weft.run(flow, inputs, JarStatsFlow.TOTALS, JarStatsFlow.LARGEST);
  }

  private static void print(Path directory, Totals totals, List<JarStat> largest,
      PrintStream out) {
    out.printf(Locale.ROOT, "%,d %s (%s) under %s: %,d read, %,d unreadable%n", totals.jars(),
        totals.jars() == 1 ? "jar" : "jars", TaskReport.size(totals.bytes()), directory,
        totals.readable(), totals.unreadable().size());
    out.printf(Locale.ROOT, "  entries             %,15d%n", totals.entries());
    out.printf(Locale.ROOT, "  classes             %,15d%n", totals.classes());
    out.printf(Locale.ROOT, "  class bytes         %,15d  (%s uncompressed)%n",
        totals.classBytes(), TaskReport.size(totals.classBytes()));
    out.printf(Locale.ROOT, "  multi-release jars  %,15d%n", totals.multiRelease());
    if (!largest.isEmpty()) {
      out.printf(Locale.ROOT, "Largest %d by class bytes:%n", largest.size());
    }
    for (JarStat jar : largest) {
      out.printf(Locale.ROOT, "  %,15d  %,7d classes  %s%s%n", jar.classBytes(), jar.classes(),
          relative(directory, jar.path()), jar.multiRelease() ? "  (multi-release)" : "");
    }
  }

  private static Path relative(Path directory, String jar) {
    Path path = Path.of(jar);
    return path.startsWith(directory) ? directory.relativize(path) : path;
  }
}
