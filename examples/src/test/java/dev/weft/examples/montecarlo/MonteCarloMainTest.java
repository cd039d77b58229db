package dev.weft.examples.montecarlo;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MonteCarloMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private int run(String... args) {
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    return MonteCarloMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /**
   * The count of points inside the quarter circle, computed here in one plain loop by the rule the
   * pipeline documents: chunk {@code i} draws from a generator seeded with the {@code i}-th
   * {@code nextLong()} of {@code new SplittableRandom(seed)}, and the first {@code samples %
   * chunks} chunks draw one point more.
   */
  private static long insideByHand(long samples, int chunks, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed);
    long inside = 0;
    for (int c = 0; c < chunks; c++) {
      SplittableRandom random = new SplittableRandom(seeds.nextLong());
      long n = samples / chunks + (c < samples % chunks ? 1 : 0);
      for (long i = 0; i < n; i++) {
        double x = random.nextDouble();
        double y = random.nextDouble();
        if (x * x + y * y < 1) {
          inside++;
        }
      }
    }
    return inside;
  }

  @Test
  void printsBothRunsWithTheSameEstimateAndTheSpeedup() {
    int status = run("--workers", "2", "--seed", "7", "1_000_003", "16");

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    long inside = insideByHand(1_000_003, 16, 7);
    String pi = String.format(java.util.Locale.ROOT, "%.9f", 4.0 * inside / 1_000_003);
    List<String> lines = outLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("Estimating pi from 1,000,003 samples in 16 chunks"
        + " (seed 7), caching off so that both runs compute:");
    assertThat(lines.get(1)).matches("    1 worker: +\\d+\\.\\d\\d s  pi ~ " + Pattern.quote(pi));
    assertThat(lines.get(2)).matches("    2 workers: +\\d+\\.\\d\\d s  pi ~ " + Pattern.quote(pi)
        + "  speedup \\d+\\.\\d\\dx");
    assertThat(lines.get(3)).startsWith("pi ~ " + pi + ", off by ");
    assertThat(lines.get(3)).endsWith(String.format(java.util.Locale.ROOT,
        "; both runs agree: %,d of 1,000,003 points inside the circle", inside));
    assertThat(Math.abs(Double.parseDouble(pi) - Math.PI)).isLessThan(0.01);
    // Two timed runs, each one summary line: every task computed, none cached.
    assertThat(progress.toString(UTF_8).lines().toList()).hasSize(2);
    assertThat(progress.toString(UTF_8)).doesNotContain("cached");
  }

  @Test
  void estimate_isTheSameWhateverTheWorkersAndCloseToPi() {
    Estimate one;
    Estimate two;
    try (Weft weft = Weft.builder().parallelism(1).caching(false).build()) {
      one = MonteCarloMain.estimate(weft, 400_000, 10, 123);
    }
    try (Weft weft = Weft.builder().parallelism(2).caching(false).build()) {
      two = MonteCarloMain.estimate(weft, 400_000, 10, 123);
    }

    assertThat(two).isEqualTo(one);
    assertThat(one).isEqualTo(new Estimate(400_000, insideByHand(400_000, 10, 123)));
    // Within five standard errors of pi: fails by chance about once in two million seeds.
    assertThat(Math.abs(one.pi() - Math.PI)).isLessThan(5 * one.standardError());
  }

  @Test
  void otherSeed_givesAnotherEstimate() {
    try (Weft weft = Weft.builder().caching(false).build()) {
      Estimate a = MonteCarloMain.estimate(weft, 100_000, 4, 1);
      Estimate b = MonteCarloMain.estimate(weft, 100_000, 4, 2);

      assertThat(b.inside()).isNotEqualTo(a.inside());
    }
  }

  @Test
  void chunks_splitTheSamplesEvenly() {
    List<Chunk> chunks = new PiEstimate().chunks(10, 4, 5);

    assertThat(chunks.stream().map(Chunk::samples).toList()).containsExactly(3L, 3L, 2L, 2L)
        .inOrder();
    assertThat(chunks.stream().map(Chunk::index).toList()).containsExactly(0, 1, 2, 3).inOrder();
    assertThat(chunks.stream().map(Chunk::seed).distinct().count()).isEqualTo(4);
  }

  @Test
  void moreChunksThanSamples_isAUsageError() {
    assertThat(run("10", "20")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: chunks (20) must not be more than samples (10)\nusage: MonteCarloMain");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void badNumbers_areUsageErrors() {
    assertThat(run("many")).isEqualTo(2);
    assertThat(run("--workers", "0")).isEqualTo(2);
    assertThat(run("--seed")).isEqualTo(2);
    assertThat(run("-5")).isEqualTo(2);

    assertThat(err.toString(UTF_8).lines().filter(l -> l.startsWith("error: ")).toList())
        .containsExactly(
            "error: samples must be a whole number, not 'many'",
            "error: --workers must be a whole number from 1 to 256, not '0'",
            "error: --seed needs a number",
            "error: samples must be 1 or more, not -5").inOrder();
  }

  @Test
  void defaults() throws Exception {
    MonteCarloMain.Options options = MonteCarloMain.parse(new String[0]);

    assertThat(options.samples()).isEqualTo(200_000_000L);
    assertThat(options.chunks()).isEqualTo(64);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

}
