package dev.weft.benchmarks;

import java.io.PrintStream;

/**
 * The body every runner of a {@link Dag} calls for every node: {@code apply(sum of the values the
 * node reads)} returns that sum plus one, after {@link CpuWork} of a calibrated duration, or at
 * once for the no-op body. The same instance serves Weft's tasks, the {@code CompletableFuture}
 * stages, the Dagger producers and the sequential loop, so all of them run the same code.
 */
public final class Body {
  private final CpuWork work; // null for the no-op body
  private final long nanos;

  private Body(CpuWork work, long nanos) {
    this.work = work;
    this.nanos = nanos;
  }

  /** The no-op body: an addition, so the score is the scheduler's cost alone. */
  public static Body noop() {
    return new Body(null, 0);
  }

  /**
   * A body that keeps one core busy for about {@code micros} µs, calibrated now in this JVM
   * (which takes about a second and prints the calibration); the no-op body for 0.
   */
  public static Body calibrated(long micros) {
    return calibrated(micros, System.out);
  }

  /** As {@link #calibrated(long)}, printing the calibration to {@code log}. */
  public static Body calibrated(long micros, PrintStream log) {
    if (micros < 0) {
      throw new IllegalArgumentException("a body's duration must be >= 0 µs, not " + micros);
    }
    return micros == 0 ? noop() : new Body(CpuWork.calibrate(micros * 1000, log), micros * 1000);
  }

  /** The wanted duration of one call, in nanoseconds (0 for the no-op body). */
  public long nanos() {
    return nanos;
  }

  /** Returns {@code inputs + 1}, after the calibrated work if any. */
  public int apply(int inputs) {
    CpuWork w = work;
    return w == null ? inputs + 1 : inputs + w.run();
  }
}
