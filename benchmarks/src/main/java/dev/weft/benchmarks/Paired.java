package dev.weft.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JMH benchmarks' comparators run in alternation, round after round, in one JVM, printing each
 * round and the median of the per-round ratios.
 *
 * <p>Why, beside JMH: JMH runs one benchmark after another, each for some seconds, and on a
 * virtual machine whose two vCPUs share a busy host the parallelism on offer changes from one
 * half-minute to the next (seen here: 2.0 cores, then 1.0, within one run). Two scores taken a
 * minute apart then compare two machines. Here every round runs every comparator once, in a
 * rotating order, within about a second, so a ratio is taken from neighbouring measurements; the
 * median over rounds discards the rounds that straddle a change. Use it for the ratios, and JMH
 * (with its warm-up, forks and profilers) for the absolute figures.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.Paired [rounds]
 * </pre>
 *
 * <p>It runs the very methods and states of {@link SchedulingOverhead} and {@link
 * ParallelSpeedup}, without JMH's harness.
 */
public final class Paired {
  private Paired() {}

  /** Runs both comparisons; the optional argument is the number of rounds (default 20). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    overhead(rounds);
    speedup(rounds);
    System.exit(0); // the engines' and pools' threads are stopped, but don't wait on stragglers
  }

  private static void overhead(int rounds) throws Exception {
    SchedulingOverhead bench = new SchedulingOverhead();
    SchedulingOverhead.WeftState weft = new SchedulingOverhead.WeftState();
    SchedulingOverhead.PoolState pool = new SchedulingOverhead.PoolState();
    weft.setUp();
    pool.setUp();
    Map<String, Callable<?>> comparators = new LinkedHashMap<>();
    comparators.put("completableFutureChain", () -> bench.completableFutureChain(pool));
    comparators.put("weftChain", () -> bench.weftChain(weft));
    comparators.put("completableFutureWide", () -> bench.completableFutureWide(pool));
    comparators.put("weftWide", () -> bench.weftWide(weft));
    // Five graphs per measurement (~0.1 s), reported per task.
    double[][] nanosPerTask = measure("SchedulingOverhead, ns per task", comparators, rounds, 5,
        SchedulingOverhead.TASKS, 20);
    ratios(new String[] {"weftChain / completableFutureChain", "weftWide / completableFutureWide"},
        new double[][] {divide(nanosPerTask[1], nanosPerTask[0]),
            divide(nanosPerTask[3], nanosPerTask[2])});
    weft.tearDown();
    pool.tearDown();
  }

  private static void speedup(int rounds) throws Exception {
    ParallelSpeedup bench = new ParallelSpeedup();
    bench.setUp();
    Map<String, Callable<?>> comparators = new LinkedHashMap<>();
    comparators.put("sequential", bench::sequential);
    comparators.put("staticSplit", bench::staticSplit);
    comparators.put("weft", bench::weft);
    comparators.put("completableFuture", bench::completableFuture);
    double[][] millis = measure("ParallelSpeedup, ms per 200 tasks", comparators, rounds, 1, 1e6, 3);
    double[] sequential = millis[0];
    ratios(new String[] {"sequential / weft (speedup)", "sequential / staticSplit (ceiling)",
        "sequential / completableFuture", "staticSplit / weft (share of ceiling)"},
        new double[][] {divide(sequential, millis[2]), divide(sequential, millis[1]),
            divide(sequential, millis[3]), divide(millis[1], millis[2])});
    bench.tearDown();
  }

  /**
   * Warms every comparator up, then runs {@code rounds} rounds of each, the order rotating by one
   * per round; returns [comparator][round] in nanoseconds divided by {@code per}.
   */
  private static double[][] measure(String title, Map<String, Callable<?>> comparators,
      int rounds, int reps, double per, int warmups) throws Exception {
    List<String> names = new ArrayList<>(comparators.keySet());
    List<Callable<?>> bodies = new ArrayList<>(comparators.values());
    for (int w = 0; w < warmups; w++) {
      for (Callable<?> body : bodies) {
        body.call();
      }
    }
    System.out.printf(Locale.ROOT, "%n== %s (%d warm-up rounds, then %d rounds)%n", title,
        warmups, rounds);
    System.out.printf(Locale.ROOT, "%5s", "round");
    names.forEach(name -> System.out.printf(Locale.ROOT, " %22s", name));
    System.out.println();
    double[][] results = new double[names.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        int c = (k + round) % names.size();
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
          bodies.get(c).call();
        }
        results[c][round] = (System.nanoTime() - start) / (reps * per);
      }
      System.out.printf(Locale.ROOT, "%5d", round + 1);
      for (double[] result : results) {
        System.out.printf(Locale.ROOT, " %22.1f", result[round]);
      }
      System.out.println();
    }
    System.out.printf(Locale.ROOT, "%5s", "median");
    for (double[] result : results) {
      System.out.printf(Locale.ROOT, " %22.1f", median(result));
    }
    System.out.println();
    return results;
  }

  private static void ratios(String[] names, double[][] ratios) {
    for (int i = 0; i < names.length; i++) {
      double[] sorted = ratios[i].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-40s median %5.2f   (min %5.2f, max %5.2f)%n", names[i],
          median(ratios[i]), sorted[0], sorted[sorted.length - 1]);
    }
  }

  private static double[] divide(double[] numerators, double[] denominators) {
    double[] quotients = new double[numerators.length];
    for (int i = 0; i < quotients.length; i++) {
      quotients[i] = numerators[i] / denominators[i];
    }
    return quotients;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
