package dev.weft.examples.montecarlo;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.UsageException;
import dev.weft.examples.common.ValueOption;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Estimates π by Monte Carlo with the {@link PiEstimate} pipeline, twice — on one worker thread,
 * then on every processor — and prints both times, the speedup and the estimate. The samples are
 * split into chunks, the {@code @Each} task {@code inside} counts the hits of each chunk in
 * parallel, and {@code estimate} adds them up. Both runs are built with {@code caching(false)}, so
 * the second computes everything again instead of loading the first's results; they give the same
 * estimate, since each chunk has its own seeded generator.
 *
 * <pre>
 * MonteCarloMain [--workers N] [--seed S] [samples] [chunks]
 *     draw samples points (default 200,000,000) in chunks (default 64) from seed S (default 42),
 *     once on 1 worker thread and once on N (default: the available processors)
 * </pre>
 *
 * <p>From the repository's root, through Maven:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.montecarlo.MonteCarloMain
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.montecarlo.MonteCarloMain -Dexec.args="1000000000 128"
 * </pre>
 *
 * <p>Before the timed runs, a short untimed run on the same code lets the JIT compile it, so that
 * neither timed run pays for that. Results go to standard output; progress to standard error.
 * Exit status: 0 on success, 1 if a task failed, 2 for bad arguments.
 */
public final class MonteCarloMain {
  static final long DEFAULT_SAMPLES = 200_000_000L;
  static final int DEFAULT_CHUNKS = 64;
  static final long DEFAULT_SEED = 42;
  private static final String USAGE = String.join("\n",
      "usage: MonteCarloMain [--workers N] [--seed S] [samples] [chunks]",
      "Estimates pi from samples random points (default " + DEFAULT_SAMPLES + ") split into"
          + " chunks (default " + DEFAULT_CHUNKS + "),",
      "once on 1 worker thread and once on N (default: the available processors).",
      "  --workers N  worker threads of the second run",
      "  --seed S     the seed the chunks' seeds are drawn from (default " + DEFAULT_SEED + ")");

  private MonteCarloMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /** What the command line asks for. */
  record Options(long samples, int chunks, long seed, int workers) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, messages to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return CommandLine.run(args, USAGE, out, err, MonteCarloMain::parse,
        options -> run(options, out, err, progress));
  }

  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress) {
    out.printf(Locale.ROOT, "Estimating pi from %,d samples in %d chunks (seed %d), caching off"
        + " so that both runs compute:%n", options.samples(), options.chunks(), options.seed());
    try {
      warmUp(options);
      Timed one = timed(options, 1, progress);
      out.println(line(one));
      Timed all = timed(options, options.workers(), progress);
      out.printf(Locale.ROOT, "%s  speedup %.2fx%n", line(all),
          (double) one.nanos() / Math.max(1, all.nanos()));
      if (!all.estimate().equals(one.estimate())) {
        err.println("error: the runs disagree: " + one.estimate() + " on 1 worker, "
            + all.estimate() + " on " + options.workers());
        return 1;
      }
      Estimate estimate = all.estimate();
      out.printf(Locale.ROOT, "pi ~ %.9f, off by %.2e (standard error %.2e); both runs agree:"
          + " %,d of %,d points inside the circle%n", estimate.pi(), estimate.pi() - Math.PI,
          estimate.standardError(), estimate.inside(), estimate.samples());
      return 0;
    } catch (TaskFailedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Reads the options, then up to two numbers: the samples and the chunks. A negative number is a
   * word, so that {@code -5} is reported as samples that must be 1 or more.
   */
  static Options parse(String[] args) throws UsageException {
    ValueOption<Integer> workers =
        ValueOption.workers(Runtime.getRuntime().availableProcessors());
    ValueOption<Long> seed =
        new ValueOption<>("--seed", "a number", DEFAULT_SEED, word -> number("seed", word));
    List<String> words = CommandLine.words(args, 2, workers, seed);
    long samples = words.isEmpty() ? DEFAULT_SAMPLES : number("samples", words.get(0));
    long chunks = words.size() < 2 ? DEFAULT_CHUNKS : number("chunks", words.get(1));
    if (samples < 1) {
      throw new UsageException("samples must be 1 or more, not " + samples);
    }
    if (chunks < 1 || chunks > 100_000) {
      throw new UsageException("chunks must be from 1 to 100000, not " + chunks);
    }
    if (chunks > samples) {
      throw new UsageException(
          "chunks (" + chunks + ") must not be more than samples (" + samples + ")");
    }
    return new Options(samples, (int) chunks, seed.value(), workers.value());
  }

  /** A whole number, in which {@code _} and {@code ,} may group digits: {@code 1_000_000}. */
  private static long number(String what, String text) throws UsageException {
    try {
      return Long.parseLong(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a whole number, not '" + text + "'");
    }
  }

  /** A run's estimate, the time it took and its number of workers. */
  record Timed(Estimate estimate, long nanos, int workers) {}

  /** Runs the pipeline on {@code workers} threads, caching nothing, and times it. */
  static Timed timed(Options options, int workers, RunListener progress) {
    try (Weft weft = Weft.builder().parallelism(workers).caching(false).listener(progress)
        .build()) {
      long start = System.nanoTime();
      Estimate estimate = estimate(weft, options.samples(), options.chunks(), options.seed());
      return new Timed(estimate, System.nanoTime() - start, workers);
    }
  }

  /** The estimate for these inputs, computed by {@code weft}. */
  static Estimate estimate(Weft weft, long samples, int chunks, long seed) {
    Flow flow = PiEstimateFlow.of(new PiEstimate());
    Inputs inputs = Inputs.of(PiEstimateFlow.SAMPLES, samples)
        .and(PiEstimateFlow.CHUNK_COUNT, chunks)
        .and(PiEstimateFlow.SEED, seed);
    return weft.compute(flow, PiEstimateFlow.ESTIMATE, inputs);
  }

  /** An untimed run of a sixteenth of the samples, so that the JIT compiles the chunk loop. */
  private static void warmUp(Options options) {
    try (Weft weft = Weft.builder().caching(false).build()) {
      estimate(weft, Math.max(options.chunks(), options.samples() / 16), options.chunks(),
          options.seed());
    }
  }

  /** {@code   2 workers:   0.85 s  pi ~ 3.141572860}. */
  private static String line(Timed run) {
    return String.format(Locale.ROOT, "  %3d %-8s %7.2f s  pi ~ %.9f", run.workers(),
        run.workers() == 1 ? "worker:" : "workers:", run.nanos() / 1e9, run.estimate().pi());
  }
}
