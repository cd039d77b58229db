package dev.weft.examples.squares;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.ConsoleProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SquaresMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private int run(String... args) {
    return SquaresMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false));
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /** The sum of the squares of first to last, one BigInteger at a time. */
  private static BigInteger slowSum(long first, long last) {
    BigInteger sum = BigInteger.ZERO;
    for (long i = first; i <= last; i++) {
      sum = sum.add(BigInteger.valueOf(i).pow(2));
    }
    return sum;
  }

  private static String row(String label, BigInteger value) {
    return String.format(Locale.ROOT, "  %-31s  %,40d", label, value);
  }

  @Test
  void printsEachRangesSumAndTheTotal_whichIsTheClosedForm() {
    int status = run("--workers", "3", "1000", "7");

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    // 1,000 = 6 * 143 + 142: the first six ranges have 143 numbers, the last 142.
    assertThat(outLines()).containsExactly(
        "Sum of the squares of 1 to 1,000, in 7 ranges on 3 worker threads:",
        String.format(Locale.ROOT, "  %-31s  %40s", "range", "sum of squares"),
        row("1 to 143", slowSum(1, 143)),
        row("144 to 286", slowSum(144, 286)),
        row("287 to 429", slowSum(287, 429)),
        row("430 to 572", slowSum(430, 572)),
        row("573 to 715", slowSum(573, 715)),
        row("716 to 858", slowSum(716, 858)),
        row("859 to 1,000", slowSum(859, 1000)),
        row("sum", slowSum(1, 1000)),
        row("n(n+1)(2n+1)/6", BigInteger.valueOf(333_833_500L)) + "  the same",
        outLines().get(11)).inOrder();
    assertThat(outLines().get(11)).matches("Time: \\d+\\.\\d\\d s");
    assertThat(progress.toString(UTF_8)).startsWith(
        "dev.weft.examples.squares.SquareSums: 3 tasks in ");
  }

  @Test
  void manyRanges_showOnlyTheFirstTen() {
    assertThat(run("100000", "50")).isEqualTo(0);

    List<String> lines = outLines();
    assertThat(lines.get(2)).isEqualTo(row("1 to 2,000", slowSum(1, 2000)));
    assertThat(lines.get(12)).isEqualTo("  … and 40 more ranges");
    assertThat(lines.get(13)).isEqualTo(row("sum", slowSum(1, 100_000)));
  }

  @Test
  void sumOfSquares_isExactAtTheLargestN() {
    long max = SquareSums.MAX_N;
    // Squares near 9.2e18: the low 64 bits of the sum wrap around after two of them.
    assertThat(SquareSums.sumOfSquares(new NumberRange(max - 999, max)))
        .isEqualTo(slowSum(max - 999, max));
    assertThat(SquareSums.closedForm(max)).isEqualTo(new BigInteger(
        "9337128491406906565381041750"));
    assertThat(max * max).isGreaterThan(0L);
    assertThat((max + 1) * (max + 1)).isLessThan(0L); // the next square overflows a long
  }

  @Test
  void ranges_coverOneToNWithoutGapsOrOverlaps() {
    List<NumberRange> ranges = SquareSums.ranges(10, 4);

    assertThat(ranges).containsExactly(new NumberRange(1, 3), new NumberRange(4, 6),
        new NumberRange(7, 8), new NumberRange(9, 10)).inOrder();
    assertThat(SquareSums.ranges(5, 5)).hasSize(5);
  }

  @Test
  void ranges_rejectsMorePartsThanNumbers() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SquareSums.ranges(3, 4));

    assertThat(e).hasMessageThat()
        .isEqualTo("1 to 3 cannot be cut into 4 ranges; give 1 to 3 parts");
  }

  @Test
  void options_defaultToOneBillionIn16Ranges() throws Exception {
    assertThat(SquaresMain.parse(new String[0]))
        .isEqualTo(new SquaresMain.Options(1_000_000_000L, 16, 0));
    assertThat(SquaresMain.parse(new String[] {"1_000", "--workers=2"}))
        .isEqualTo(new SquaresMain.Options(1000, 16, 2));
    assertThat(SquaresMain.parse(new String[] {"5"})).isEqualTo(new SquaresMain.Options(5, 5, 0));
  }

  @Test
  void moreRangesThanNumbers_isAUsageError() {
    assertThat(run("10", "11")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: parts must be a whole number from 1 to 10, not '11'\nusage: SquaresMain");
  }

  @Test
  void tooLargeN_isAUsageError() {
    assertThat(run("3037000500")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith("error: n must be a whole number from 1 to"
        + " 3,037,000,499, not '3037000500'\nusage: SquaresMain");
  }
}
