package dev.weft.examples.words;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example rerun: what comes from the cache, what executes again and why. */
class WordStatsCachingTest {
  @TempDir Path corpus;
  @TempDir Path cache;

  @BeforeEach
  void writeCorpus() throws IOException {
    Files.writeString(corpus.resolve("a.txt"), "The cat and the hat.\nThe END, the end!\n");
    Files.writeString(corpus.resolve("b.txt"), "A cat, a dog, a bird.\n");
    Files.writeString(corpus.resolve("c.txt"), "The dog and the cat and the bird.\n");
  }

  /** Runs the command line with the cache in {@link #cache}; returns what it printed. */
  private Output main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    int status = WordStatsMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
    return new Output(status, out.toString(UTF_8).lines().toList(), err.toString(UTF_8),
        progress.toString(UTF_8));
  }

  private record Output(int status, List<String> lines, String err, String progress) {
    /** The lines before the task lines: the heading and the top words. */
    List<String> words() {
      return lines.subList(0, lines.size() - 5);
    }

    /** Per task, its line's words after the name: status, then time and reason. */
    Map<String, String> tasks() {
      return lines.subList(lines.size() - 5, lines.size() - 1).stream()
          .map(String::strip)
          .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')),
              l -> l.substring(l.indexOf(' ')).strip().replaceAll(" +", " "),
              (a, b) -> a, LinkedHashMap::new));
    }

    String summary() {
      return lines.get(lines.size() - 1);
    }
  }

  /** Runs the pipeline with a fresh Weft on {@link #cache}, as each run of the command does. */
  private RunResult runPipeline(int top) {
    try (Weft weft = Weft.builder().cacheDir(cache).build()) {
      return WordStatsMain.countWords(weft, WordStatsFlow.of(new WordStats()), corpus, top);
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
  void secondRun_comesFromTheCacheAndPrintsTheSameWords() {
    Output first = main("--cache-dir", cache.toString(), corpus.toString(), "3");
    Output second = main("--cache-dir", cache.toString(), corpus.toString(), "3");

    assertThat(first.status()).isEqualTo(0);
    assertThat(second.status()).isEqualTo(0);
    assertThat(first.err()).isEmpty();
    assertThat(second.err()).isEmpty();
    assertThat(first.words()).containsExactly(
        "Top 3 of 23 words (8 distinct) in 3 .txt files under " + corpus + ":",
        "       7  the",
        "       3  a",
        "       3  and").inOrder();
    assertThat(second.words()).isEqualTo(first.words());

    Map<String, String> before = first.tasks();
    assertThat(before.keySet()).containsExactly("files", "counts", "total", "report").inOrder();
    assertThat(before.get("files")).matches("executed \\d+\\.\\d\\d s new");
    assertThat(before.get("counts")).matches("executed \\d+\\.\\d\\d s new;"
        + " once per file, 3 times, on \\d+ worker threads?");
    assertThat(before.get("total")).matches("executed \\d+\\.\\d\\d s new");
    assertThat(before.get("report")).matches("executed \\d+\\.\\d\\d s new");
    assertThat(first.summary()).matches("Ran 4 tasks in \\d+\\.\\d\\d s: 4 executed,"
        + " none from the cache \\(" + quoted(cache) + ": \\d+ entries, \\d+ (bytes|KB)\\)");

    Map<String, String> after = second.tasks();
    assertThat(after.get("files")).matches("disk cache \\d+\\.\\d\\d s unchanged");
    assertThat(after.get("counts"))
        .isEqualTo("not run not needed: what reads it came from the cache");
    assertThat(after.get("total")).matches("disk cache \\d+\\.\\d\\d s unchanged");
    assertThat(after.get("report")).matches("disk cache \\d+\\.\\d\\d s unchanged");
    assertThat(second.summary()).matches("Ran 3 tasks in \\d+\\.\\d\\d s: none executed,"
        + " 3 from the cache \\(.*\\)");
    assertThat(second.progress()).matches(
        "dev\\.weft\\.examples\\.words\\.WordStats: 3 tasks in \\d+\\.\\d s: 3 cached\n");
  }

  @Test
  void secondRun_executesNoCacheableTask() {
    RunResult first = runPipeline(3);
    RunResult second = runPipeline(3);

    assertThat(first.tasks().stream().map(TaskOutcome::status).distinct().toList())
        .containsExactly(Status.EXECUTED);
    assertThat(statuses(second)).containsExactly(
        "files", "DISK_HIT unchanged",
        "total", "DISK_HIT unchanged",
        "report", "DISK_HIT unchanged").inOrder();
    assertThat(second.get(WordStatsFlow.TOTAL)).isEqualTo(first.get(WordStatsFlow.TOTAL));
    assertThat(second.get(WordStatsFlow.REPORT)).isEqualTo(first.get(WordStatsFlow.REPORT));
    assertThat(second.get(WordStatsFlow.FILES)).isEqualTo(first.get(WordStatsFlow.FILES));
  }

  @Test
  @Timeout(10) // a rerun whose targets are all in memory waits for nothing
  void secondRunInOneWeft_comesFromMemory() {
    try (Weft weft = Weft.builder().build()) {
      Flow flow = WordStatsFlow.of(new WordStats());
      RunResult first = WordStatsMain.countWords(weft, flow, corpus, 3);
      RunResult second = WordStatsMain.countWords(weft, flow, corpus, 3);

      assertThat(statuses(second)).containsExactly(
          "files", "MEMORY_HIT unchanged",
          "total", "MEMORY_HIT unchanged",
          "report", "MEMORY_HIT unchanged").inOrder();
      assertThat(second.get(WordStatsFlow.REPORT)).isEqualTo(first.get(WordStatsFlow.REPORT));
    }
  }

  @Test
  void editedFile_executesWhatDependsOnItAgain_sayingWhatChanged() throws IOException {
    RunResult first = runPipeline(3);
    // Longer, so the edit shows in the file's size whatever the clock's resolution.
    Files.writeString(corpus.resolve("b.txt"), "Zebra zebra zebra zebra zebra zebra zebra zebra.\n",
        StandardOpenOption.APPEND);

    RunResult second = runPipeline(3);

    assertThat(statuses(second)).containsExactly(
        "files", "EXECUTED input 'corpus' changed",
        // Each file is an element cached on its own: only the edited one is counted again.
        "counts", "EXECUTED upstream 'files' changed; 2 of 3 elements cached",
        "total", "EXECUTED upstream 'counts' changed",
        "report", "EXECUTED upstream 'total' changed").inOrder();
    assertThat(first.get(WordStatsFlow.TOTAL)).doesNotContainKey("zebra");
    assertThat(second.get(WordStatsFlow.TOTAL)).containsEntry("zebra", 8L);
    assertThat(second.get(WordStatsFlow.REPORT)).isEqualTo("       8  zebra\n"
        + "       7  the\n"
        + "       3  a");
  }

  @Test
  void editedFile_isCountedAgainByTheCommand() throws IOException {
    main("--cache-dir", cache.toString(), corpus.toString(), "1");
    Files.writeString(corpus.resolve("c.txt"), "Zebra zebra zebra zebra zebra zebra zebra zebra.\n",
        StandardOpenOption.APPEND);

    Output second = main("--cache-dir", cache.toString(), corpus.toString(), "1");

    assertThat(second.words()).containsExactly(
        "Top 1 of 31 words (9 distinct) in 3 .txt files under " + corpus + ":",
        "       8  zebra").inOrder();
    assertThat(second.tasks().get("files")).endsWith(" input 'corpus' changed");
    // Only the edited file was counted: no "once per file, 3 times", which counts them all.
    assertThat(second.tasks().get("counts")).matches("executed \\d+\\.\\d\\d s"
        + " upstream 'files' changed; 2 of 3 elements cached");
  }

  @Test
  void newFileThatIsNotText_executesOnlyTheListing() throws IOException {
    runPipeline(3);
    Files.writeString(corpus.resolve("notes.md"), "the the the\n");

    RunResult second = runPipeline(3);

    // The corpus changed, so files executes; its value did not, so what reads it stays cached.
    assertThat(statuses(second)).containsExactly(
        "files", "EXECUTED input 'corpus' changed",
        "counts", "DISK_HIT unchanged",
        "total", "DISK_HIT unchanged",
        "report", "DISK_HIT unchanged").inOrder();
  }

  @Test
  void otherTop_executesOnlyTheReport() {
    runPipeline(3);

    RunResult second = runPipeline(2);

    assertThat(statuses(second)).containsExactly(
        "files", "DISK_HIT unchanged",
        "total", "DISK_HIT unchanged",
        "report", "EXECUTED input 'top' changed").inOrder();
    assertThat(second.get(WordStatsFlow.REPORT)).isEqualTo("       7  the\n       3  a");
  }

  @Test
  void noCache_executesEveryTaskOnEveryRun() {
    Output first = main("--no-cache", corpus.toString(), "3");
    Output second = main("--no-cache", corpus.toString(), "3");

    assertThat(second.status()).isEqualTo(0);
    assertThat(second.words()).isEqualTo(first.words());
    for (Output output : List.of(first, second)) {
      assertThat(output.tasks().keySet())
          .containsExactly("files", "counts", "total", "report").inOrder();
      for (String task : output.tasks().values()) {
        assertThat(task).matches("executed \\d+\\.\\d\\d s caching off.*");
      }
      assertThat(output.summary()).matches(
          "Ran 4 tasks in \\d+\\.\\d\\d s: 4 executed, none from the cache \\(caching off\\)");
    }
  }

  @Test
  void cacheDir_isCreatedAndUsedInItsEqualsForm() {
    Path dir = cache.resolve("nested/cache");

    Output first = main("--cache-dir=" + dir, corpus.toString());
    Output second = main("--cache-dir=" + dir, corpus.toString());

    assertThat(first.status()).isEqualTo(0);
    assertThat(Files.isDirectory(dir)).isTrue();
    assertThat(second.summary()).contains("none executed");
  }

  @Test
  void options_defaultToTheCacheUnderTheWorkingDirectory() throws Exception {
    assertThat(WordStatsMain.parse(new String[0])).isEqualTo(new WordStatsMain.Options(
        Optional.empty(), 10, Optional.of(Path.of(".weft", "cache"))));
    assertThat(WordStatsMain.parse(new String[] {"docs", "--no-cache", "5"})).isEqualTo(
        new WordStatsMain.Options(Optional.of(Path.of("docs")), 5, Optional.empty()));
    assertThat(WordStatsMain.parse(new String[] {"--cache-dir", "c", "docs"})).isEqualTo(
        new WordStatsMain.Options(Optional.of(Path.of("docs")), 10, Optional.of(Path.of("c"))));
  }

  @Test
  void noCacheWithCacheDir_isAUsageError() {
    Output output = main("--no-cache", "--cache-dir", cache.toString(), corpus.toString());

    assertThat(output.status()).isEqualTo(2);
    assertThat(output.err()).startsWith(
        "error: --no-cache and --cache-dir exclude each other\nusage: WordStatsMain");
  }

  @Test
  void cacheDirWithoutDirectory_isAUsageError() {
    Output output = main(corpus.toString(), "--cache-dir");

    assertThat(output.status()).isEqualTo(2);
    assertThat(output.err()).startsWith("error: --cache-dir needs a directory\n");
  }

  @Test
  void aCacheDirThatIsAFile_isABadArgument_namedWithWhatToDo() throws Exception {
    Path file = Files.writeString(cache.resolve("not-a-directory"), "x");

    Output output = main("--cache-dir", file.toString(), corpus.toString());

    assertThat(output.status()).isEqualTo(2);
    assertThat(output.err()).contains("error: cannot use cache directory " + file);
    assertThat(output.err()).contains("pass another --cache-dir or --no-cache");
  }

  private static String quoted(Path path) {
    return java.util.regex.Pattern.quote(path.toString());
  }
}
