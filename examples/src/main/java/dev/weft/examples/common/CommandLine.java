package dev.weft.examples.common;

import java.io.PrintStream;
import java.util.function.ToIntFunction;

/**
 * How the examples read a command line and end: {@code --help} or {@code -h} prints the usage;
 * a command line that cannot be run is an error followed by the usage, status 2; any other is
 * parsed into the example's options and run, and its status is the program's.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
 * }
 *
 * static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
 *   return CommandLine.run(args, USAGE, out, err, Main::parse,
 *       options -> run(options, out, err, progress));
 * }
 * }</pre>
 */
public final class CommandLine {
  private CommandLine() {}

  /** Reads a command line into an example's options. */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * Returns the options {@code args} ask for.
     *
     * @throws UsageException if {@code args} cannot be run, saying why
     */
    T parse(String[] args) throws UsageException;
  }

  /**
   * Runs {@code args}: if the first is {@code --help} or {@code -h}, prints {@code usage} on
   * {@code out} and returns 0; if {@code parser} rejects them, prints the error and {@code usage}
   * on {@code err} and returns 2 ({@link UsageException#report}); else returns what {@code body}
   * returns for the options.
   */
  public static <T> int run(String[] args, String usage, PrintStream out, PrintStream err,
      Parser<T> parser, ToIntFunction<T> body) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(usage);
      return 0;
    }
    T options;
    try {
      options = parser.parse(args);
    } catch (UsageException e) {
      return e.report(err, usage);
    }
    return body.applyAsInt(options);
  }

  /**
   * Ends {@code main} with exit status {@code status}. Status 0 returns instead of exiting, so
   * that a program run inside another JVM — Maven's {@code exec:java} runs the examples in its
   * own — lets that JVM go on after a success.
   */
  public static void exit(int status) {
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Reads {@code word}, the value of {@code name}, as a whole number of 1 or more.
   *
   * @throws UsageException if it is not one: {@code top must be a whole number of 1 or more, not
   *     'ten'}
   */
  public static int wholeNumber(String name, String word) throws UsageException {
    int number;
    try {
      number = Integer.parseInt(word);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1) {
      throw new UsageException(
          name + " must be a whole number of 1 or more, not '" + word + "'");
    }
    return number;
  }
}
