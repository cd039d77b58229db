package dev.weft.benchmarks;

import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import dev.weft.engine.values.Codecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caching budget's ratios in one go: the comparators of {@link CachingColdRun}, {@link
 * CachingWarmRun} and {@link CachingLargeGraph} run in alternation, round after round, in one
 * JVM, and the median of each per-round ratio is printed. As {@link Paired} does for the
 * scheduler, and for the same reason: on these shared 2-vCPU machines the capacity on offer drifts
 * within a minute, so a ratio of two JMH scores taken a minute apart can compare two machines,
 * while here the operands of each ratio are measured within about a second of each other.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *     dev.weft.benchmarks.CachingPaired [rounds]
 * </pre>
 *
 * <p>It prints, in order: the cold runs (a new Weft, and a new cache directory, for every run;
 * and one Weft per comparator whose caches are cleared before every run), the warm reruns
 * (memory: the same Weft; disk: a new Weft on a filled directory for every run) and their
 * ratios; the pipeline's tasks (time without and with caching, encoded size); then µs per node of
 * fully cached reruns of graphs of 1,000 and 10,000 tiny tasks. Only the runs are timed: making
 * and closing Wefts, clearing caches and deleting directories happen between the timed parts.
 */
public final class CachingPaired {
  private static final int WARMUP_ROUNDS = 5;

  private CachingPaired() {}

  /** One comparator: does its untimed preparation, then returns the nanoseconds of one run. */
  @FunctionalInterface
  private interface Timed {
    double nanos() throws Exception;
  }

