package dev.weft.benchmarks;

import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunHandle;
import dev.weft.engine.Weft;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The heap a Weft graph keeps per node, for the budget of DESIGN.md section 4 (per-node
 * bookkeeping under 1 KiB; a graph of a million nodes runs in a 2 GiB heap). It builds a chain of
 * {@code nodes} tasks with {@link FlowBuilder} as a user would ({@code task("t" + i, v -> v + 1,
 * previous)}), runs it on a Weft of two workers with {@code caching(false)}, and reads the heap in
 * use after a full collection at each step:
 * <ol>
 *   <li>before the flow is built, and after: what the built {@link Flow} retains per node;
 *   <li>during a run, while the last task waits on a latch and every other task is done: what a
 *       run adds per node (its per-node state, and any values it still holds);
 *   <li>after the run: what is left over once its result is dropped (should be nothing);
 *   <li>for scale, a chain of as many {@code thenApplyAsync} stages wired behind a future that
 *       is not yet completed, then completed and joined.
 * </ol>
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.MemoryPerNode \
 *     [nodes (1000000)]
 * </pre>
 *
 * <p>Results go to standard output, progress to standard error. Exit status: 0; 1 if a run
 * failed, computed a wrong value or ran out of memory; 2 for bad arguments. About 10 s.
 */
public final class MemoryPerNode {
  private static final double MIB = 1024.0 * 1024.0;

  private MemoryPerNode() {}

