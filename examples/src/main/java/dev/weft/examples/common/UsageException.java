package dev.weft.examples.common;

import java.io.PrintStream;

/**
 * A command line that cannot be run, and why. The examples print it as {@code error: } and the
 * message, then their usage, on standard error, and exit with status 2 ({@link #report}).
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the command line, worded so that the user can fix it, such
   *     as {@code --cache-dir needs a directory}
   */
  public UsageException(String message) {
    super(message);
  }

  /**
   * Prints {@code error: } and this exception's message, then {@code usage}, each on a line of
   * {@code err}; returns the exit status for bad arguments, 2.
   */
  public int report(PrintStream err, String usage) {
    err.println("error: " + getMessage());
    err.println(usage);
    return 2;
  }
}
