package dev.weft.examples.jars;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import dev.weft.engine.Weft;
import dev.weft.examples.common.LockedDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it prints for a repository of known jars, and its arguments. */
class JarStatsMainTest {
  @TempDir Path repo;
  @TempDir Path cache;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
  private TestJars jars;

  @BeforeEach
  void writeJars() throws IOException {
    jars = TestJars.write(repo);
  }

  /** Runs the command line, caching in {@link #cache} unless told otherwise. */
  private int run(String... args) {
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    List<String> line = new ArrayList<>(List.of(args));
    if (!line.contains("--no-cache")) {
      line.addAll(0, List.of("--cache-dir", cache.toString()));
    }
    return JarStatsMain.run(line.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  @Test
  void printsTheStatisticsOfEveryJar_andWarnsOfTheUnreadableOnes() throws IOException {
    assertThat(run(repo.toString())).isEqualTo(0);

    // The expected figures come from what TestJars wrote, not from reading the jars back.
    long bytes = 0;
    for (Path jar : jars.all()) {
      bytes += Files.size(jar);
    }
    assertThat(bytes).isAtLeast(1000L); // so that the sizes are printed in KB
    TestJars.Written lib = jars.readable.get(0);
    TestJars.Written multi = jars.readable.get(1);
    List<String> lines = outLines();
    assertThat(lines.subList(0, 8)).containsExactly(
        String.format(Locale.ROOT, "4 jars (%d KB) under %s: 2 read, 2 unreadable",
            (bytes + 500) / 1000, repo),
        String.format(Locale.ROOT, "  entries             %,15d", lib.entries() + multi.entries()),
        String.format(Locale.ROOT, "  classes             %,15d", lib.classes() + multi.classes()),
        String.format(Locale.ROOT, "  class bytes         %,15d  (%d KB uncompressed)",
            lib.classBytes() + multi.classBytes(),
            (lib.classBytes() + multi.classBytes() + 500) / 1000),
        "  multi-release jars                1",
        "Largest 2 by class bytes:",
        String.format(Locale.ROOT, "  %,15d  %,7d classes  %s  (multi-release)",
            multi.classBytes(), multi.classes(), repo.relativize(multi.path())),
        String.format(Locale.ROOT, "  %,15d  %,7d classes  %s", lib.classBytes(), lib.classes(),
            repo.relativize(lib.path()))).inOrder();
    assertThat(lines.subList(8, lines.size())).hasSize(5);
    assertThat(lines.get(8)).matches("  jars     executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(9))
        .matches("  stats    executed +\\d+\\.\\d\\d s  new; 4 jars on \\d+ worker threads?");
    assertThat(lines.get(10)).matches("  totals   executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(11)).matches("  largest  executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(12)).matches("Ran 4 tasks in \\d+\\.\\d\\d s: 4 executed,"
        + " none from the cache \\(.+: \\d+ entries, \\d+ (bytes|KB)\\)");
    assertThat(err.toString(UTF_8)).isEqualTo(""
        + "warning: cannot read " + jars.bad + ": ZipException: zip END header not found\n"
        + "warning: cannot read " + jars.damaged
        + ": ZipException: entry p/Damaged.class does not match its CRC-32\n");
    assertThat(progress.toString(UTF_8)).matches(
        "dev\\.weft\\.examples\\.jars\\.JarStats: 4 tasks in \\d+\\.\\d s: 4 executed\n");
  }

  @Test
  void totals_matchWhatWasWritten() throws IOException {
    Totals totals;
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      totals = JarStatsMain.jarStats(weft, JarStatsFlow.of(new JarStats()), repo, 10)
          .get(JarStatsFlow.TOTALS);
    }

    long bytes = 0;
    for (Path jar : jars.all()) {
      bytes += Files.size(jar);
    }
    assertThat(totals.jars()).isEqualTo(4);
    assertThat(totals.readable()).isEqualTo(2);
    assertThat(totals.bytes()).isEqualTo(bytes);
    assertThat(totals.entries()).isEqualTo(
        jars.readable.stream().mapToLong(TestJars.Written::entries).sum());
    assertThat(totals.classes()).isEqualTo(
        jars.readable.stream().mapToLong(TestJars.Written::classes).sum());
    assertThat(totals.classBytes()).isEqualTo(
        jars.readable.stream().mapToLong(TestJars.Written::classBytes).sum());
    assertThat(totals.multiRelease()).isEqualTo(1);
    assertThat(totals.unreadable().stream().map(JarStat::path).toList())
        .containsExactly(jars.bad.toString(), jars.damaged.toString()).inOrder();
    for (JarStat jar : totals.unreadable()) {
      assertThat(jar.classes()).isEqualTo(0);
      assertThat(jar.size()).isEqualTo(Files.size(Path.of(jar.path())));
    }
  }

  @Test
  void stats_ofOneJar_canBeCalledWithoutWeft() throws IOException {
    JarStat stat = new JarStats().stats(Jar.at(jars.multi));

    TestJars.Written multi = jars.readable.get(1);
    assertThat(stat).isEqualTo(new JarStat(multi.path().toString(), Files.size(multi.path()),
        multi.entries(), multi.classes(), multi.classBytes(), true, Optional.empty()));
  }

  @Test
  void top_limitsTheLargestJars() {
    assertThat(run(repo.toString(), "1")).isEqualTo(0);

    assertThat(outLines().get(5)).isEqualTo("Largest 1 by class bytes:");
    assertThat(outLines().get(6)).endsWith("  " + repo.relativize(jars.multi)
        + "  (multi-release)");
    assertThat(outLines().get(7)).startsWith("  jars ");
  }

  @Test
  void mavenRepoLocalArgument_namesTheDirectory_andAWordIsThenTheTop() throws Exception {
    assertThat(JarStatsMain.parse(new String[] {"-Dmaven.repo.local=" + repo, "3"})).isEqualTo(
        new JarStatsMain.Options(Optional.of(repo), 3, Optional.of(Path.of(".weft", "cache"))));
    assertThat(run("-Dmaven.repo.local=" + repo)).isEqualTo(0);
    assertThat(outLines().get(0)).endsWith(" under " + repo + ": 2 read, 2 unreadable");
  }

  @Test
  void noDirectory_meansTheLocalMavenRepository() throws Exception {
    assertThat(JarStatsMain.parse(new String[0])).isEqualTo(new JarStatsMain.Options(
        Optional.empty(), 10, Optional.of(Path.of(".weft", "cache"))));
    String before = System.getProperty("maven.repo.local");
    try {
      System.clearProperty("maven.repo.local");
      assertThat(JarStatsMain.localRepository())
          .isEqualTo(Path.of(System.getProperty("user.home"), ".m2", "repository"));
      System.setProperty("maven.repo.local", repo.toString());
      assertThat(JarStatsMain.localRepository()).isEqualTo(repo);

      assertThat(run("--no-cache")).isEqualTo(0);

      assertThat(outLines().get(0)).endsWith(" under " + repo + ": 2 read, 2 unreadable");
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
  }

  @Test
  void missingDirectory_saysSoAndExitsWith2() {
    Path missing = repo.resolve("nowhere");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: directory " + missing.toAbsolutePath()
        + " does not exist; pass a directory of jars or -Dmaven.repo.local=DIR\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void noLocalMavenRepository_saysWhatToPassInstead() {
    Path missing = repo.resolve("no-m2");
    String before = System.getProperty("maven.repo.local");
    try {
      System.setProperty("maven.repo.local", missing.toString());

      assertThat(run()).isEqualTo(2);
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }

    assertThat(err.toString(UTF_8)).isEqualTo("error: local Maven repository "
        + missing.toAbsolutePath() + " does not exist; pass a directory of jars or"
        + " -Dmaven.repo.local=DIR\n");
  }

  @Test
  void unlistableSubdirectory_namesItAndExitsWith2() throws IOException {
    Path hidden = Files.createDirectory(repo.resolve("locked"));
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();

      assertThat(run(repo.toString())).isEqualTo(2);

      assertThat(err.toString(UTF_8)).isEqualTo("error: cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it\n");
      assertThat(out.toString(UTF_8)).isEmpty();
    }
  }

  @Test
  void unusableCacheDirectory_isABadArgument() throws IOException {
    Path file = Files.writeString(cache.resolve("file"), "not a directory");

    assertThat(run("--cache-dir", file.toString(), repo.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith("error: cannot use cache directory " + file);
    assertThat(err.toString(UTF_8)).endsWith("; pass another --cache-dir or --no-cache\n");
  }

  @Test
  void directoryWithoutJars_saysSoAndExitsWith2() throws IOException {
    Path empty = Files.createDirectories(repo.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "no jars here");

    assertThat(run(empty.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: no .jar files under " + empty.toAbsolutePath() + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void badTop_isAUsageError() {
    assertThat(run(repo.toString(), "0")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: top must be a whole number of 1 or more, not '0'\nusage: JarStatsMain");
  }

  @Test
  void directoryAndMavenRepoLocal_isAUsageError() {
    assertThat(run("-Dmaven.repo.local=" + repo, repo.toString(), "3")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith("error: too many arguments: " + repo + " 3"
        + " (the directory is given by -Dmaven.repo.local=)\nusage: JarStatsMain");
  }

  @Test
  void unknownOption_isAUsageError() {
    assertThat(run("--verbose")).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .startsWith("error: unknown option '--verbose'\nusage: JarStatsMain");
  }
}
