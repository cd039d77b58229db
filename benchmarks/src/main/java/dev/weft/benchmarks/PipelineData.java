package dev.weft.benchmarks;

import dev.weft.engine.Inputs;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@link Pipeline}, its data file in a temporary folder, and the inputs of a run on it: one
 * per trial, shared by the caching benchmarks. Also the checks that a state really is cold or
 * warm before anything is measured.
 */
@State(Scope.Benchmark)
public class PipelineData {
  /** Workers of every Weft in the caching benchmarks, as in the scheduler benchmarks. */
  static final int WORKERS = 2;

  Path dir;
  Pipeline pipeline;
  Inputs inputs;

  /** Writes the data file and declares the flow. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("weft-bench-data");
    pipeline = Pipeline.create();
    inputs = pipeline.inputs(Pipeline.writeData(dir));
  }

  /** Deletes the data file. */
  @TearDown(Level.Trial)
  public void tearDown() {
    Pipeline.deleteRecursively(dir);
  }

  /** A Weft of two workers; with a cache directory if {@code cacheDir} is not null. */
  static Weft weft(boolean caching, Path cacheDir) {
    Weft.Builder builder = Weft.builder().parallelism(WORKERS).caching(caching);
    if (cacheDir != null) {
      builder.cacheDir(cacheDir);
    }
    return builder.build();
  }

  /** Runs every task of the pipeline and returns the result. */
  RunResult runAll(Weft weft) {
    return weft.run(pipeline.flow, inputs);
  }

  /**
   * Throws unless every task {@code result} lists has one of {@code statuses} and the run touched
   * {@code expectedTasks} tasks: proof that a state is as cold or as warm as its name says.
   */
  static void expect(String what, RunResult result, int expectedTasks,
      TaskOutcome.Status first, TaskOutcome.Status... rest) {
    Set<TaskOutcome.Status> allowed = EnumSet.of(first, rest);
    for (TaskOutcome outcome : result.tasks()) {
      if (!allowed.contains(outcome.status())) {
        throw new IllegalStateException(what + ": task '" + outcome.name() + "' is "
            + outcome.status() + " (" + outcome.reason() + "), expected " + allowed);
      }
    }
    if (result.tasks().size() != expectedTasks) {
      throw new IllegalStateException(what + ": the run touched " + result.tasks().size()
          + " tasks, expected " + expectedTasks + ": " + result.tasks());
    }
  }
}
