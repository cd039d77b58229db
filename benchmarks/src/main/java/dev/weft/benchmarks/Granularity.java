package dev.weft.benchmarks;

import dev.weft.engine.Weft;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * The smallest task that two workers run at 50 % parallel efficiency: the wide shape of {@link
 * ShapeWide} ({@code width} nodes reading one source, summed by the caller) with bodies of 0, 1,
 * 2, 5, 10, 20, 50 and 100 µs of calibrated work, each run sequentially, by Weft ({@code
 * caching(false)}, parallelism 2), by {@code CompletableFuture} on a {@code ForkJoinPool(2)}, and
 * split statically over the pool's two threads with no scheduler (the machine's ceiling).
 * Efficiency is {@code sequential / (2 × comparator)}: 1.0 is a perfect speedup of 2, 0.5 no
 * speedup at all. Below 0.5 running in parallel is slower than a plain loop.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.Granularity \
 *     [rounds (10)] [width (1000)] [body sizes in µs (0,1,2,5,10,20,50,100)]
 * </pre>
 *
 * <p>Each round measures every body size and, for each, every comparator in a rotating order,
 * repeating a graph until 10 ms have passed; the table gives medians over the rounds, the
 * efficiency the median of the rounds' ratios, so that a drift in what the host gives is taken
 * out as in {@link Paired}. It then names the smallest size whose median efficiency reaches 0.5,
 * and the size where the curve crosses 0.5 by linear interpolation between the two sizes around
 * it. Results go to standard output, progress to standard error. Exit status: 0, 1 if a run
 * failed or computed a wrong sum, 2 for bad arguments. About 15 s with the defaults.
 */
public final class Granularity {
  private static final String[] NAMES = {"sequential", "staticSplit", "weft", "completableFuture"};
  private static final long MIN_MEASURE_NANOS = 10_000_000;

  private Granularity() {}

  /** Runs the sweep; see the class documentation for the arguments. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    int rounds;
    int width;
    long[] sizes;
    try {
      rounds = args.length > 0 ? positive("rounds", args[0]) : 10;
      width = args.length > 1 ? positive("width", args[1]) : 1000;
      sizes = Arrays.stream((args.length > 2 ? args[2] : "0,1,2,5,10,20,50,100").split(","))
          .mapToLong(s -> nonNegative(s.trim())).sorted().distinct().toArray();
      if (args.length > 3) {
        throw new IllegalArgumentException("expected at most 3 arguments, got " + args.length);
      }
    } catch (IllegalArgumentException e) {
      err.println("Granularity: " + e.getMessage());
      err.println("usage: Granularity [rounds (10)] [width (1000)] [body µs, e.g. 0,1,2,5,10]");
      return 2;
    }
    Dag dag = Dag.wide(width);
    Body[] bodies = new Body[sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      err.printf(Locale.ROOT, "calibrating a body of %d µs%n", sizes[s]);
      bodies[s] = Body.calibrated(sizes[s], err);
    }
    ForkJoinPool pool = new ForkJoinPool(ShapeBenchmark.WORKERS);
    try (Weft weft = Weft.builder().parallelism(ShapeBenchmark.WORKERS).caching(false).build()) {
      IntSupplier[][] comparators = new IntSupplier[sizes.length][];
      for (int s = 0; s < sizes.length; s++) {
        Body body = bodies[s];
        DagFlow flow = DagFlow.of(dag, body);
        comparators[s] = new IntSupplier[] {
            () -> dag.evaluate(body),
            () -> staticSplit(width, body, pool),
            () -> flow.run(weft),
            () -> DagFutures.run(dag, body, pool)};
        int expected = dag.evaluate(body);
        for (int c = 1; c < NAMES.length; c++) {
          int got = comparators[s][c].getAsInt();
          if (got != expected) {
            err.printf(Locale.ROOT, "Granularity: %s computed %d for %s with %d µs bodies, the"
                + " sequential calls %d%n", NAMES[c], got, dag.name(), sizes[s], expected);
            return 1;
          }
        }
      }
      double[][][] nanos = new double[sizes.length][NAMES.length][rounds];
      for (int round = -2; round < rounds; round++) { // two rounds of warm-up, not recorded
        err.printf(Locale.ROOT, "%s %d of %d%n", round < 0 ? "warm-up round" : "round",
            round < 0 ? round + 3 : round + 1, round < 0 ? 2 : rounds);
        for (int s = 0; s < sizes.length; s++) {
          for (int k = 0; k < NAMES.length; k++) {
            int c = (k + Math.max(round, 0) + s) % NAMES.length;
            double perGraph = measure(comparators[s][c]);
            if (round >= 0) {
              nanos[s][c][round] = perGraph;
            }
          }
        }
      }
      report(out, dag, sizes, rounds, nanos);
      return 0;
    } catch (RuntimeException e) { // a task failed, or the pool refused work
      err.println("Granularity: a run failed: " + e);
      return 1;
    } finally {
      pool.shutdown();
    }
  }

  /** The source on this thread, then each half of the readers on one of the pool's threads. */
  private static int staticSplit(int width, Body body, ForkJoinPool pool) {
    int source = body.apply(0);
    Future<Integer> first = pool.submit(() -> readers(source, width / 2, body));
    Future<Integer> second = pool.submit(() -> readers(source, width - width / 2, body));
    try {
      return first.get() + second.get();
    } catch (Exception e) {
      throw new IllegalStateException("a static half failed", e);
    }
  }

