package dev.weft.benchmarks;

import dev.weft.engine.Weft;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One graph shape, run three ways with the same {@link Body} on two threads: {@link #weft} (a
 * {@link DagFlow} on a Weft of parallelism 2 with {@code caching(false)}, so that it measures the
 * scheduler alone; the flow is built once per trial, as a program builds a flow once and runs it
 * many times), {@link #completableFuture} ({@link DagFutures} on a {@code ForkJoinPool(2)}, wired
 * in every operation since a future completes once) and {@link #sequential} ({@link
 * Dag#evaluate}: the bodies called in order on one thread, no scheduler).
 *
 * <p>A subclass names the shape and its sizes with {@code @Param} fields. One operation runs the
 * whole graph: the primary score is nanoseconds per graph, and the secondary score {@code
 * ·nodes} (an {@link AuxCounters} counter of the nodes run) is <b>nanoseconds per node</b>. The
 * setup runs the graph all three ways once and fails the trial unless they agree, so that the
 * comparators provably run the same graph.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public abstract class ShapeBenchmark {
  static final int WORKERS = 2;

  Dag dag;
  Body body;
  DagFlow flow;
  Weft weft;
  ForkJoinPool pool;

  /** The graph to measure, from the subclass's parameters. */
  abstract Dag dag();

  /** The body of every node; the no-op body unless the subclass has a duration parameter. */
  Body body() {
    return Body.noop();
  }

  /** Builds the graph and the flow, starts the engine and the pool, and checks the three agree. */
  @Setup(Level.Trial)
  public void setUp() {
    dag = dag();
    body = body();
    flow = DagFlow.of(dag, body);
    weft = Weft.builder().parallelism(WORKERS).caching(false).build();
    pool = new ForkJoinPool(WORKERS);
    check(dag, "weft", flow.run(weft), dag.evaluate(body));
    check(dag, "completableFuture", DagFutures.run(dag, body, pool), dag.evaluate(body));
    prepare();
    System.out.printf("%n%s%n", dag);
  }

  /** Called at the end of the setup, engine and pool started: a subclass's own preparations. */
  void prepare() {}

  /** Fails the trial when a comparator's result differs from the sequential one. */
  static void check(Dag dag, String comparator, int got, int sequential) {
    if (got != sequential) {
      throw new IllegalStateException(comparator + " computed " + got + " for " + dag.name()
          + ", the sequential calls " + sequential + ": the comparators do not run one graph");
    }
  }

  /** Stops the engine and the pool. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    weft.close();
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * Counts the nodes run in each iteration; JMH divides the iteration's time by the count, which
   * gives the secondary score {@code ·nodes} in nanoseconds per node.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Nodes {
    /** Nodes run so far in this iteration. */
    public long nodes;

    /** Starts each iteration's count at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      nodes = 0;
    }
  }

  /** Weft, parallelism 2, {@code caching(false)}: the exits as targets, summed by the caller. */
  @Benchmark
  public int weft(Nodes counter) {
    counter.nodes += dag.size();
    return flow.run(weft);
  }

  /** The same graph wired with {@code CompletableFuture} on a {@code ForkJoinPool(2)}. */
  @Benchmark
  public int completableFuture(Nodes counter) {
    counter.nodes += dag.size();
    return DagFutures.run(dag, body, pool);
  }

  /** The same bodies called in topological order on the benchmark thread. */
  @Benchmark
  public int sequential(Nodes counter) {
    counter.nodes += dag.size();
    return dag.evaluate(body);
  }
}
