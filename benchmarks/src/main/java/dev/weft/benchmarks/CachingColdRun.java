package dev.weft.benchmarks;

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What caching costs on a cold run: the {@link Pipeline} (33 tasks, values up to several MiB)
 * computed from nothing, by a Weft with {@code caching(false)} ({@link #noCache}), with the memory
 * tier ({@link #memory}) and with the memory and disk tiers ({@link #memoryAndDisk}). Budget
 * (DESIGN.md section 4): {@code memory / noCache} and {@code memoryAndDisk / noCache} at most 1.10.
 *
 * <p>Every operation is one whole run, so scores are milliseconds per run. Nothing is cached at
 * the start of an operation, by one of two means ({@link Lifetime#weft}):
 * <ul>
 *   <li>{@code fresh}: a new Weft for every operation (and for {@link #memoryAndDisk} a new,
 *       empty cache directory), made and closed outside the timed part — a program that runs
 *       the pipeline once. The Weft's codecs have not seen the value types yet, so this includes
 *       the one-off check that each type's first value decodes back to itself.
 *   <li>{@code reused}: one Weft per trial, its caches emptied with {@code cache().clear()}
 *       before each operation (outside the timed part) — a long-lived service whose inputs
 *       changed.
 * </ul>
 * The JIT and the code fingerprints (computed once per JVM and function) are warm in both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CachingColdRun {

  /** Whether a Weft lives for one operation or for the trial. */
  @State(Scope.Benchmark)
  public static class Lifetime {
    /** {@code fresh} or {@code reused}; see the class documentation. */
    @Param({"fresh", "reused"})
    public String weft;

    boolean fresh() {
      return weft.equals("fresh");
    }
  }

  /** A Weft without caches. */
  @State(Scope.Benchmark)
  public static class NoCache {
    Weft weft;
    boolean fresh;

    /** Makes the trial's Weft, if reused. */
    @Setup(Level.Trial)
    public void setUpTrial(Lifetime lifetime, PipelineData data) {
      fresh = lifetime.fresh();
      Weft probe = PipelineData.weft(false, null);
      PipelineData.expect("caching(false)", data.runAll(probe), data.pipeline.tasks.size(),
          Status.EXECUTED);
      probe.close();
      if (!fresh) {
        weft = PipelineData.weft(false, null);
      }
    }

    /** Makes the operation's Weft, if fresh (a few ms). */
    @Setup(Level.Invocation)
    public void setUp() {
      if (fresh) {
        weft = PipelineData.weft(false, null);
      }
    }

    /** Closes the operation's Weft, if fresh (a few ms). */
    @TearDown(Level.Invocation)
    public void tearDown() {
      if (fresh) {
        weft.close();
      }
    }

    /** Closes the trial's Weft. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (!fresh) {
        weft.close();
      }
    }
  }

  /** A Weft with the memory tier only, empty at the start of every operation. */
  @State(Scope.Benchmark)
  public static class Memory {
    Weft weft;
    boolean fresh;

    /** Checks that a run on an empty cache executes every task; makes the trial's Weft. */
    @Setup(Level.Trial)
    public void setUpTrial(Lifetime lifetime, PipelineData data) {
      fresh = lifetime.fresh();
      Weft probe = PipelineData.weft(true, null);
      PipelineData.expect("cold, memory", data.runAll(probe), data.pipeline.tasks.size(),
          Status.EXECUTED);
      PipelineData.expect("warm, memory", data.runAll(probe), data.pipeline.tasks.size(),
          Status.MEMORY_HIT);
      probe.close();
      if (!fresh) {
        weft = PipelineData.weft(true, null);
      }
    }

    /** A new Weft (fresh), or the trial's with its caches cleared (reused); a few ms. */
    @Setup(Level.Invocation)
    public void setUp() {
      if (fresh) {
        weft = PipelineData.weft(true, null);
      } else {
        weft.cache().clear();
      }
    }

    /** Closes the operation's Weft, if fresh. */
    @TearDown(Level.Invocation)
    public void tearDown() {
      if (fresh) {
        weft.close();
      }
    }

    /** Closes the trial's Weft. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (!fresh) {
        weft.close();
      }
    }
  }

  /** A Weft with memory and disk tiers, both empty at the start of every operation. */
  @State(Scope.Benchmark)
  public static class MemoryAndDisk {
    Weft weft;
    Path cacheDir;
    boolean fresh;

    /** Checks that values reach the disk tier; makes the trial's Weft and cache directory. */
    @Setup(Level.Trial)
    public void setUpTrial(Lifetime lifetime, PipelineData data) throws IOException {
      fresh = lifetime.fresh();
      Path probeDir = Files.createTempDirectory("weft-bench-cache");
      Weft probe = PipelineData.weft(true, probeDir);
      PipelineData.expect("cold, disk", data.runAll(probe), data.pipeline.tasks.size(),
          Status.EXECUTED);
      var stats = probe.cache().stats();
      probe.close();
      if (stats.diskEntries() < data.pipeline.tasks.size() || stats.storeFailures() != 0) {
        throw new IllegalStateException("not every value reached the disk tier: " + stats);
      }
      Weft reader = PipelineData.weft(true, probeDir);
      PipelineData.expect("warm, disk", data.runAll(reader), data.pipeline.tasks.size(),
          Status.DISK_HIT);
      reader.close();
      Pipeline.deleteRecursively(probeDir);
      if (!fresh) {
        cacheDir = Files.createTempDirectory("weft-bench-cache");
        weft = PipelineData.weft(true, cacheDir);
      }
    }

    /**
     * A new Weft on a new, empty cache directory (fresh), or the trial's with its caches cleared
     * (reused); a few ms.
     */
    @Setup(Level.Invocation)
    public void setUp() throws IOException {
      if (fresh) {
        cacheDir = Files.createTempDirectory("weft-bench-cache");
        weft = PipelineData.weft(true, cacheDir);
      } else {
        weft.cache().clear();
      }
    }

    /** Closes the operation's Weft and deletes its cache directory, if fresh (a few ms). */
    @TearDown(Level.Invocation)
    public void tearDown() {
      if (fresh) {
        weft.close();
        Pipeline.deleteRecursively(cacheDir);
      }
    }

    /** Closes the trial's Weft and deletes its cache directory. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
      if (!fresh) {
        weft.close();
        Pipeline.deleteRecursively(cacheDir);
      }
    }
  }

  /** The cold run without caches: the scheduler and the task bodies alone. */
  @Benchmark
  public String noCache(NoCache state, PipelineData data) {
    return state.weft.compute(data.pipeline.flow, data.pipeline.report, data.inputs);
  }

  /** The cold run with the memory tier: every value also encoded, digested and kept. */
  @Benchmark
  public String memory(Memory state, PipelineData data) {
    return state.weft.compute(data.pipeline.flow, data.pipeline.report, data.inputs);
  }

  /** The cold run with both tiers: every value also written to the cache directory. */
  @Benchmark
  public String memoryAndDisk(MemoryAndDisk state, PipelineData data) {
    return state.weft.compute(data.pipeline.flow, data.pipeline.report, data.inputs);
  }
}
