package dev.weft.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * A wavefront over a {@link #side} × {@link #side} grid (Taskflow's {@code wavefront}, Task
 * Bench's {@code stencil}-like dependences): node {@code (i, j)} reads {@code (i - 1, j)} and
 * {@code (i, j - 1)}, so the ready nodes form an anti-diagonal that widens to {@code side} and
 * narrows again, and every node but the first row and column joins two inputs. 10,000 nodes at
 * 100, 90,000 at 300. No-op bodies. Weft, {@code CompletableFuture} and sequential calls as in
 * {@link ShapeBenchmark}; the secondary score {@code ·nodes} is ns per node.
 */
public class ShapeWavefront extends ShapeBenchmark {
  /** Rows, and columns, of the grid. */
  @Param({"100", "300"})
  public int side;

  @Override
  Dag dag() {
    return Dag.wavefront(side, side);
  }
}
