package dev.weft.examples.barrier;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Profiles a text with four branches that run in parallel and a join that waits for all of them
 * — Python's processes meeting at a {@code multiprocessing.Barrier} — with the tasks of {@link
 * TextProfile}. Prints the profile, then when each task ran: the branches side by side, the join
 * after the last of them.
 *
 * <pre>
 * BarrierMain [file]
 *     profile the text in file (default: README.md, the repository's own, from its root)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.barrier.BarrierMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.barrier.BarrierMain -Dexec.args="/path/to/book.txt"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to
 * standard error. Exit status: 0 on success, 1 if a task failed, 2 for bad arguments or a file
 * that cannot be read.
 */
public final class BarrierMain {
  /** The default text, relative to the working directory: the repository's README. */
  static final Path DEFAULT_TEXT = Path.of("README.md");
  /** The branches of {@link TextProfile}, in the order of its flow. */
  static final List<String> BRANCHES =
      List.of("wordCounts", "lineLengths", "characters", "longestLines");
  private static final String USAGE = String.join("\n",
      "usage: BarrierMain [file]",
      "Profiles the text in file (default " + DEFAULT_TEXT + "): word counts, line lengths,"
          + " character classes and longest lines in parallel, then a join of the four.");

  private BarrierMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /**
   * Does what {@code main} does, writing results to {@code out}, errors to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, BarrierMain::parse,
        text -> run(text, out, err, progress));
  }

  /** Reads at most one word, the file; there are no options. */
  static Path parse(String[] args) throws UsageException {
    List<String> words = CommandLine.words(args, 1);
    return words.isEmpty() ? DEFAULT_TEXT : Path.of(words.get(0));
  }

  private static int run(Path text, PrintStream out, PrintStream err, RunListener progress) {
    if (!Files.isRegularFile(text) || !Files.isReadable(text)) {
      err.println("error: " + text.toAbsolutePath() + (Files.exists(text)
          ? " is not a readable file" : " does not exist") + "; pass the text file to profile");
      return 2;
    }
    return run(text, new TextProfile(), out, err, progress);
  }

  /**
   * Profiles {@code text} with the tasks of {@code tasks}, one worker per branch, and prints the
   * profile and the timeline; returns the exit status.
   */
  static int run(Path text, TextProfile tasks, PrintStream out, PrintStream err,
      RunListener progress) {
    Timeline timeline = new Timeline();
    // One worker per branch, as Python would start one process per branch: all four start
    // together even on fewer cores.
    try (Weft weft = Weft.builder().parallelism(BRANCHES.size()).listener(progress)
        .listener(timeline).build()) {
      List<String> profile = weft.compute(TextProfileFlow.of(tasks), TextProfileFlow.PROFILE,
          Inputs.of(TextProfileFlow.TEXT, text));
      out.println(text + ": " + profile.get(0));
      profile.subList(1, profile.size()).forEach(out::println);
      out.println("When each task ran, in seconds from the start, on " + weft.parallelism()
          + " worker threads:");
      timeline(timeline).forEach(out::println);
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** A line per task: when it ran, and what it was. */
  static List<String> timeline(Timeline timeline) {
    List<String> lines = new ArrayList<>();
    lines.add(line("lines", timeline.span("lines"), "reads the text"));
    long lastBranchEnd = 0;
    for (String branch : BRANCHES) {
      Optional<Timeline.Span> span = timeline.span(branch);
      lines.add(line(branch, span, "branch"));
      lastBranchEnd = Math.max(lastBranchEnd, span.map(Timeline.Span::endNanos).orElse(0L));
    }
    Optional<Timeline.Span> join = timeline.span("profile");
    long gap = join.map(Timeline.Span::startNanos).orElse(0L) - lastBranchEnd;
    lines.add(line("profile", join, String.format(Locale.ROOT,
        "join: started %.1f ms %s the last branch finished", Math.abs(gap) / 1e6,
        gap >= 0 ? "after" : "before")));
    return lines;
  }

  private static String line(String task, Optional<Timeline.Span> span, String what) {
    return span.map(s -> String.format(Locale.ROOT, "  %-12s  %.3f to %.3f  %s", task,
        s.startNanos() / 1e9, s.endNanos() / 1e9, what))
        .orElse(String.format(Locale.ROOT, "  %-12s  did not run", task));
  }
}
