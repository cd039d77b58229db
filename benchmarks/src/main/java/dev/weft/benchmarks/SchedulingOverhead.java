package dev.weft.benchmarks;

import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.Weft;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheduling overhead per task: 100,000 no-op tasks on two workers, Weft against the same graph
 * wired by hand with {@link CompletableFuture} on a {@code ForkJoinPool(2)}.
 *
 * <p>Each benchmark operation runs one whole graph, and JMH divides by the task count
 * ({@link OperationsPerInvocation}), so every score is nanoseconds <em>per task</em>. The task
 * bodies do next to nothing (a boxed increment or a constant), so the score is what it costs to
 * get a task from "its inputs are ready" to "its dependents know it is done".
 *
 * <p>Two shapes:
 * <ul>
 *   <li><b>chain</b>: task {@code i} reads task {@code i - 1}; no two tasks can run at once, so
 *       this is pure hand-off latency. Weft runs the whole chain on one worker without queueing
 *       (a freed dependent runs inline); the user's {@code thenApplyAsync} queues every stage.
 *   <li><b>wide</b>: 100,000 independent tasks and no sink. Weft runs them as the targets of one
 *       run ({@code weft.run(flow, inputs)} with no targets, so every value is kept, as the
 *       futures array keeps them); the peer submits each with {@code supplyAsync} and waits on
 *       {@code allOf}.
 * </ul>
 *
 * <p>Every Weft here is built with {@code caching(false)}: this class measures the scheduler
 * alone, as DESIGN.md section 4 budgets it; {@link CachingColdRun} and its siblings measure the
 * caches.
 *
 * <p>The Weft flows are built once per trial, as a program builds a flow once and runs it many
 * times; a future can only complete once, so the peer wires its graph inside the measured
 * operation. The {@code …WithBuild} variants also build the Weft flow in the operation, for a
 * like-for-like "define and run once" figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(SchedulingOverhead.TASKS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SchedulingOverhead {
  /** Tasks per graph; JMH reports each score divided by this. */
  static final int TASKS = 100_000;
  static final int WORKERS = 2;

  private static final Supplier<Integer> ONE = () -> 1;
  private static final Function<Integer, Integer> INCREMENT = v -> v + 1;

  /**
   * A {@link Weft} of two workers with {@code caching(false)} (the scheduler alone: nothing is
   * fingerprinted, looked up or stored) and the two flows, built once per trial.
   */
  @State(Scope.Benchmark)
  public static class WeftState {
    Weft weft;
    Flow chain;
    Key<Integer> chainEnd;
    Flow wide;

    /** Starts the engine and builds both flows. */
    @Setup(Level.Trial)
    public void setUp() {
      weft = Weft.builder().parallelism(WORKERS).caching(false).build();
      FlowBuilder chainBuilder = Flow.builder("chain");
      chainEnd = chain(chainBuilder);
      chain = chainBuilder.build();
      wide = wide();
    }

    /** Stops the engine's workers. */
    @TearDown(Level.Trial)
    public void tearDown() {
      weft.close();
    }
  }

  /** The pool a careful user would hand to {@code …Async}: a ForkJoinPool of two workers. */
  @State(Scope.Benchmark)
  public static class PoolState {
    ForkJoinPool pool;

    /** Starts the pool. */
    @Setup(Level.Trial)
    public void setUp() {
      pool = new ForkJoinPool(WORKERS);
    }

    /** Stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Declares the chain in {@code builder} and returns the key of its last task. */
  static Key<Integer> chain(FlowBuilder builder) {
    Key<Integer> previous = builder.task("t0", ONE::get);
    for (int i = 1; i < TASKS; i++) {
      previous = builder.task("t" + i, INCREMENT::apply, previous);
    }
    return previous;
  }

  /** Builds the wide flow: {@link #TASKS} tasks that read nothing. */
  static Flow wide() {
    FlowBuilder builder = Flow.builder("wide");
    for (int i = 0; i < TASKS; i++) {
      builder.task("t" + i, ONE::get);
    }
    return builder.build();
  }

  /** Weft, chain of 100k: the value of the last task. */
  @Benchmark
  public Integer weftChain(WeftState s) {
    return s.weft.compute(s.chain, s.chainEnd, Inputs.empty());
  }

  /** The same chain with {@code supplyAsync} and 99,999 {@code thenApplyAsync} stages. */
  @Benchmark
  public Integer completableFutureChain(PoolState s) {
    CompletableFuture<Integer> last = CompletableFuture.supplyAsync(ONE, s.pool);
    for (int i = 1; i < TASKS; i++) {
      last = last.thenApplyAsync(INCREMENT, s.pool);
    }
    return last.join();
  }

  /** Weft, 100k independent tasks, all of them targets. */
  @Benchmark
  public RunResult weftWide(WeftState s) {
    return s.weft.run(s.wide, Inputs.empty());
  }

  /** The same 100k tasks with {@code supplyAsync}, joined with {@code allOf}. */
  @Benchmark
  public CompletableFuture<?>[] completableFutureWide(PoolState s) {
    CompletableFuture<?>[] all = new CompletableFuture<?>[TASKS];
    for (int i = 0; i < TASKS; i++) {
      all[i] = CompletableFuture.supplyAsync(ONE, s.pool);
    }
    CompletableFuture.allOf(all).join();
    return all;
  }

  /** Weft, chain of 100k, building the flow in the operation too. */
  @Benchmark
  public Integer weftChainWithBuild(WeftState s) {
    FlowBuilder builder = Flow.builder("chain");
    Key<Integer> end = chain(builder);
    return s.weft.compute(builder.build(), end, Inputs.empty());
  }

  /** Weft, 100k independent tasks, building the flow in the operation too. */
  @Benchmark
  public RunResult weftWideWithBuild(WeftState s) {
    return s.weft.run(wide(), Inputs.empty());
  }
}
