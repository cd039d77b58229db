package dev.weft.examples.barrier;

/**
 * The line-length branch of {@link TextProfile}: lengths in characters (code points), line
 * terminators not counted.
 *
 * @param lines how many lines the text has
 * @param blank how many of them are empty or hold only whitespace
 * @param longest the length of the longest line
 * @param mean the mean length of a line; 0 for a text without lines
 */
public record LineLengths(int lines, int blank, int longest, double mean) {}
