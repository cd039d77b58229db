package dev.weft.examples.words;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CacheOption;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.TaskReport;
import dev.weft.examples.common.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the word-frequency pipeline of {@link WordStats} on the Weft engine: lists the {@code .txt}
 * files under a directory, counts the words of each file in parallel (the {@code @Each} task
 * {@code counts} runs once per file), adds the counts up and prints the most frequent words —
 * then, per task, whether it executed (and why) or came from the cache, and how long it took.
 *
 * <pre>
 * WordStatsMain [--cache-dir DIR | --no-cache] [directory] [top]
 *     count the .txt files under directory (default: a sample corpus written to
 *     target/word-corpus), print the top words (default 10); results are cached in DIR
 *     (default .weft/cache), so a rerun loads what did not change instead of computing it
 * WordStatsMain --graph [mermaid|dot|json]
 *     print the flow the processor checked and generated
 * </pre>
 *
 * <p>From the repository's root, through Maven (run it twice: the second run comes from the
 * cache):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args="/path/to/texts 20"
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args="--no-cache"
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args="--graph dot"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}), warnings and errors
 * to standard error. Exit status: 0 on success, 1 if a task failed, 2 for bad arguments or a
 * directory without text files.
 */
public final class WordStatsMain {
  /** Where the sample corpus goes when no directory is given, relative to the working directory. */
  static final Path SAMPLE_CORPUS = Path.of("target", "word-corpus");
  private static final int DEFAULT_TOP = 10;
  private static final String USAGE = String.join("\n",
      "usage: WordStatsMain [--cache-dir DIR | --no-cache] [directory] [top]",
      "       WordStatsMain --graph [mermaid|dot|json]",
      "Counts the words of the .txt files under directory (default: a sample corpus written to "
          + SAMPLE_CORPUS + ") and prints the top (default " + DEFAULT_TOP + ") words.",
      "  --cache-dir DIR  cache results in DIR (default " + CacheOption.DEFAULT_DIR + "); a"
          + " rerun loads what did not change",
      "  --no-cache       cache nothing: every task executes");

  private WordStatsMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /**
   * What the command line asks for: the directory to count (empty: the sample corpus), how many
   * words to show, and where to cache results (empty: {@code --no-cache}).
   */
  record Options(Optional<Path> corpus, int top, Optional<Path> cacheDir) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    if (args.length > 0 && args[0].equals("--graph")) {
      if (args.length > 2) {
        return usageError(err, "--graph takes one format, not " + (args.length - 1) + " words");
      }
      return printGraph(args.length == 1 ? "mermaid" : args[1], out, err);
    }
    return CommandLine.run(args, USAGE, out, err, WordStatsMain::parse,
        options -> run(options, out, err, progress));
  }

  /** Counts the corpus {@code options} name, or the sample corpus, which it writes first. */
  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Path corpus;
    if (options.corpus().isEmpty()) {
      try {
        corpus = SampleCorpus.write(SAMPLE_CORPUS);
      } catch (IOException e) {
        err.println("error: cannot write the sample corpus to " + SAMPLE_CORPUS.toAbsolutePath()
            + ": " + e + "; pass a directory of .txt files instead");
        return 1;
      }
      out.println("Sample corpus: " + SampleCorpus.FILES + " generated files in " + corpus
          + " (pass a directory to count your own .txt files)");
    } else {
      corpus = options.corpus().get();
      if (!Files.exists(corpus)) {
        err.println("error: directory " + corpus.toAbsolutePath() + " does not exist");
        return 2;
      }
      if (!Files.isDirectory(corpus)) {
        err.println("error: " + corpus.toAbsolutePath() + " is not a directory; pass the"
            + " directory that holds the .txt files");
        return 2;
      }
    }
    return count(corpus, options, out, err, progress);
  }

  /** Reads the options, then up to two words: the directory and how many words to show. */
  static Options parse(String[] args) throws UsageException {
    CacheOption cache = new CacheOption();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    Optional<Path> cacheDir = cache.dir();
    if (words.size() > 2) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    int top = words.size() == 2 ? CommandLine.wholeNumber("top", words.get(1)) : DEFAULT_TOP;
    return new Options(words.isEmpty() ? Optional.empty() : Optional.of(Path.of(words.get(0))),
        top, cacheDir);
  }

  private static int count(Path corpus, Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Flow flow = WordStatsFlow.of(new WordStats());
    Optional<Weft> built =
        CacheOption.build(Weft.builder().listener(progress), options.cacheDir(), err);
    if (built.isEmpty()) {
      return CacheOption.UNUSABLE_DIR_STATUS;
    }
    try (Weft weft = built.get()) {
      long start = System.nanoTime();
      RunResult result = countWords(weft, flow, corpus, options.top());
      long elapsedNanos = System.nanoTime() - start;

      List<TextFile> files = result.get(WordStatsFlow.FILES);
      if (files.isEmpty()) {
        err.println("error: no .txt files under " + corpus.toAbsolutePath());
        return 2;
      }
      Map<String, Long> total = result.get(WordStatsFlow.TOTAL);
      long words = total.values().stream().mapToLong(Long::longValue).sum();
      out.printf(Locale.ROOT, "Top %d of %,d words (%,d distinct) in %d .txt %s under %s:%n",
          Math.min(options.top(), total.size()), words, total.size(), files.size(),
          files.size() == 1 ? "file" : "files", corpus);
      out.println(result.get(WordStatsFlow.REPORT));
      int workers = weft.parallelism();
      TaskReport.of(flow, result)
          .detail("counts", String.format(Locale.ROOT, "once per file, %d %s, on %d worker %s",
              files.size(), files.size() == 1 ? "time" : "times", workers,
              workers == 1 ? "thread" : "threads"))
          .lines(elapsedNanos, TaskReport.describeCache(options.cacheDir(), weft))
          .forEach(out::println);
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Runs the pipeline on {@code corpus}: the tasks {@code files}, {@code total} and {@code report},
   * and whatever of their upstream is not cached.
   */
  static RunResult countWords(Weft weft, Flow flow, Path corpus, int top) {
    Inputs inputs = Inputs.of(WordStatsFlow.CORPUS, corpus).and(WordStatsFlow.TOP, top);
    return weft.run(flow, inputs, WordStatsFlow.FILES, WordStatsFlow.TOTAL, WordStatsFlow.REPORT);
  }

  private static int printGraph(String format, PrintStream out, PrintStream err) {
    Flow flow = WordStatsFlow.of(new WordStats());
    switch (format.toLowerCase(Locale.ROOT)) {
      case "mermaid" -> {
        describe(flow, out);
        out.println();
        out.print(flow.toMermaid());
      }
      case "dot" -> out.print(flow.toDot());
      case "json" -> out.print(flow.toJson());
      default -> {
        return usageError(err, "unknown graph format '" + format + "'; use mermaid, dot or json");
      }
    }
    return 0;
  }

  private static void describe(Flow flow, PrintStream out) {
    out.println("Flow " + flow.name() + ", checked at compile time:");
    for (Key<?> input : flow.inputs()) {
      out.println("  input " + input.name() + ": " + input.type());
    }
    for (Key<?> task : flow.tasks()) {
      out.println("  task  " + task.name() + ": " + task.type());
    }
  }

  private static int usageError(PrintStream err, String problem) {
    return new UsageException(problem).report(err, USAGE);
  }
}
