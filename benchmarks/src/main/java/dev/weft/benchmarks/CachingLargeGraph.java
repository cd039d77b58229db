package dev.weft.benchmarks;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a fully cached rerun per node of a large graph of tiny tasks, from the memory tier.
 * Budget (DESIGN.md section 4): at most about 20 µs per node, loading no upstream value.
 *
 * <p>Two shapes of {@link #nodes} tasks, every value an {@code Integer} with a declared type:
 * <ul>
 *   <li>{@code chain}: task {@code i} reads task {@code i - 1};
 *   <li>{@code layered}: layers of three tasks, each reading two tasks of the layer before; a
 *       last task (the sink) reads the three tasks of the last layer.
 * </ul>
 * The Weft ran the graph once in the trial's setup (every task a target), so every value is in
 * memory. Scores are microseconds per run; <b>divide by {@link #nodes} for µs per node</b>.
 * <ul>
 *   <li>{@link #cachedSink}: only the sink is a target. The plan works out every node's key
 *       (each reads its dependencies' digests) and finds the sink cached: one value is taken,
 *       none upstream is loaded, nothing runs.
 *   <li>{@link #cachedAllTargets}: every task is a target, so every value is handed over (from
 *       memory) and every task gets an outcome.
 *   <li>{@link #uncachedAllTargets}: for scale, the same graph executed by a Weft with
 *       {@code caching(false)} — what running the tiny tasks costs.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CachingLargeGraph {
  private static final TypeToken<Integer> INTEGER = TypeToken.of(Integer.class);
  private static final FlowBuilder.Fn0<Integer> ONE = () -> 1;
  private static final FlowBuilder.Fn1<Integer, Integer> NEXT = v -> v + 1;
  private static final FlowBuilder.Fn2<Integer, Integer, Integer> MIX = (a, b) -> (a * 31 + b)
      % 1_000_003;
  private static final FlowBuilder.Fn3<Integer, Integer, Integer, Integer> SUM =
      (a, b, c) -> a + b + c;

  /** Tasks in the graph. */
  @Param({"1000", "10000"})
  public int nodes;

  /** {@code chain} or {@code layered}. */
  @Param({"chain", "layered"})
  public String shape;

  Flow flow;
  Key<Integer> sink;
  Weft cached;
  Weft uncached;

  /** Builds the graph; runs it once with caching; checks that a rerun is all memory hits. */
  @Setup(Level.Trial)
  public void setUp() {
    Graph graph = graph(shape, nodes);
    flow = graph.flow();
    sink = graph.sink();
    cached = Weft.builder().parallelism(PipelineData.WORKERS).build();
    uncached = Weft.builder().parallelism(PipelineData.WORKERS).caching(false).build();
    PipelineData.expect("cold", cached.run(flow, Inputs.empty()), nodes, Status.EXECUTED);
    PipelineData.expect("warm, all", cached.run(flow, Inputs.empty()), nodes, Status.MEMORY_HIT);
    PipelineData.expect("warm, sink", cached.run(flow, Inputs.empty(), sink), 1,
        Status.MEMORY_HIT);
  }

  /** Stops both Wefts. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cached.close();
    uncached.close();
  }

  /** A flow and its sink. */
  record Graph(Flow flow, Key<Integer> sink) {}

  /** A graph of {@code nodes} tasks of the given shape; see the class documentation. */
  static Graph graph(String shape, int nodes) {
    FlowBuilder builder = Flow.builder(shape + "-" + nodes);
    switch (shape) {
      case "chain" -> {
        Key<Integer> previous = builder.task("t0", INTEGER, ONE);
        for (int i = 1; i < nodes; i++) {
          previous = builder.task("t" + i, INTEGER, NEXT, previous);
        }
        return new Graph(builder.build(), previous);
      }
      case "layered" -> {
        if (nodes % 3 != 1) {
          throw new IllegalArgumentException("a layered graph has 3 × layers + 1 nodes");
        }
        List<Key<Integer>> layer = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          layer.add(builder.task("l0_" + i, INTEGER, ONE));
        }
        for (int l = 1; l < (nodes - 1) / 3; l++) {
          List<Key<Integer>> next = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            next.add(builder.task("l" + l + "_" + i, INTEGER, MIX, layer.get(i),
                layer.get((i + 1) % 3)));
          }
          layer = next;
        }
        Key<Integer> sink =
            builder.task("sink", INTEGER, SUM, layer.get(0), layer.get(1), layer.get(2));
        return new Graph(builder.build(), sink);
      }
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    }
  }

  /** Rerun with the sink as the only target: keys for every node, one value taken. */
  @Benchmark
  public RunResult cachedSink() {
    return cached.run(flow, Inputs.empty(), sink);
  }

  /** Rerun with every task a target: every value taken from memory. */
  @Benchmark
  public RunResult cachedAllTargets() {
    return cached.run(flow, Inputs.empty());
  }

  /** For scale: every tiny task executed, without caches. */
  @Benchmark
  public RunResult uncachedAllTargets() {
    return uncached.run(flow, Inputs.empty());
  }
}
