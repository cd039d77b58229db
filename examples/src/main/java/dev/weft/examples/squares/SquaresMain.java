package dev.weft.examples.squares;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UsageException;
import dev.weft.examples.common.ValueOption;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes the sum of the squares of 1 to n as a map-reduce — Python's {@code Pool.map} over
 * ranges followed by {@code sum} — with the flow of {@link SquareSums}: cuts 1 to n into ranges,
 * sums the squares of each range in parallel, adds the partial sums up, and checks the total
 * against the closed form n(n+1)(2n+1)/6.
 *
 * <pre>
 * SquaresMain [--workers N] [n] [parts]
 *     sum the squares of 1 to n (default 1,000,000,000; at most 3,037,000,499) in parts ranges
 *     (default 16) on N worker threads (default: one per processor)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.squares.SquaresMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.squares.SquaresMain -Dexec.args="--workers 1 2000000000 8"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to
 * standard error. Exit status: 0 on success, 1 if a task failed or the sum differs from the
 * closed form, 2 for bad arguments.
 */
public final class SquaresMain {
  static final long DEFAULT_N = 1_000_000_000L;
  static final int DEFAULT_PARTS = 16;
  static final int MAX_PARTS = 100_000;
  /** A run with more ranges than this shows only the first of them. */
  static final int RANGES_SHOWN = 20;
  private static final String USAGE = String.join("\n",
      "usage: SquaresMain [--workers N] [n] [parts]",
      "Sums the squares of 1 to n (default " + String.format(Locale.ROOT, "%,d", DEFAULT_N)
          + ", at most " + String.format(Locale.ROOT, "%,d", SquareSums.MAX_N) + ") in parts"
          + " ranges (default " + DEFAULT_PARTS + ") summed in parallel, and checks the sum"
          + " against n(n+1)(2n+1)/6.",
      "  --workers N  sum N ranges at a time (default: one per processor)");

  private SquaresMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for; {@code workers} is 0 for one per processor. */
  record Options(long n, int parts, int workers) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, errors to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, SquaresMain::parse,
        options -> run(options, out, err, progress));
  }

  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    Weft.Builder builder = Weft.builder().listener(progress);
    if (options.workers() > 0) {
      builder.parallelism(options.workers());
    }
    try (Weft weft = builder.build()) {
      long start = System.nanoTime();
      RunResult result = weft.run(SquareSums.FLOW,
          Inputs.of(SquareSums.N, options.n()).and(SquareSums.PARTS, options.parts()),
          SquareSums.RANGES, SquareSums.PARTIAL_SUMS, SquareSums.SUM);
      long elapsedNanos = System.nanoTime() - start;
      List<NumberRange> ranges = result.get(SquareSums.RANGES);
      List<BigInteger> partialSums = result.get(SquareSums.PARTIAL_SUMS);
      BigInteger sum = result.get(SquareSums.SUM);

      out.printf(Locale.ROOT, "Sum of the squares of 1 to %,d, in %d %s on %d worker %s:%n",
          options.n(), ranges.size(), ranges.size() == 1 ? "range" : "ranges",
          weft.parallelism(), weft.parallelism() == 1 ? "thread" : "threads");
      for (String line : table(ranges, partialSums)) {
        out.println(line);
      }
      out.printf(Locale.ROOT, "  %-31s  %,40d%n", "sum", sum);
      BigInteger closedForm = SquareSums.closedForm(options.n());
      if (!closedForm.equals(sum)) {
        err.printf(Locale.ROOT, "error: the closed form n(n+1)(2n+1)/6 gives %,d, not %,d%n",
            closedForm, sum);
        return 1;
      }
      out.printf(Locale.ROOT, "  %-31s  %,40d  the same%n", "n(n+1)(2n+1)/6", closedForm);
      out.printf(Locale.ROOT, "Time: %.2f s%n", elapsedNanos / 1e9);
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** A heading, a line per range up to {@link #RANGES_SHOWN} ranges, then how many more. */
  static List<String> table(List<NumberRange> ranges, List<BigInteger> partialSums) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "  %-31s  %40s", "range", "sum of squares"));
    int shown = ranges.size() <= RANGES_SHOWN ? ranges.size() : RANGES_SHOWN / 2;
    for (int i = 0; i < shown; i++) {
      NumberRange range = ranges.get(i);
      lines.add(String.format(Locale.ROOT, "  %-31s  %,40d",
          String.format(Locale.ROOT, "%,d to %,d", range.first(), range.last()),
          partialSums.get(i)));
    }
    if (shown < ranges.size()) {
      lines.add(String.format(Locale.ROOT, "  … and %,d more ranges", ranges.size() - shown));
    }
    return lines;
  }

  /**
   * Reads the options, then up to two words: n and the number of ranges; underscores and commas
   * may group their digits.
   */
  static Options parse(String[] args) throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(0);
    List<String> words = CommandLine.words(args, 2, workers);
    long n = words.isEmpty()
        ? DEFAULT_N : CommandLine.wholeNumber("n", words.get(0), SquareSums.MAX_N);
    int parts = words.size() < 2
        ? (int) Math.min(DEFAULT_PARTS, n)
        : (int) CommandLine.wholeNumber("parts", words.get(1), Math.min(MAX_PARTS, n));
    return new Options(n, parts, workers.value());
  }
}
