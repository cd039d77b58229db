package dev.weft.benchmarks;

import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Reruns of the {@link Pipeline} with everything cached, with the same inputs: scores in
 * microseconds per run, to set against {@link CachingColdRun}'s milliseconds. Budget (DESIGN.md
 * section 4): a warm rerun at least 50 times faster than the cold run.
 *
 * <ul>
 *   <li>{@link #memory}: the same Weft that ran the pipeline once (in the trial's setup) asks
 *       for the report again. The run plans: it fingerprints the input file (size and time),
 *       works out the 33 keys from the code fingerprints and the digests in memory, finds the
 *       report cached and takes it, loading and running nothing upstream.
 *   <li>{@link #disk}: a new Weft for every operation (made outside the timed part, so its memory
 *       tier is empty) on the cache directory a first Weft filled in the trial's setup. The plan
 *       reads the 33 action entries (key to digest) and the run reads and decodes the report's
 *       value. The files are in the operating system's page cache after the first operation. The
 *       new Weft's worker threads start within the timed run.
 *   <li>{@code …AllTargets}: the same, but every task is a target, so every value (about 25 MiB
 *       encoded in all) is handed over, from memory, or read and decoded from disk.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CachingWarmRun {

  /** A Weft with the memory tier, holding every value of the pipeline. */
  @State(Scope.Benchmark)
  public static class WarmMemory {
    Weft weft;

    /** Runs the pipeline once; checks that a rerun finds everything in memory. */
    @Setup(Level.Trial)
    public void setUp(PipelineData data) {
      weft = PipelineData.weft(true, null);
      int tasks = data.pipeline.tasks.size();
      PipelineData.expect("cold", data.runAll(weft), tasks, Status.EXECUTED);
      PipelineData.expect("warm, all", data.runAll(weft), tasks, Status.MEMORY_HIT);
      PipelineData.expect("warm, report",
          weft.run(data.pipeline.flow, data.inputs, data.pipeline.report), 1, Status.MEMORY_HIT);
    }

    /** Closes the Weft. */
    @TearDown(Level.Trial)
    public void tearDown() {
      weft.close();
    }
  }

  /** A cache directory holding every value of the pipeline, and a new Weft on it per operation. */
  @State(Scope.Benchmark)
  public static class WarmDisk {
    Path cacheDir;
    Weft weft;

    /** Fills the cache directory; checks that a new Weft finds everything on disk. */
    @Setup(Level.Trial)
    public void setUpTrial(PipelineData data) throws IOException {
      cacheDir = Files.createTempDirectory("weft-bench-cache");
      int tasks = data.pipeline.tasks.size();
      try (Weft first = PipelineData.weft(true, cacheDir)) {
        PipelineData.expect("cold", data.runAll(first), tasks, Status.EXECUTED);
      }
      try (Weft second = PipelineData.weft(true, cacheDir)) {
        PipelineData.expect("warm, all", data.runAll(second), tasks, Status.DISK_HIT);
      }
      try (Weft third = PipelineData.weft(true, cacheDir)) {
        PipelineData.expect("warm, report",
            third.run(data.pipeline.flow, data.inputs, data.pipeline.report), 1,
            Status.DISK_HIT);
      }
    }

    /** A new Weft on the filled directory: its memory tier is empty (a few ms). */
    @Setup(Level.Invocation)
    public void setUp() {
      weft = PipelineData.weft(true, cacheDir);
    }

    /** Closes the operation's Weft. */
    @TearDown(Level.Invocation)
    public void tearDown() {
      weft.close();
    }

    /** Deletes the cache directory. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
      Pipeline.deleteRecursively(cacheDir);
    }
  }

  /** The report again, from the memory tier. */
  @Benchmark
  public String memory(WarmMemory state, PipelineData data) {
    return state.weft.compute(data.pipeline.flow, data.pipeline.report, data.inputs);
  }

  /** Every value again, from the memory tier. */
  @Benchmark
  public RunResult memoryAllTargets(WarmMemory state, PipelineData data) {
    return data.runAll(state.weft);
  }

  /** The report again, in a new Weft, from the disk tier. */
  @Benchmark
  public String disk(WarmDisk state, PipelineData data) {
    return state.weft.compute(data.pipeline.flow, data.pipeline.report, data.inputs);
  }

  /** Every value again, in a new Weft, from the disk tier. */
  @Benchmark
  public RunResult diskAllTargets(WarmDisk state, PipelineData data) {
    return data.runAll(state.weft);
  }
}
