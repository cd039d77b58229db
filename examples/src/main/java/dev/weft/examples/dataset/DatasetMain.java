package dev.weft.examples.dataset;

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
import dev.weft.examples.common.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Answers a query about the classes of a JDK from an index of all of them, built by the {@link
 * JdkClasses} pipeline and cached on disk: the first run builds the index (some 27,000 class files
 * read and parsed), later runs — with the same query or another — load it from the cache and
 * execute only the query, as Python's {@code joblib.Memory} reloads an expensive dataset. Then,
 * per task, whether it executed (and why) or came from the cache, and how long it took.
 *
 * <pre>
 * DatasetMain [--cache-dir DIR | --no-cache] [--jdk DIR] [pattern] [top]
 *     the classes of the JDK in DIR (default: the running one) whose binary name contains a
 *     match of the regular expression pattern (default HashMap), with at most top (default 5)
 *     lines per table; the index is cached in DIR (default .weft/cache)
 * </pre>
 *
 * <p>From the repository's root, through Maven (run it again with another pattern: the index comes
 * from the cache):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.dataset.DatasetMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.dataset.DatasetMain -Dexec.args="'^java\.util\.stream\.' 3"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}), warnings and errors
 * to standard error. Exit status: 0 on success, 1 if a task failed, 2 for bad arguments.
 */
public final class DatasetMain {
  static final String DEFAULT_PATTERN = "HashMap";
  static final int DEFAULT_TOP = 5;
  private static final String USAGE = String.join("\n",
      "usage: DatasetMain [--cache-dir DIR | --no-cache] [--jdk DIR] [pattern] [top]",
      "Lists the classes of a JDK whose name contains a match of the regular expression pattern"
          + " (default " + DEFAULT_PATTERN + "),",
      "from an index of all its classes that is built once and cached.",
      "  --cache-dir DIR  cache in DIR (default " + CacheOption.DEFAULT_DIR + ")",
      "  --no-cache       cache nothing: the index is built on every run",
      "  --jdk DIR        index the JDK installed in DIR (default: the running one)",
      "  top              lines per table (default " + DEFAULT_TOP + ")");

  private DatasetMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for; an empty cache directory is {@code --no-cache}. */
  record Options(Path jdk, String pattern, int top, Optional<Path> cacheDir) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, DatasetMain::parse,
        options -> run(options, out, err, progress));
  }

  /** Answers the query {@code options} ask for, building the index or loading it. */
  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    if (!Files.isRegularFile(options.jdk().resolve("lib").resolve("modules"))) {
      err.println("error: " + options.jdk().toAbsolutePath() + " is not a JDK of Java 9 or"
          + " later: it has no lib/modules; pass the directory the JDK is installed in");
      return 2;
    }
    Optional<Weft> built =
        CacheOption.build(Weft.builder().listener(progress), options.cacheDir(), err);
    if (built.isEmpty()) {
      return CacheOption.UNUSABLE_DIR_STATUS;
    }
    try (Weft weft = built.get()) {
      Flow flow = JdkClassesFlow.of(new JdkClasses());
      long start = System.nanoTime();
      RunResult result = query(weft, flow, options.jdk(), options.pattern(), options.top());
      long elapsedNanos = System.nanoTime() - start;
      out.println("Classes of the JDK in " + options.jdk() + ":");
      out.println(result.get(JdkClassesFlow.QUERY));
      TaskReport.of(flow, result)
          .lines(elapsedNanos, TaskReport.describeCache(options.cacheDir(), weft))
          .forEach(out::println);
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Runs the query on {@code weft}: the task {@code query}, and the index only if the query is not
   * cached (loaded if the index is, built if not).
   */
  static RunResult query(Weft weft, Flow flow, Path jdk, String pattern, int top) {
    Inputs inputs = Inputs.of(JdkClassesFlow.JDK, jdk)
        .and(JdkClassesFlow.PATTERN, pattern)
        .and(JdkClassesFlow.TOP, top);
    return weft.run(flow, inputs, JdkClassesFlow.QUERY);
  }

  /** Reads the options, then up to two words: the pattern and the lines per table. */
  static Options parse(String[] args) throws UsageException {
    CacheOption cache = new CacheOption();
    Path jdk = Path.of(System.getProperty("java.home"));
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.equals("--jdk")) {
        if (i + 1 == args.length || args[i + 1].isBlank()) {
          throw new UsageException("--jdk needs a directory");
        }
        jdk = Path.of(args[++i]);
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    Optional<Path> cacheDir = cache.dir();
    if (words.size() > 2) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    String pattern = words.isEmpty() ? DEFAULT_PATTERN : words.get(0);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new UsageException("pattern '" + pattern + "' is not a regular expression: "
          + e.getDescription());
    }
    int top = words.size() == 2 ? CommandLine.wholeNumber("top", words.get(1)) : DEFAULT_TOP;
    return new Options(jdk, pattern, top, cacheDir);
  }
}
