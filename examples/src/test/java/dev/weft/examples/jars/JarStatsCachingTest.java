package dev.weft.examples.jars;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns: which jars are opened again, and what comes from the cache. */
class JarStatsCachingTest {
  @TempDir Path repo;
  @TempDir Path cache;
  private TestJars jars;

  @BeforeEach
  void writeJars() throws IOException {
    jars = TestJars.write(repo);
  }

  /** {@link JarStats} that records which jars it opened; the same tasks, the same code. */
  static final class Spy extends JarStats {
    final Set<Path> opened = ConcurrentHashMap.newKeySet();

    @Override
    public JarStat stats(Jar jar) {
      opened.add(jar.path());
      return super.stats(jar);
    }
  }

  /** Runs the pipeline with a fresh Weft on {@link #cache}, as each run of the command does. */
  private RunResult run(JarStats tasks) {
    try (Weft weft = Weft.builder().cacheDir(cache).build()) {
      return JarStatsMain.jarStats(weft, JarStatsFlow.of(tasks), repo, 10);
    }
  }

  private static Map<String, String> statuses(RunResult result) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (TaskOutcome t : result.tasks()) {
      statuses.put(t.name(), t.status() + " " + t.reason());
    }
    return statuses;
  }

  @Test
  void rerun_opensNoJar() {
    Spy first = new Spy();
    Spy second = new Spy();

    RunResult before = run(first);
    RunResult after = run(second);

    assertThat(first.opened).containsExactlyElementsIn(jars.all());
    assertThat(second.opened).isEmpty();
    // What the targets read is not even looked at: the listing, the jars.
    assertThat(statuses(after)).containsExactly(
        "totals", "DISK_HIT unchanged",
        "largest", "DISK_HIT unchanged").inOrder();
    assertThat(after.get(JarStatsFlow.TOTALS)).isEqualTo(before.get(JarStatsFlow.TOTALS));
    assertThat(after.get(JarStatsFlow.LARGEST)).isEqualTo(before.get(JarStatsFlow.LARGEST));
  }

  @Test
  void touchedJar_isTheOnlyOneOpenedAgain() throws IOException {
    RunResult before = run(new Spy());
    Files.setLastModifiedTime(jars.lib,
        FileTime.fromMillis(Files.getLastModifiedTime(jars.lib).toMillis() + 60_000));
    Spy spy = new Spy();

    RunResult after = run(spy);

    assertThat(spy.opened).containsExactly(jars.lib);
    // Its statistics did not change, so neither did the list of all: the rest is loaded.
    assertThat(statuses(after)).containsExactly(
        "jars", "EXECUTED input 'repository' changed",
        "stats", "EXECUTED upstream 'jars' changed; 3 of 4 elements cached",
        "totals", "DISK_HIT unchanged",
        "largest", "DISK_HIT unchanged").inOrder();
    assertThat(after.get(JarStatsFlow.TOTALS)).isEqualTo(before.get(JarStatsFlow.TOTALS));
  }

  @Test
  void repairedJar_isReadAndCountedAgain() throws IOException {
    Totals before = run(new Spy()).get(JarStatsFlow.TOTALS);
    Files.delete(jars.bad);
    TestJars.Written repaired = TestJars.jar(jars.bad,
        Map.of("r/Repaired.class", TestJars.bytes(700, 8)));
    Spy spy = new Spy();

    RunResult after = run(spy);

    assertThat(spy.opened).containsExactly(jars.bad);
    Totals totals = after.get(JarStatsFlow.TOTALS);
    assertThat(totals.unreadable().stream().map(JarStat::path).toList())
        .containsExactly(jars.damaged.toString());
    assertThat(totals.classes()).isEqualTo(before.classes() + 1);
    assertThat(totals.classBytes()).isEqualTo(before.classBytes() + repaired.classBytes());
    assertThat(after.outcome("totals").reason()).isEqualTo("upstream 'stats' changed");
  }

  @Test
  void commandRerun_saysWhichElementsCameFromTheCache() throws IOException {
    main();
    Files.setLastModifiedTime(jars.multi,
        FileTime.fromMillis(Files.getLastModifiedTime(jars.multi).toMillis() + 60_000));

    List<String> lines = main();

    assertThat(lines.get(lines.size() - 4)).matches("  stats    executed +\\d+\\.\\d\\d s  "
        + "upstream 'jars' changed; 3 of 4 elements cached");
    assertThat(lines.get(lines.size() - 3)).matches("  totals   disk cache +\\d+\\.\\d\\d s  "
        + "unchanged");
    assertThat(lines.get(lines.size() - 1)).matches("Ran 4 tasks in \\d+\\.\\d\\d s: "
        + "2 executed, 2 from the cache \\(.*\\)");
  }

  @Test
  void noCache_executesEveryTaskOnEveryRun() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, UTF_8);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    String[] args = {"--no-cache", repo.toString()};

    JarStatsMain.run(args, print, quiet, ConsoleProgress.create(quiet, false));
    JarStatsMain.run(args, print, quiet, ConsoleProgress.create(quiet, false));

    List<String> summaries = out.toString(UTF_8).lines().filter(l -> l.startsWith("Ran ")).toList();
    assertThat(summaries).hasSize(2);
    for (String summary : summaries) {
      assertThat(summary).matches(
          "Ran 4 tasks in \\d+\\.\\d\\d s: 4 executed, none from the cache \\(caching off\\)");
    }
  }

  /** Runs the command line with the cache in {@link #cache}; returns what it printed. */
  private List<String> main() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    int status = JarStatsMain.run(new String[] {"--cache-dir", cache.toString(), repo.toString()},
        new PrintStream(out, true, UTF_8), quiet, ConsoleProgress.create(quiet, false));
    assertThat(status).isEqualTo(0);
    return out.toString(UTF_8).lines().toList();
  }
}
