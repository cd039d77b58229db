package dev.weft.examples.dataset;

import dev.weft.engine.Cache;
import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
  /** Where the index is cached unless told otherwise, relative to the working directory. */
  static final Path DEFAULT_CACHE = Path.of(".weft", "cache");
  static final String DEFAULT_PATTERN = "HashMap";
  static final int DEFAULT_TOP = 5;
  private static final String USAGE = String.join("\n",
      "usage: DatasetMain [--cache-dir DIR | --no-cache] [--jdk DIR] [pattern] [top]",
      "Lists the classes of a JDK whose name contains a match of the regular expression pattern"
          + " (default " + DEFAULT_PATTERN + "),",
      "from an index of all its classes that is built once and cached.",
      "  --cache-dir DIR  cache in DIR (default " + DEFAULT_CACHE + ")",
      "  --no-cache       cache nothing: the index is built on every run",
      "  --jdk DIR        index the JDK installed in DIR (default: the running one)",
      "  top              lines per table (default " + DEFAULT_TOP + ")");

  private DatasetMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, ConsoleProgress.create());
    if (status != 0) {
      System.exit(status);
    }
  }

  /** What the command line asks for; an empty cache directory is {@code --no-cache}. */
  record Options(Path jdk, String pattern, int top, Optional<Path> cacheDir) {}

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
    if (!Files.isRegularFile(options.jdk().resolve("lib").resolve("modules"))) {
      err.println("error: " + options.jdk().toAbsolutePath() + " is not a JDK of Java 9 or"
          + " later: it has no lib/modules; pass the directory the JDK is installed in");
      return 2;
    }
    Weft.Builder builder = Weft.builder().listener(progress);
    options.cacheDir().ifPresentOrElse(builder::cacheDir, () -> builder.caching(false));
    Weft weft;
    try {
      weft = builder.build();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    try (weft) {
      Flow flow = JdkClassesFlow.of(new JdkClasses());
      long start = System.nanoTime();
      RunResult result = query(weft, flow, options.jdk(), options.pattern(), options.top());
      long elapsedNanos = System.nanoTime() - start;
      out.println("Classes of the JDK in " + options.jdk() + ":");
      out.println(result.get(JdkClassesFlow.QUERY));
      Optional<Cache.Stats> stats =
          options.cacheDir().isPresent() ? Optional.of(weft.cache().stats()) : Optional.empty();
      TaskLines.of(flow, result, elapsedNanos, options.cacheDir(), stats).forEach(out::println);
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
    Path cacheDir = DEFAULT_CACHE;
    boolean cacheDirGiven = false;
    boolean noCache = false;
    Path jdk = Path.of(System.getProperty("java.home"));
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--no-cache")) {
        noCache = true;
      } else if (arg.equals("--cache-dir") || arg.equals("--jdk")) {
        if (i + 1 == args.length || args[i + 1].isBlank()) {
          throw new UsageException(arg + " needs a directory");
        }
        Path dir = Path.of(args[++i]);
        if (arg.equals("--jdk")) {
          jdk = dir;
        } else {
          cacheDir = dir;
          cacheDirGiven = true;
        }
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    if (noCache && cacheDirGiven) {
      throw new UsageException("--no-cache and --cache-dir exclude each other");
    }
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
    int top = DEFAULT_TOP;
    if (words.size() == 2) {
      try {
        top = Integer.parseInt(words.get(1));
      } catch (NumberFormatException e) {
        top = 0;
      }
      if (top < 1) {
        throw new UsageException(
            "top must be a whole number of 1 or more, not '" + words.get(1) + "'");
      }
    }
    return new Options(jdk, pattern, top, noCache ? Optional.empty() : Optional.of(cacheDir));
  }
}
