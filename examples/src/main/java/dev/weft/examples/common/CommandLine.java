package dev.weft.examples.common;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * How the examples read a command line and end: {@code --help} or {@code -h} prints the usage;
 * a command line that cannot be run is an error followed by the usage, status 2; any other is
 * parsed into the example's options and run, and its status is the program's. The parser
 * splits the command line into its options and words with {@link #words}, and reads numbers with
 * {@link #wholeNumber(String, String, long)}.
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
  /** A negative whole number, such as {@code -5}: a word, not an option. */
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+");

  private CommandLine() {}

  /**
   * An option of an example's command line, such as {@link CacheOption} or a {@link ValueOption}.
   */
  @FunctionalInterface
  public interface Option {
    /**
     * Reads {@code args[i]} if it is this option, with the value that follows it if it takes one.
     *
     * @return how many arguments it took from {@code args[i]} on: 0 if {@code args[i]} is not
     *     this option (the caller reads it), else 1 or more
     * @throws UsageException if it is this option but cannot be run, saying why
     */
    int read(String[] args, int i) throws UsageException;
  }

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
   * Reads {@code args}: each option with the first of {@code options} that takes it, in the order
   * of the command line; returns the other arguments, the words, in their order. An argument that
   * starts with {@code -} is an option, except {@code -} itself and a negative number such as
   * {@code -5}, which are words (the program says what is wrong with them).
   *
   * @param most how many words the program takes at the most
   * @throws UsageException for an option that none of {@code options} takes ({@code unknown
   *     option '--verbose'}), for more than {@code most} words ({@code too many arguments: a b
   *     c}), or as one of {@code options} throws it
   */
  public static List<String> words(String[] args, int most, Option... options)
      throws UsageException {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      int taken = 0;
      for (int o = 0; o < options.length && taken == 0; o++) {
        taken = options[o].read(args, i);
      }
      String arg = args[i];
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.startsWith("-") && arg.length() > 1
          && !NEGATIVE_NUMBER.matcher(arg).matches()) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    if (words.size() > most) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    return words;
  }

  /**
   * Reads {@code word}, the value of {@code name}, as a whole number from 1 to {@code max};
   * underscores and commas may group its digits: {@code 1_000_000}, {@code 1,000,000}.
   *
   * @throws UsageException if it is not one: {@code chunks must be a whole number from 1 to
   *     10,000, not '0'}
   */
  public static long wholeNumber(String name, String word, long max) throws UsageException {
    long number;
    try {
      number = Long.parseLong(word.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1 || number > max) {
      throw new UsageException(String.format(Locale.ROOT,
          "%s must be a whole number from 1 to %,d, not '%s'", name, max, word));
    }
    return number;
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
