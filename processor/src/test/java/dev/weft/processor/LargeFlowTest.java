package dev.weft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.weft.engine.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Classes with many tasks compile, and their flows compute what the methods compute — even past
 * the 64 KiB a single method's bytecode may take, which {@code of(...)} reached at about 1,300
 * tasks.
 */
class LargeFlowTest {
  static final int TASKS = 200;
  static final int CHAIN = 2_000;

  /**
   * A source with {@code tasks} tasks: {@code t0} reads the input {@code seed}; every later task
   * reads the one before it, and every tenth also the task ten before it, so the graph has both
   * long chains and fan-in.
   */
  static List<String> source(int tasks) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import dev.weft.Input;");
    lines.add("import dev.weft.Task;");
    lines.add("public class Large {");
    lines.add("  @Task public long t0(@Input long seed) { return seed; }");
    for (int i = 1; i < tasks; i++) {
      String extra = i % 10 == 0 ? ", long t" + (i - 10) : "";
      String sum = i % 10 == 0 ? " + t" + (i - 10) : "";
      lines.add(
          "  @Task public long t" + i + "(long t" + (i - 1) + extra + ") { return t" + (i - 1)
              + sum + " + 1; }");
    }
    lines.add("}");
    return lines;
  }

  @Test
  void twoHundredTasks_compileAndRun() throws Exception {
    Compilation compilation =
        GeneratedFlowTest.compile("test.Large", source(TASKS).toArray(String[]::new));

    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClasses(compilation);
    Class<?> type = loader.loadClass("test.Large");
    Flow flow =
        (Flow)
            loader
                .loadClass("test.LargeFlow")
                .getMethod("of", type)
                .invoke(null, type.getDeclaredConstructor().newInstance());
    assertThat(flow.tasks()).hasSize(TASKS);
    Map<String, Object> values = SequentialTestRunner.runAll(flow, Map.of("seed", 0L));
    assertThat(values).containsEntry("t199", expected(TASKS - 1));
  }

  @Test
  void twoThousandTasks_doNotMakeOfTooLarge() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import dev.weft.Input;");
    lines.add("import dev.weft.Task;");
    lines.add("public class Chain {");
    lines.add("  @Task public long t0(@Input long seed) { return seed; }");
    for (int i = 1; i < CHAIN; i++) {
      String previous = "t" + (i - 1);
      lines.add(
          "  @Task public long t" + i + "(long " + previous + ") { return " + previous + " + 1; }");
    }
    lines.add("}");

    // Before the tasks were split into helpers, javac failed with "code too large" in of().
    Compilation compilation =
        GeneratedFlowTest.compile("test.Chain", lines.toArray(String[]::new));

    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = new CompiledClasses(compilation);
    Class<?> type = loader.loadClass("test.Chain");
    Flow flow =
        (Flow)
            loader
                .loadClass("test.ChainFlow")
                .getMethod("of", type)
                .invoke(null, type.getDeclaredConstructor().newInstance());
    assertThat(flow.tasks()).hasSize(CHAIN);
    assertThat(SequentialTestRunner.runAll(flow, Map.of("seed", 5L)))
        .containsEntry("t" + (CHAIN - 1), 5L + CHAIN - 1);
  }

  /** What t{@code n} computes from seed 0, by the recurrence the generated source encodes. */
  private static long expected(int n) {
    long[] t = new long[n + 1];
    for (int i = 1; i <= n; i++) {
      t[i] = t[i - 1] + (i % 10 == 0 ? t[i - 10] : 0) + 1;
    }
    return t[n];
  }
}
