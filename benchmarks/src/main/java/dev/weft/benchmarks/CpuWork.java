package dev.weft.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A task body that keeps one core busy for a calibrated time: {@link Blackhole#consumeCPU} with a
 * token count measured, in the benchmark's own JVM, to take the wanted duration. Busy work rather
 * than {@code sleep}, because a sleeping task frees its core and would flatter any scheduler.
 */
final class CpuWork {
  private final long tokens;

  private CpuWork(long tokens) {
    this.tokens = tokens;
  }

  /**
   * Measures how many tokens take {@code nanos} on this JVM, once it has compiled
   * {@code consumeCPU}: the median of several timed rounds, each scaled from the previous
   * estimate. A round times enough calls to last about a millisecond (one call for bodies of a
   * millisecond or more), so that a body of a few microseconds is not lost in the clock's
   * resolution. Prints the result, so the JMH log shows what a task really cost.
   */
  static CpuWork calibrate(long nanos) {
    return calibrate(nanos, System.out);
  }

  /** As {@link #calibrate(long)}, printing the result to {@code log}. */
  static CpuWork calibrate(long nanos, PrintStream log) {
    long tokens = 10_000;
    // Warm-up: let the JIT compile consumeCPU before anything is timed.
    for (long end = System.nanoTime() + 500_000_000L; System.nanoTime() < end; ) {
      Blackhole.consumeCPU(tokens);
    }
    int calls = (int) Math.max(1, Math.min(100_000, 1_000_000L / Math.max(1, nanos)));
    tokens = Math.max(1, tokens * nanos / 1_000_000); // about right already for a modern core
    long[] estimates = new long[9];
    for (int round = 0; round < estimates.length; round++) {
      long start = System.nanoTime();
      for (int call = 0; call < calls; call++) {
        Blackhole.consumeCPU(tokens);
      }
      long took = Math.max(1, System.nanoTime() - start);
      tokens = Math.max(1, Math.round((double) tokens * nanos * calls / took));
      estimates[round] = tokens;
    }
    Arrays.sort(estimates);
    CpuWork work = new CpuWork(estimates[estimates.length / 2]);
    long check = work.measureNanos(Math.max(20, 20 * calls));
    log.printf(Locale.ROOT,
        "%nCpuWork: %d tokens per task; a task takes %.2f µs on one thread (wanted %.2f µs)%n",
        work.tokens, check / 1e3, nanos / 1e3);
    return work;
  }

  /** The mean time of one {@link #run()} over {@code rounds} calls, in nanoseconds. */
  long measureNanos(int rounds) {
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      run();
    }
    return (System.nanoTime() - start) / rounds;
  }

  /** Does the work; returns a constant, so it can serve as a task's value. */
  Integer run() {
    Blackhole.consumeCPU(tokens);
    return 1;
  }
}
