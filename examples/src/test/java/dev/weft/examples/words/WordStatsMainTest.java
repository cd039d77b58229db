package dev.weft.examples.words;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.Range;
import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordStatsMainTest {
  @TempDir Path dir;
  @TempDir Path cache;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  /** Runs the command line; a count caches in {@link #cache}, not under the working directory. */
  private int run(String... args) {
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    List<String> line = new ArrayList<>(List.of(args));
    if (line.isEmpty() || !line.get(0).equals("--graph")) {
      line.addAll(0, List.of("--cache-dir", cache.toString()));
    }
    return WordStatsMain.run(line.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /** Files whose words are known: the 4, cat 4, dog 2, don't 2, end 2, and 1, hat 1. */
  private void writeKnownCorpus() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "The cat and the hat.\nThe END, the end!\n");
    Files.createDirectories(dir.resolve("sub"));
    // Quotes around a word are not part of it; both apostrophes make one word.
    Files.writeString(dir.resolve("sub/b.txt"), "'Cat' cat CAT don't don\u2019t\n");
    // A byte that is not UTF-8 separates words instead of failing the file.
    Files.write(dir.resolve("sub/c.txt"), new byte[] {'d', 'o', 'g', (byte) 0xff, 'd', 'o', 'g'});
    Files.writeString(dir.resolve("notes.md"), "the the the the the\n"); // not a .txt file
  }

  @Test
  void countsTheWordsOfEveryTxtFileUnderTheDirectory() throws IOException {
    writeKnownCorpus();

    int status = run(dir.toString(), "5");

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    List<String> lines = outLines();
    assertThat(lines.subList(0, 6)).containsExactly(
        "Top 5 of 16 words (7 distinct) in 3 .txt files under " + dir + ":",
        "       4  cat",
        "       4  the",
        "       2  dog",
        "       2  don't",
        "       2  end").inOrder();
    assertThat(lines.subList(6, lines.size())).hasSize(5);
    assertThat(lines.get(6)).matches("  files   executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(7)).matches("  counts  executed +\\d+\\.\\d\\d s  new;"
        + " once per file, 3 times, on \\d+ worker threads?");
    assertThat(lines.get(8)).matches("  total   executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(9)).matches("  report  executed +\\d+\\.\\d\\d s  new");
    assertThat(lines.get(10)).matches("Ran 4 tasks in \\d+\\.\\d\\d s: 4 executed,"
        + " none from the cache \\(.+: \\d+ entries, \\d+ (bytes|KB)\\)");
    assertThat(progress.toString(UTF_8)).matches(
        "dev\\.weft\\.examples\\.words\\.WordStats: 4 tasks in \\d+\\.\\d s: 4 executed\n");
  }

  @Test
  void totalTask_addsUpTheCountsOfAllFiles() throws IOException {
    writeKnownCorpus();

    Map<String, Long> total;
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      total = weft.compute(WordStatsFlow.of(new WordStats()), WordStatsFlow.TOTAL,
          Inputs.of(WordStatsFlow.CORPUS, dir));
    }

    assertThat(total).containsExactly("and", 1L, "cat", 4L, "dog", 2L, "don't", 2L, "end", 2L,
        "hat", 1L, "the", 4L).inOrder();
  }

  @Test
  void topDefaultsToTen() throws IOException {
    Files.writeString(dir.resolve("abc.txt"), "a b c d e f g h i j k l\n");

    assertThat(run(dir.toString())).isEqualTo(0);

    assertThat(outLines().get(0)).isEqualTo("Top 10 of 12 words (12 distinct) in 1 .txt file"
        + " under " + dir + ":");
    assertThat(outLines().subList(1, 11)).containsExactly("       1  a", "       1  b",
        "       1  c", "       1  d", "       1  e", "       1  f", "       1  g", "       1  h",
        "       1  i", "       1  j").inOrder();
  }

  @Test
  void sampleCorpus_isTheSameOnEveryGeneration() throws IOException {
    Path first = SampleCorpus.write(dir.resolve("first"));
    Path second = SampleCorpus.write(dir.resolve("second"));

    List<String> names = fileNames(first);
    assertThat(names).hasSize(SampleCorpus.FILES);
    assertThat(fileNames(second)).isEqualTo(names);
    for (String name : names) {
      byte[] content = Files.readAllBytes(first.resolve(name));
      assertThat(content.length).isIn(Range.closed(100_000, 400_000));
      assertThat(Files.readAllBytes(second.resolve(name))).isEqualTo(content);
    }
  }

  @Test
  void sampleCorpus_leavesFilesThatAreAlreadyRightUntouched() throws IOException {
    Path corpus = SampleCorpus.write(dir);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Path kept = corpus.resolve("words-00.txt");
    Path damaged = corpus.resolve("words-01.txt");
    Files.setLastModifiedTime(kept, old);
    Files.writeString(damaged, "damaged");

    SampleCorpus.write(dir);

    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(old);
    assertThat(Files.readString(damaged)).isNotEqualTo("damaged");
  }

  @Test
  void sampleCorpus_writesAgainAFileThatWasRemoved() throws IOException {
    Path corpus = SampleCorpus.write(dir);
    Path removed = corpus.resolve("words-02.txt");
    byte[] content = Files.readAllBytes(removed);
    Files.delete(removed);

    SampleCorpus.write(dir);

    assertThat(Files.readAllBytes(removed)).isEqualTo(content);
  }

  @Test
  void sampleCorpus_keepsAStampThatIsNotCounted() throws IOException {
    SampleCorpus.write(dir);

    assertThat(Files.isRegularFile(dir.resolve(SampleCorpus.STAMP))).isTrue();
    assertThat(SampleCorpus.STAMP).doesNotContain(".txt");
  }

  @Test
  void sampleCorpus_hasTheSameWordCountsOnEveryJvm() throws IOException {
    // Pinned: a change of JDK (or of the generator) that changed the corpus would show here.
    int status = run(SampleCorpus.write(dir).toString(), "3");

    assertThat(status).isEqualTo(0);
    assertThat(outLines().subList(0, 4)).containsExactly(
        "Top 3 of 3,186,097 words (295 distinct) in 80 .txt files under " + dir + ":",
        "  603808  the",
        "  288106  of",
        "  185395  and").inOrder();
  }

  @Test
  void noArguments_countsTheSampleCorpus() {
    assertThat(run()).isEqualTo(0);

    assertThat(outLines().get(0)).isEqualTo("Sample corpus: 80 generated files in "
        + WordStatsMain.SAMPLE_CORPUS + " (pass a directory to count your own .txt files)");
    assertThat(outLines().get(1)).isEqualTo(
        "Top 10 of 3,186,097 words (295 distinct) in 80 .txt files under "
            + WordStatsMain.SAMPLE_CORPUS + ":");
  }

  @Test
  void missingDirectory_saysSoAndExitsWith2() {
    Path missing = dir.resolve("nowhere");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: directory " + missing.toAbsolutePath() + " does not exist\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void fileInsteadOfDirectory_saysSoAndExitsWith2() throws IOException {
    Path file = Files.writeString(dir.resolve("one.txt"), "words");

    assertThat(run(file.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + file.toAbsolutePath()
        + " is not a directory; pass the directory that holds the .txt files\n");
  }

  @Test
  void directoryWithoutTxtFiles_saysSoAndExitsWith2() throws IOException {
    Files.writeString(dir.resolve("notes.md"), "not counted");

    assertThat(run(dir.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: no .txt files under " + dir.toAbsolutePath() + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void badTop_isAUsageError() {
    assertThat(run(dir.toString(), "many")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: top must be a whole number of 1 or more, not 'many'\nusage: WordStatsMain");
  }

  @Test
  void unknownOption_isAUsageError() {
    assertThat(run("--verbose")).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .startsWith("error: unknown option '--verbose'\nusage: WordStatsMain");
  }

  @Test
  void graphOption_printsTheFlowInstead() {
    assertThat(run("--graph", "dot")).isEqualTo(0);
    assertThat(out.toString(UTF_8)).startsWith("digraph");
    assertThat(progress.toString(UTF_8)).isEmpty();
  }

  @Test
  void graphOption_defaultsToMermaidWithTheTypes() {
    assertThat(run("--graph")).isEqualTo(0);

    assertThat(outLines()).contains("  task  counts: java.util.List<java.util.Map<"
        + "java.lang.String, java.lang.Long>>");
    assertThat(out.toString(UTF_8)).contains("flowchart");
  }

  @Test
  void graphOption_rejectsAnUnknownFormat() {
    assertThat(run("--graph", "svg")).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .startsWith("error: unknown graph format 'svg'; use mermaid, dot or json\n");
  }

  private static List<String> fileNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names = new ArrayList<>();
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
          .forEach(names::add);
      return names;
    }
  }
}