  /** Measures; see the class documentation for the argument. */
  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    int nodes;
    try {
      if (args.length > 1) {
        throw new IllegalArgumentException("expected at most 1 argument, got " + args.length);
      }
      nodes = args.length == 0 ? 1_000_000 : parse(args[0]);
    } catch (IllegalArgumentException e) {
      err.println("MemoryPerNode: " + e.getMessage());
      err.println("usage: MemoryPerNode [nodes (1000000)]");
      return 2;
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (maxHeap > 2L * 1024 * 1024 * 1024 * 11 / 10) {
      err.printf(Locale.ROOT, "MemoryPerNode: the heap may grow to %.0f MiB; run with -Xmx2g to"
          + " check the budget's 2 GiB%n", maxHeap / MIB);
    }
    ForkJoinPool pool = new ForkJoinPool(ShapeBenchmark.WORKERS);
    try (Weft weft = Weft.builder().parallelism(ShapeBenchmark.WORKERS).caching(false).build()) {
      err.println("warming up on a chain of 10,000");
      Chain warm = new Chain(10_000);
      warm.release.countDown();
      int warmValue = weft.compute(warm.flow, warm.last, Inputs.empty());
      if (warmValue != 10_000) {
        err.println("MemoryPerNode: the warm-up chain computed " + warmValue + ", not 10000");
        return 1;
      }
      return measure(nodes, weft, pool, out, err);
    } catch (OutOfMemoryError e) {
      err.println("MemoryPerNode: out of memory with " + nodes + " nodes in a heap of "
          + Math.round(maxHeap / MIB) + " MiB: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) { // TaskFailedException, CancellationException
      err.println("MemoryPerNode: a run failed: " + e);
      return 1;
    } finally {
      pool.shutdown();
    }
  }

  private static int measure(int nodes, Weft weft, ForkJoinPool pool, PrintStream out,
      PrintStream err) throws InterruptedException {
    err.printf(Locale.ROOT, "building a chain of %,d tasks%n", nodes);
    long before = usedAfterGc();
    long start = System.nanoTime();
    Chain chain = new Chain(nodes);
    long buildNanos = System.nanoTime() - start;
    long withFlow = usedAfterGc();

    err.println("running it; measuring while its last task waits");
    RunHandle handle = weft.start(chain.flow, Inputs.empty(), chain.last);
    while (!chain.lastStarted.await(100, TimeUnit.MILLISECONDS)) {
      if (handle.isDone()) {
        err.println("MemoryPerNode: the run ended before its last task started: "
            + handle.future().handle((result, failure) -> String.valueOf(failure)).join());
        return 1;
      }
    }
    long duringRun = usedAfterGc();
    chain.release.countDown();
    int value = handle.await().get(chain.last);
    handle = null; // drops the run's result before the next reading
    long afterRun = usedAfterGc();

    start = System.nanoTime();
    int again = weft.compute(chain.flow, chain.last, Inputs.empty());
    long weftNanos = System.nanoTime() - start;
    if (value != nodes || again != nodes) {
      err.printf(Locale.ROOT, "MemoryPerNode: the chain computed %d and %d, not %d%n", value,
          again, nodes);
      return 1;
    }
    Reference.reachabilityFence(chain);
    chain = null; // the futures are measured without the flow

    err.printf(Locale.ROOT, "wiring %,d CompletableFuture stages%n", nodes);
    long beforeFutures = usedAfterGc();
    CompletableFuture<Integer> head = new CompletableFuture<>();
    CompletableFuture<Integer> last = head;
    for (int i = 1; i < nodes; i++) {
      last = last.thenApplyAsync(v -> v + 1, pool);
    }
    long withFutures = usedAfterGc();
    start = System.nanoTime();
    head.complete(1);
    int futureValue = last.join();
    long futureNanos = System.nanoTime() - start;
    if (futureValue != nodes) {
      err.printf(Locale.ROOT, "MemoryPerNode: the futures computed %d, not %d%n", futureValue,
          nodes);
      return 1;
    }

    out.printf(Locale.ROOT, "Heap retained by a chain of %,d tasks (used heap after a full GC;"
        + " heap max %.0f MiB)%n", nodes, Runtime.getRuntime().maxMemory() / MIB);
    row(out, String.format(Locale.ROOT, "Weft flow, built (in %.0f ms)", buildNanos / 1e6),
        withFlow - before, nodes);
    row(out, "Weft run in progress, over the flow", duringRun - withFlow, nodes);
    row(out, "Weft flow + run", duringRun - before, nodes);
    row(out, "left after the run, over the flow", afterRun - withFlow, nodes);
    row(out, "CompletableFuture stages, wired", withFutures - beforeFutures, nodes);
    out.printf(Locale.ROOT, "One run each, not a benchmark: Weft %.1f ms (%.0f ns per node),"
        + " CompletableFuture %.1f ms (%.0f ns per node)%n", weftNanos / 1e6,
        (double) weftNanos / nodes, futureNanos / 1e6, (double) futureNanos / nodes);
    out.printf(Locale.ROOT, "Budget (per-node bookkeeping under 1 KiB): %s%n",
        (duringRun - before) / (double) nodes < 1024 ? "met" : "MISSED");
    return 0;
  }

  private static int parse(String arg) {
    int nodes;
    try {
      nodes = Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("nodes must be a whole number, not '" + arg + "'");
    }
    if (nodes < 2) {
      throw new IllegalArgumentException("nodes must be at least 2, not " + nodes);
    }
    return nodes;
  }

  private static void row(PrintStream out, String what, long bytes, int nodes) {
    out.printf(Locale.ROOT, "  %-46s %9.1f MiB %9.1f B per node%n", what, bytes / MIB,
        (double) bytes / nodes);
  }

  /** Used heap after full collections: the least of three readings, each after a {@code gc()}. */
  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      memory.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The chain: {@code t0} is 1, each next task adds one; the last one waits for a latch. */
  private static final class Chain {
    final CountDownLatch lastStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Flow flow;
    final Key<Integer> last;

    Chain(int nodes) {
      FlowBuilder builder = Flow.builder("chain-" + nodes);
      Key<Integer> previous = builder.task("t0", () -> 1);
      for (int i = 1; i < nodes - 1; i++) {
        previous = builder.task("t" + i, (Integer v) -> v + 1, previous);
      }
      CountDownLatch started = lastStarted;
      CountDownLatch go = release;
      last = builder.task("t" + (nodes - 1), (Integer v) -> {
        started.countDown();
        go.await();
        return v + 1;
      }, previous);
      flow = builder.build();
    }
  }
}
