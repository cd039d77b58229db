package dev.weft.examples.squares;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Key;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The sum of the squares of 1 to n as a map-reduce, composed in code with {@link FlowBuilder}:
 *
 * <pre>
 * n, parts ──▶ ranges ──▶ partialSums (once per range, in parallel) ──▶ sum
 * </pre>
 *
 * <p>It is Python's
 *
 * <pre>{@code
 * with Pool() as pool:
 *     partial_sums = pool.map(sum_of_squares, ranges(n, parts))   # map
 * total = sum(partial_sums)                                        # reduce
 * }</pre>
 *
 * <p>{@link FlowBuilder#each} is the map: {@link #sumOfSquares} runs once per range on the
 * engine's worker threads, and its value lists the partial sums in range order; {@link #sum} is
 * the reduce. The sums are exact: a range is summed in 128-bit arithmetic, which cannot overflow
 * for any n up to {@link #MAX_N}, and the partial sums are added as {@link BigInteger}s.
 */
final class SquareSums {
  /** The largest n whose square fits in a {@code long}: 3,037,000,499. */
  static final long MAX_N = 3_037_000_499L;

  /** The flow; {@link #N} and {@link #PARTS} are its inputs. */
  static final Flow FLOW;
  /** Input: the last number whose square is added. */
  static final Key<Long> N;
  /** Input: how many ranges 1 to n is cut into. */
  static final Key<Integer> PARTS;
  /** The ranges, in order. */
  static final Key<List<NumberRange>> RANGES;
  /** The sum of the squares of each range, in range order. */
  static final Key<List<BigInteger>> PARTIAL_SUMS;
  /** The sum of the squares of 1 to n. */
  static final Key<BigInteger> SUM;

  static {
    FlowBuilder flow = Flow.builder("dev.weft.examples.squares.SquareSums");
    N = flow.input("n", Long.class);
    PARTS = flow.input("parts", Integer.class);
    RANGES = flow.task("ranges", rangeList(), SquareSums::ranges, N, PARTS);
    PARTIAL_SUMS = flow.each("partialSums", TypeToken.of(BigInteger.class),
        SquareSums::sumOfSquares, RANGES);
    SUM = flow.task("sum", TypeToken.of(BigInteger.class), SquareSums::sum, PARTIAL_SUMS);
    FLOW = flow.build();
  }

  private SquareSums() {}

  @SuppressWarnings("serial") // a type capture, never serialized
  private static TypeToken<List<NumberRange>> rangeList() {
    return new TypeToken<List<NumberRange>>() {};
  }

  /**
   * Cuts 1 to {@code n} into {@code parts} ranges whose sizes differ by at most one.
   *
   * @throws IllegalArgumentException unless 1 ≤ parts ≤ n ≤ {@link #MAX_N}
   */
  static List<NumberRange> ranges(long n, int parts) {
    if (n < 1 || n > MAX_N) {
      throw new IllegalArgumentException("n must be from 1 to " + MAX_N + ", not " + n);
    }
    if (parts < 1 || parts > n) {
      throw new IllegalArgumentException(
          "1 to " + n + " cannot be cut into " + parts + " ranges; give 1 to " + n + " parts");
    }
    List<NumberRange> ranges = new ArrayList<>(parts);
    long first = 1;
    for (int i = 0; i < parts; i++) {
      long size = n / parts + (i < n % parts ? 1 : 0);
      ranges.add(new NumberRange(first, first + size - 1));
      first += size;
    }
    return ranges;
  }

  /**
   * The sum of the squares of the numbers of {@code range}, each at most {@link #MAX_N}. The sum
   * is kept in two {@code long}s as a 128-bit number: a square fits in 63 bits, and the sum of
   * the squares of 1 to {@code MAX_N} in 94.
   */
  static BigInteger sumOfSquares(NumberRange range) {
    if (range.first() < 0 || range.last() > MAX_N) {
      throw new IllegalArgumentException(
          "the squares of " + range + " do not all fit in a long; stay within 0 to " + MAX_N);
    }
    long low = 0;
    long high = 0;
    for (long i = range.first(); i <= range.last(); i++) {
      long square = i * i;
      low += square;
      if (Long.compareUnsigned(low, square) < 0) { // the low 64 bits wrapped around: carry
        high++;
      }
    }
    return BigInteger.valueOf(high).shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(low)));
  }

  /** The partial sums added up: the reduce step. */
  static BigInteger sum(List<BigInteger> partialSums) {
    return partialSums.stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** n(n+1)(2n+1)/6, the sum of the squares of 1 to n in closed form. */
  static BigInteger closedForm(long n) {
    BigInteger big = BigInteger.valueOf(n);
    return big.multiply(big.add(BigInteger.ONE))
        .multiply(big.shiftLeft(1).add(BigInteger.ONE))
        .divide(BigInteger.valueOf(6));
  }
}
