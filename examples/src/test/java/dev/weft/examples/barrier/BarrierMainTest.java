package dev.weft.examples.barrier;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarrierMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private RunListener progress() {
    return ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
  }

  private int run(String... args) {
    return BarrierMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), progress());
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /**
   * Branches that wait for each other at a barrier before doing their work: if the engine ran
   * them one after another, the first would wait alone and time out. The join notes how many
   * branches had finished when it started.
   */
  static final class BarrierProfile extends TextProfile {
    final CyclicBarrier allBranchesRunning = new CyclicBarrier(BarrierMain.BRANCHES.size());
    final AtomicInteger branchesFinished = new AtomicInteger();
    volatile int finishedWhenJoinStarted = -1;

    private <T> T branch(java.util.concurrent.Callable<T> work) {
      try {
        allBranchesRunning.await(10, TimeUnit.SECONDS);
        T result = work.call();
        branchesFinished.incrementAndGet();
        return result;
      } catch (TimeoutException | BrokenBarrierException e) {
        throw new IllegalStateException("the branches did not all run at once", e);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Map<String, Long> wordCounts(List<String> lines) {
      return branch(() -> super.wordCounts(lines));
    }

    @Override
    public LineLengths lineLengths(List<String> lines) {
      return branch(() -> super.lineLengths(lines));
    }

    @Override
    public CharacterClasses characters(List<String> lines) {
      return branch(() -> super.characters(lines));
    }

    @Override
    public List<NumberedLine> longestLines(List<String> lines) {
      return branch(() -> super.longestLines(lines));
    }

    @Override
    public List<String> profile(Map<String, Long> wordCounts, LineLengths lineLengths,
        CharacterClasses characters, List<NumberedLine> longestLines) {
      finishedWhenJoinStarted = branchesFinished.get();
      return super.profile(wordCounts, lineLengths, characters, longestLines);
    }
  }

  /**
   * A text whose profile is worked out by hand, line by line: characters (letters, digits,
   * whitespace, punctuation, other) and words.
   */
  private Path knownText() throws IOException {
    return Files.writeString(dir.resolve("known.txt"), String.join("\n",
        "The cat sat on the mat, 2x.", // 27 = 18 + 1 + 6 + 2 + 0; 7 words
        "", // blank
        "Cat's hat, cat hat.", // 19 = 13 + 0 + 3 + 3 + 0; 4 words
        "(The end) \u2014 of 3 tiny lines + 1", // 31 = 17 + 2 + 8 + 3 (the dash too) + 1 (+); 7
        "\t\u00e9t\u00e9") + "\n"); // 4 = 3 + 0 + 1 + 0 + 0; 1 word
  }

  @RepeatedTest(3)
  void branchesRunAtOnce_andTheJoinStartsAfterAllOfThem() throws IOException {
    BarrierProfile tasks = new BarrierProfile();

    int status = BarrierMain.run(knownText(), tasks, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), progress());

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    assertThat(tasks.branchesFinished.get()).isEqualTo(4);
    assertThat(tasks.finishedWhenJoinStarted).isEqualTo(4);
    assertThat(outLines().get(outLines().size() - 1)).matches(
        "  profile       \\d+\\.\\d{3} to \\d+\\.\\d{3}  join: started \\d+\\.\\d ms after the last"
            + " branch finished");
  }

  @Test
  void joinSeesEveryBranch() throws IOException {
    Path text = knownText();

    int status = run(text.toString());

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    // 19 words: the 3 times, cat and hat twice, 12 others once (cat's is a word of its own).
    assertThat(outLines().subList(0, 7)).containsExactly(
        text + ": 5 lines (1 blank), 19 words (15 distinct), 81 characters",
        "  commonest words  the 3, cat 2, hat 2",
        "  line lengths     mean 16.2, longest 31",
        "  characters       51 letters, 3 digits, 18 whitespace, 8 punctuation, 1 other",
        "  longest lines    line 4 (31): (The end) \u2014 of 3 tiny lines + 1",
        "                   line 1 (27): The cat sat on the mat, 2x.",
        "                   line 3 (19): Cat's hat, cat hat.").inOrder();
    assertThat(outLines().get(7))
        .isEqualTo("When each task ran, in seconds from the start, on 4 worker threads:");
    List<String> timeline = outLines().subList(8, outLines().size());
    assertThat(timeline).hasSize(6);
    String span = " +\\d+\\.\\d{3} to \\d+\\.\\d{3}  ";
    assertThat(timeline.get(0)).matches("  lines" + span + "reads the text");
    for (int i = 0; i < 4; i++) {
      assertThat(timeline.get(1 + i)).matches("  " + BarrierMain.BRANCHES.get(i) + span + "branch");
    }
    assertThat(timeline.get(5)).matches("  profile" + span + "join: .*");
    assertThat(progress.toString(UTF_8))
        .startsWith("dev.weft.examples.barrier.TextProfile: 6 tasks in ");
  }

  @Test
  void longLines_areShortenedInTheProfile() throws IOException {
    Path text = Files.writeString(dir.resolve("long.txt"), "word ".repeat(30).strip() + "\n");

    assertThat(run(text.toString())).isEqualTo(0);

    assertThat(outLines().get(4)).isEqualTo("  longest lines    line 1 (149): "
        + "word ".repeat(11) + "word\u2026");
  }

  @Test
  void missingFile_saysSoAndExitsWith2() {
    Path missing = dir.resolve("nowhere.txt");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + missing.toAbsolutePath()
        + " does not exist; pass the text file to profile\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void twoFiles_isAUsageError() {
    assertThat(run("a.txt", "b.txt")).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .startsWith("error: too many arguments: a.txt b.txt\nusage: BarrierMain");
  }
}
