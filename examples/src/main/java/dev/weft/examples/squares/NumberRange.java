package dev.weft.examples.squares;

/**
 * The whole numbers from {@code first} to {@code last}, both included: the unit of work of the
 * map step of {@link SquareSums}.
 *
 * @param first the first number
 * @param last the last number, at least {@code first}
 */
public record NumberRange(long first, long last) {
  /** Checks that the range has at least one number. */
  public NumberRange {
    if (last < first) {
      throw new IllegalArgumentException("range " + first + " to " + last + " is empty");
    }
  }

  /** How many numbers the range has. */
  public long size() {
    return last - first + 1;
  }
}