  /** Runs everything; the optional argument is the number of rounds (default 10). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    PipelineData data = new PipelineData();
    data.setUp();
    try {
      pipeline(data, rounds);
      profile(data); // after the rounds, so that the JIT has compiled the task bodies
      largeGraphs(rounds);
    } finally {
      data.tearDown();
    }
    System.exit(0); // every Weft is closed, but don't wait on stragglers
  }

  /**
   * Each task's time on its worker, from the moment its body starts ({@code taskStarted}) to the
   * moment its dependents may start ({@code taskFinished}, after the value was encoded, digested
   * and stored): the body alone without caches, the body and the caching work with them. Medians
   * of five cold runs in new Wefts; then each value's encoded size.
   */
  private static void profile(PipelineData data) throws Exception {
    int runs = 5;
    List<Map<String, double[]>> modes = new ArrayList<>();
    for (int mode = 0; mode < 3; mode++) {
      Map<String, double[]> times = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        TaskTimes listener = new TaskTimes();
        Path dir = mode == 2 ? Files.createTempDirectory("weft-bench-cache") : null;
        Weft.Builder builder = Weft.builder().parallelism(PipelineData.WORKERS)
            .caching(mode > 0).listener(listener);
        if (dir != null) {
          builder.cacheDir(dir);
        }
        try (Weft weft = builder.build()) {
          PipelineData.expect("profile", data.runAll(weft), data.pipeline.tasks.size(),
              Status.EXECUTED);
        } finally {
          if (dir != null) {
            Pipeline.deleteRecursively(dir);
          }
        }
        for (Map.Entry<String, Long> e : listener.nanos.entrySet()) {
          times.computeIfAbsent(e.getKey(), k -> new double[runs])[i] = e.getValue() / 1e6;
        }
      }
      modes.add(times);
    }
    RunResult values;
    try (Weft weft = PipelineData.weft(false, null)) {
      values = data.runAll(weft);
    }
    Codecs codecs = Codecs.create();
    System.out.printf(Locale.ROOT, "%n== The pipeline's tasks: ms on a worker from body start to"
        + " dependents released (median of %d cold runs in new Wefts, after the rounds)%n", runs);
    System.out.printf(Locale.ROOT, "%-18s %10s %10s %12s %12s%n", "task", "no cache",
        "memory", "memory+disk", "encoded KiB");
    double[] sums = new double[3];
    long totalBytes = 0;
    for (Key<?> key : data.pipeline.tasks) {
      long size = codecs.encode(values.get(key), key.type()).length;
      totalBytes += size;
      double[] medians = new double[3];
      for (int mode = 0; mode < 3; mode++) {
        medians[mode] = median(modes.get(mode).get(key.name()));
        sums[mode] += medians[mode];
      }
      System.out.printf(Locale.ROOT, "%-18s %10.2f %10.2f %12.2f %12.1f%n", key.name(),
          medians[0], medians[1], medians[2], size / 1024.0);
    }
    System.out.printf(Locale.ROOT, "%-18s %10.2f %10.2f %12.2f %12.1f%n", "(sum)", sums[0],
        sums[1], sums[2], totalBytes / 1024.0);
  }

  /** Records each task's time from {@code taskStarted} to {@code taskFinished}. */
  private static final class TaskTimes implements RunListener {
    final Map<String, Long> nanos = new ConcurrentHashMap<>();

    @Override
    public void taskStarted(String task) {
      nanos.put(task, System.nanoTime());
    }

    @Override
    public void taskFinished(TaskOutcome outcome) {
      nanos.computeIfPresent(outcome.name(), (task, start) -> System.nanoTime() - start);
    }
  }

  private static void pipeline(PipelineData data, int rounds) throws Exception {
    int tasks = data.pipeline.tasks.size();
    Path reusedDir = Files.createTempDirectory("weft-bench-cache");
    Path warmDir = Files.createTempDirectory("weft-bench-cache");
    try (Weft noCacheReused = PipelineData.weft(false, null);
        Weft memoryReused = PipelineData.weft(true, null);
        Weft diskReused = PipelineData.weft(true, reusedDir);
        Weft warmMemory = PipelineData.weft(true, null)) {
      PipelineData.expect("cold", data.runAll(warmMemory), tasks, Status.EXECUTED);
      try (Weft filler = PipelineData.weft(true, warmDir)) {
        PipelineData.expect("cold", data.runAll(filler), tasks, Status.EXECUTED);
      }
      Map<String, Timed> comparators = new LinkedHashMap<>();
      comparators.put("noCache fresh", () -> fresh(data, false, false));
      comparators.put("memory fresh", () -> fresh(data, true, false));
      comparators.put("disk fresh", () -> fresh(data, true, true));
      comparators.put("noCache reused", () -> time(data, noCacheReused, Status.EXECUTED));
      comparators.put("memory reused", () -> {
        memoryReused.cache().clear();
        return time(data, memoryReused, Status.EXECUTED);
      });
      comparators.put("disk reused", () -> {
        diskReused.cache().clear();
        return time(data, diskReused, Status.EXECUTED);
      });
      comparators.put("warm memory", () -> {
        int reps = 200;
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          warmMemory.run(data.pipeline.flow, data.inputs, data.pipeline.report);
        }
        return (System.nanoTime() - start) / (double) reps;
      });
      comparators.put("warm disk", () -> {
        double total = 0;
        int reps = 5;
        for (int i = 0; i < reps; i++) {
          try (Weft weft = PipelineData.weft(true, warmDir)) {
            total += time(data, weft, Status.DISK_HIT);
          }
        }
        return total / reps;
      });
      double[][] micros = measure("The pipeline, µs per run", comparators, rounds);
      double[] noCache = micros[0];
      System.out.printf(Locale.ROOT, "%nRatios (median over rounds; min, max):%n");
      ratio("cold overhead, memory (fresh Weft)", micros[1], noCache, "≤ 1.10");
      ratio("cold overhead, memory+disk (fresh Weft)", micros[2], noCache, "≤ 1.10");
      ratio("cold overhead, memory (reused Weft)", micros[4], micros[3], "≤ 1.10");
      ratio("cold overhead, memory+disk (reused Weft)", micros[5], micros[3], "≤ 1.10");
      ratio("warm-memory factor (cold memory / warm)", micros[1], micros[6], "≥ 50");
      ratio("warm-disk factor (cold disk / warm)", micros[2], micros[7], "≥ 50");
      ratio("warm-memory factor vs noCache", noCache, micros[6], "");
      ratio("warm-disk factor vs noCache", noCache, micros[7], "");
    } finally {
      Pipeline.deleteRecursively(reusedDir);
      Pipeline.deleteRecursively(warmDir);
    }
  }

  /** A cold run in a new Weft (with a new cache directory for {@code disk}). */
  private static double fresh(PipelineData data, boolean caching, boolean disk) throws Exception {
    Path dir = disk ? Files.createTempDirectory("weft-bench-cache") : null;
    try (Weft weft = PipelineData.weft(caching, dir)) {
      return time(data, weft, Status.EXECUTED);
    } finally {
      if (dir != null) {
        Pipeline.deleteRecursively(dir);
      }
    }
  }

  /** Times one run of the report and checks how the report was made. */
  private static double time(PipelineData data, Weft weft, Status expected) {
    long start = System.nanoTime();
    RunResult result = weft.run(data.pipeline.flow, data.inputs, data.pipeline.report);
    long took = System.nanoTime() - start;
    Status status = result.outcome(data.pipeline.report.name()).status();
    if (status != expected) {
      throw new IllegalStateException("the report was " + status + ", expected " + expected);
    }
    return took;
  }

  private static void largeGraphs(int rounds) throws Exception {
    Map<String, Timed> comparators = new LinkedHashMap<>();
    List<Weft> wefts = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    try {
      for (String shape : List.of("chain", "layered")) {
        for (int nodes : List.of(1_000, 10_000)) {
          CachingLargeGraph.Graph graph = CachingLargeGraph.graph(shape, nodes);
          Weft weft = PipelineData.weft(true, null);
          wefts.add(weft);
          PipelineData.expect("cold", weft.run(graph.flow(), Inputs.empty()),
              nodes, Status.EXECUTED);
          int reps = 200_000 / nodes; // about 20-50 ms per measurement
          comparators.put(shape + " " + nodes + " sink", () -> {
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
              weft.run(graph.flow(), Inputs.empty(), graph.sink());
            }
            return (System.nanoTime() - start) / (double) reps;
          });
          comparators.put(shape + " " + nodes + " all", () -> {
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
              weft.run(graph.flow(), Inputs.empty());
            }
            return (System.nanoTime() - start) / (double) reps;
          });
          sizes.add(nodes);
          sizes.add(nodes);
        }
      }
      double[][] micros = measure("Fully cached reruns (memory), µs per run", comparators, rounds);
      String[] names = comparators.keySet().toArray(new String[0]);
      System.out.printf(Locale.ROOT,
          "%nµs per node (median over rounds; min, max), budget ≤ 20:%n");
      for (int c = 0; c < names.length; c++) {
        double[] perNode = micros[c].clone();
        for (int i = 0; i < perNode.length; i++) {
          perNode[i] /= sizes.get(c);
        }
        print(names[c], perNode, "");
      }
    } finally {
      wefts.forEach(Weft::close);
    }
  }

  /**
   * Warms every comparator up, then runs {@code rounds} rounds, the order rotating by one per
   * round; prints every round and returns [comparator][round] in microseconds.
   */
  private static double[][] measure(String title, Map<String, Timed> comparators, int rounds)
      throws Exception {
    List<String> names = new ArrayList<>(comparators.keySet());
    List<Timed> bodies = new ArrayList<>(comparators.values());
    for (int w = 0; w < WARMUP_ROUNDS; w++) {
      for (Timed body : bodies) {
        body.nanos();
      }
    }
    System.out.printf(Locale.ROOT, "%n== %s (%d warm-up rounds, then %d rounds)%n", title,
        WARMUP_ROUNDS, rounds);
    System.out.printf(Locale.ROOT, "%5s", "round");
    names.forEach(name -> System.out.printf(Locale.ROOT, " %17s", name));
    System.out.println();
    double[][] results = new double[names.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        int c = (k + round) % names.size();
        results[c][round] = bodies.get(c).nanos() / 1e3;
      }
      System.out.printf(Locale.ROOT, "%5d", round + 1);
      for (double[] result : results) {
        System.out.printf(Locale.ROOT, " %17.1f", result[round]);
      }
      System.out.println();
    }
    System.out.printf(Locale.ROOT, "%5s", "median");
    for (double[] result : results) {
      System.out.printf(Locale.ROOT, " %17.1f", median(result));
    }
    System.out.println();
    return results;
  }

  private static void ratio(String title, double[] numerators, double[] denominators,
      String budget) {
    double[] quotients = new double[numerators.length];
    for (int i = 0; i < quotients.length; i++) {
      quotients[i] = numerators[i] / denominators[i];
    }
    print(title, quotients, budget);
  }

  private static void print(String title, double[] values, String budget) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-44s median %9.3f   (min %9.3f, max %9.3f)  %s%n", title,
        median(values), sorted[0], sorted[sorted.length - 1],
        budget.isEmpty() ? "" : "budget " + budget);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
