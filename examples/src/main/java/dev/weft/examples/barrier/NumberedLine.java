package dev.weft.examples.barrier;

/**
 * A line of the text, with where it is.
 *
 * @param number the line's number, from 1
 * @param text the line, without its terminator
 */
public record NumberedLine(int number, String text) {
  /** The line's length in characters (code points). */
  public int length() {
    return text.codePointCount(0, text.length());
  }
}
