package dev.weft.examples.words;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the word-frequency pipeline of {@link WordStats} on the Weft engine: lists the {@code .txt}
 * files under a directory, counts the words of each file in parallel (the {@code @Each} task
 * {@code counts} runs once per file), adds the counts up and prints the most frequent words.
 *
 * <pre>
 * WordStatsMain [directory] [top]          count the .txt files under directory (default: a
 *                                          sample corpus written to target/word-corpus), print
 *                                          the top words (default 10)
 * WordStatsMain --graph [mermaid|dot|json] print the flow the processor checked and generated
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args="/path/to/texts 20"
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexec.args="--graph dot"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to standard
 * error. Exit status: 0 on success, 1 if a task failed, 2 for bad arguments or a directory
 * without text files.
 */
public final class WordStatsMain {
  /** Where the sample corpus goes when no directory is given, relative to the working directory. */
  static final Path SAMPLE_CORPUS = Path.of("target", "word-corpus");
  private static final int DEFAULT_TOP = 10;
  private static final String USAGE = String.join("\n",
      "usage: WordStatsMain [directory] [top]",
      "       WordStatsMain --graph [mermaid|dot|json]",
      "Counts the words of the .txt files under directory (default: a sample corpus written to "
          + SAMPLE_CORPUS + ") and prints the top (default " + DEFAULT_TOP + ") words.");

  private WordStatsMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, ConsoleProgress.create());
    if (status != 0) {
      System.exit(status);
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
    if (args.length > 0 && args[0].equals("--graph")) {
      if (args.length > 2) {
        return usageError(err, "--graph takes one format, not " + (args.length - 1) + " words");
      }
      return printGraph(args.length == 1 ? "mermaid" : args[1], out, err);
    }
    if (args.length > 2) {
      return usageError(err, "too many arguments: " + String.join(" ", args));
    }
    if (args.length > 0 && args[0].startsWith("-")) {
      return usageError(err, "unknown option '" + args[0] + "'");
    }
    int top = DEFAULT_TOP;
    if (args.length == 2) {
      try {
        top = Integer.parseInt(args[1]);
      } catch (NumberFormatException e) {
        top = 0;
      }
      if (top < 1) {
        return usageError(err, "top must be a whole number of 1 or more, not '" + args[1] + "'");
      }
    }

    Path corpus;
    if (args.length == 0) {
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
      corpus = Path.of(args[0]);
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
    return count(corpus, top, out, err, progress);
  }

  private static int count(Path corpus, int top, PrintStream out, PrintStream err,
      RunListener progress) {
    Flow flow = WordStatsFlow.of(new WordStats());
    Inputs inputs = Inputs.of(WordStatsFlow.CORPUS, corpus).and(WordStatsFlow.TOP, top);
    try (Weft weft = Weft.builder().listener(progress).build()) {
      long start = System.nanoTime();
      RunResult result =
          weft.run(flow, inputs, WordStatsFlow.FILES, WordStatsFlow.TOTAL, WordStatsFlow.REPORT);
      long elapsedNanos = System.nanoTime() - start;

      List<Path> files = result.get(WordStatsFlow.FILES);
      if (files.isEmpty()) {
        err.println("error: no .txt files under " + corpus.toAbsolutePath());
        return 2;
      }
      Map<String, Long> total = result.get(WordStatsFlow.TOTAL);
      long words = total.values().stream().mapToLong(Long::longValue).sum();
      out.printf(Locale.ROOT, "Top %d of %,d words (%,d distinct) in %d .txt %s under %s:%n",
          Math.min(top, total.size()), words, total.size(), files.size(),
          files.size() == 1 ? "file" : "files", corpus);
      out.println(result.get(WordStatsFlow.REPORT));
      out.println(whatRan(result, files.size(), weft.parallelism(), elapsedNanos));
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * One line on what ran: {@code Ran 4 tasks in 0.21 s: 4 executed (counts once per file, 80
   * times, on 2 worker threads)}.
   */
  static String whatRan(RunResult result, int files, int workers, long elapsedNanos) {
    List<TaskOutcome> tasks = result.tasks();
    long executed = tasks.stream().filter(t -> t.status() == Status.EXECUTED).count();
    long cached = tasks.stream()
        .filter(t -> t.status() == Status.MEMORY_HIT || t.status() == Status.DISK_HIT).count();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "Ran %d tasks in %.2f s: %d executed", tasks.size(), elapsedNanos / 1e9, executed));
    if (cached > 0) {
      line.append(", ").append(cached).append(" from cache");
    }
    if (result.outcome("counts").status() == Status.EXECUTED) {
      line.append(String.format(Locale.ROOT, " (counts once per file, %d %s, on %d worker %s)",
          files, files == 1 ? "time" : "times", workers, workers == 1 ? "thread" : "threads"));
    }
    return line.toString();
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
    err.println("error: " + problem);
    err.println(USAGE);
    return 2;
  }
}
