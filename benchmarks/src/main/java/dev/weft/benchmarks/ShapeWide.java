package dev.weft.benchmarks;

import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Fan-out/fan-in (Taskflow's {@code embarrassing_parallelism} with a source, Task Bench's
 * {@code trivial} and {@code no_comm}): one source node, {@link #width} nodes that each read it,
 * and a fan-in that sums them, with bodies of {@link #bodyMicros} µs of calibrated CPU work
 * ({@link CpuWork}; 0 is the no-op body). With no-op bodies this is the cost of launching and
 * joining many independent tasks; with long ones it is the speedup two workers give (at most 2).
 *
 * <p>Weft, {@code CompletableFuture} and sequential calls as in {@link ShapeBenchmark}; there the
 * fan-in is the caller's sum over the {@code width} exits once the run (or {@code allOf}) has
 * finished. {@link #weftEach} is the same graph in Weft's own fan-out, {@link FlowBuilder#each}:
 * the source's value is a list of {@code width} copies, an {@code each} task calls the body once
 * per element in parallel, and a last task sums the list, inside the flow. The secondary score
 * {@code ·nodes} is ns per node ({@code width + 1} nodes; the sum is not counted).
 */
public class ShapeWide extends ShapeBenchmark {
  /** Nodes that read the source. */
  @Param({"1000"})
  public int width;

  /** The body's calibrated duration in µs; 0 is the no-op body. */
  @Param({"0", "10", "100", "1000"})
  public long bodyMicros;

  Flow eachFlow;
  Key<Integer> eachSum;

  @Override
  Dag dag() {
    return Dag.wide(width);
  }

  @Override
  Body body() {
    return Body.calibrated(bodyMicros);
  }

  /** Builds the {@code each} variant of the graph and checks it against the sequential calls. */
  @Override
  void prepare() {
    Body b = body;
    int n = width;
    FlowBuilder builder = Flow.builder("wide-each-" + width);
    Key<List<Integer>> source =
        builder.task("source", () -> Collections.nCopies(n, b.apply(0)));
    Key<List<Integer>> work = builder.each("work", (Integer v) -> b.apply(v), source);
    eachSum = builder.task("sum", (List<Integer> values) -> sum(values), work);
    eachFlow = builder.build();
    check(dag, "weftEach", weft.compute(eachFlow, eachSum, Inputs.empty()), dag.evaluate(body));
  }

  private static int sum(List<Integer> values) {
    int sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }

  /** Weft's own fan-out: {@code each} over a list of {@code width} elements, then a sum task. */
  @Benchmark
  public int weftEach(Nodes counter) {
    counter.nodes += dag.size();
    return weft.compute(eachFlow, eachSum, Inputs.empty());
  }
}
