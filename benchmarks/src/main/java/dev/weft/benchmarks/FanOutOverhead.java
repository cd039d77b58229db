package dev.weft.benchmarks;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
 * Per-element overhead of a fan-out ({@code each}): one task over 100,000 integers computing
 * {@code x + 1}, on two workers, so every score is nanoseconds <em>per element</em>
 * ({@link OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@code weftNoCache}: {@code caching(false)}, the scheduler alone;
 *   <li>{@code weftCold}: caching in memory, the cache cleared before each operation: every
 *       element is fingerprinted, keyed, computed and stored;
 *   <li>{@code weftRerunOneChanged}: caching in memory, and each operation changes the first
 *       element, so the task misses as a whole and each element but one is a hit — what a rerun
 *       after editing one input file costs;
 *   <li>{@code completableFuture}: the peer, one {@code supplyAsync} per element on a
 *       {@code ForkJoinPool(2)}, joined with {@code allOf} into a list;
 *   <li>{@code sequential}: a plain loop.
 * </ul>
 *
 * <p>Command: {@code java -jar benchmarks/target/benchmarks.jar FanOutOverhead -f 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(FanOutOverhead.ELEMENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FanOutOverhead {
  /** Elements per fan-out; JMH reports each score divided by this. */
  static final int ELEMENTS = 100_000;
  static final int WORKERS = 2;

  /** The flow: an input list of integers and a fan-out adding one to each. */
  @State(Scope.Benchmark)
  public static class FanOut {
    Weft uncached;
    Weft cached;
    Flow flow;
    Key<List<Integer>> numbers;
    Key<List<Integer>> incremented;
    List<Integer> input;
    ForkJoinPool pool;
    int round;

    /** Builds the flow, both engines and the pool. */
    @Setup(Level.Trial)
    public void setUp() {
      FlowBuilder builder = Flow.builder("fan-out");
      numbers = builder.input("numbers", new TypeToken<List<Integer>>() {});
      incremented = builder.each(
          "incremented", TypeToken.of(Integer.class), FanOutOverhead::increment, numbers);
      flow = builder.build();
      uncached = Weft.builder().parallelism(WORKERS).caching(false).build();
      cached = Weft.builder().parallelism(WORKERS).memoryCacheBytes(1L << 30).build();
      input = new ArrayList<>(ELEMENTS);
      for (int i = 0; i < ELEMENTS; i++) {
        input.add(i);
      }
      pool = new ForkJoinPool(WORKERS);
    }

    /** Stops the engines and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
      uncached.close();
      cached.close();
      pool.shutdown();
    }
  }

  /** Empties the cache before each cold operation. */
  @State(Scope.Thread)
  public static class Cold {
    /** Clears every entry. */
    @Setup(Level.Invocation)
    public void clear(FanOut s) {
      s.cached.cache().clear();
    }
  }

  static Integer increment(Integer x) {
    return x + 1;
  }

  /** Caching off. */
  @Benchmark
  public List<Integer> weftNoCache(FanOut s) {
    return s.uncached.compute(s.flow, s.incremented, Inputs.of(s.numbers, s.input));
  }

  /** Caching on, nothing cached. */
  @Benchmark
  public List<Integer> weftCold(FanOut s, Cold cold) {
    return s.cached.compute(s.flow, s.incremented, Inputs.of(s.numbers, s.input));
  }

  /** Caching on, every element cached but the first, which each operation changes. */
  @Benchmark
  public List<Integer> weftRerunOneChanged(FanOut s) {
    List<Integer> changed = new ArrayList<>(s.input);
    changed.set(0, -1 - s.round++);
    return s.cached.compute(s.flow, s.incremented, Inputs.of(s.numbers, changed));
  }

  /** One {@code supplyAsync} per element. */
  @Benchmark
  public List<Integer> completableFuture(FanOut s) {
    List<CompletableFuture<Integer>> futures = new ArrayList<>(ELEMENTS);
    for (Integer x : s.input) {
      futures.add(CompletableFuture.supplyAsync(() -> increment(x), s.pool));
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    List<Integer> results = new ArrayList<>(ELEMENTS);
    for (CompletableFuture<Integer> future : futures) {
      results.add(future.join());
    }
    return results;
  }

  /** A loop on the calling thread. */
  @Benchmark
  public List<Integer> sequential(FanOut s) {
    List<Integer> results = new ArrayList<>(ELEMENTS);
    for (Integer x : s.input) {
      results.add(increment(x));
    }
    return results;
  }
}