  private static int readers(int source, int count, Body body) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      sum += body.apply(source);
    }
    return sum;
  }

  /** Runs the graph until {@link #MIN_MEASURE_NANOS} have passed; nanoseconds per graph. */
  private static double measure(IntSupplier graph) {
    long start = System.nanoTime();
    long elapsed;
    int runs = 0;
    do {
      graph.getAsInt();
      runs++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < MIN_MEASURE_NANOS);
    return (double) elapsed / runs;
  }

  private static void report(
      PrintStream out, Dag dag, long[] sizes, int rounds, double[][][] nanos) {
    out.printf(Locale.ROOT, "Parallel efficiency on %d workers: %s, median of %d rounds%n",
        ShapeBenchmark.WORKERS, dag, rounds);
    out.printf(Locale.ROOT, "%7s %13s %13s %13s %13s   %s%n", "body µs", "sequential µs",
        "split µs", "weft µs", "CF µs", "efficiency: split   weft     CF");
    double[][] efficiency = new double[sizes.length][NAMES.length];
    for (int s = 0; s < sizes.length; s++) {
      for (int c = 1; c < NAMES.length; c++) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = nanos[s][0][r] / (ShapeBenchmark.WORKERS * nanos[s][c][r]);
        }
        efficiency[s][c] = median(ratios);
      }
      out.printf(Locale.ROOT, "%7d %13.1f %13.1f %13.1f %13.1f   %17.2f %6.2f %6.2f%n", sizes[s],
          median(nanos[s][0]) / 1e3, median(nanos[s][1]) / 1e3, median(nanos[s][2]) / 1e3,
          median(nanos[s][3]) / 1e3, efficiency[s][1], efficiency[s][2], efficiency[s][3]);
    }
    for (int c = 1; c < NAMES.length; c++) {
      out.printf(Locale.ROOT, "%-17s reaches 50%% efficiency at %s%n", NAMES[c],
          threshold(sizes, efficiency, c));
    }
  }

  /** The smallest size reaching 0.5, and where the curve crosses 0.5 just before it. */
  private static String threshold(long[] sizes, double[][] efficiency, int c) {
    for (int s = 0; s < sizes.length; s++) {
      if (efficiency[s][c] >= 0.5) {
        if (s == 0) {
          return sizes[s] + " µs, the smallest size swept";
        }
        double below = efficiency[s - 1][c];
        double crossing = sizes[s - 1]
            + (0.5 - below) / (efficiency[s][c] - below) * (sizes[s] - sizes[s - 1]);
        return String.format(Locale.ROOT, "%d µs (interpolated: %.1f µs)", sizes[s], crossing);
      }
    }
    return "no size swept (up to " + sizes[sizes.length - 1] + " µs)";
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static int positive(String what, String arg) {
    int value = parse(what, arg);
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, not " + value);
    }
    return value;
  }

  private static long nonNegative(String arg) {
    int value = parse("a body size", arg);
    if (value < 0) {
      throw new IllegalArgumentException("a body size must be >= 0 µs, not " + value);
    }
    return value;
  }

  private static int parse(String what, String arg) {
    try {
      return Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, not '" + arg + "'");
    }
  }
}
