package dev.weft.examples.common;

/**
 * An option that takes a value, given as {@code --latency 500} or {@code --latency=500}. Reads a
 * command line with {@link CommandLine#words}, beside the program's other options; the last one
 * given counts, else the default:
 *
 * <pre>{@code
 * ValueOption<Integer> workers = ValueOption.workers(4);
 * List<String> words = CommandLine.words(args, 1, workers);
 * int n = workers.value();
 * }</pre>
 *
 * <p>A missing or blank value is a {@link UsageException}, {@code --latency needs a number}; the
 * option's {@link Parser} says what else is wrong with one, as it is read.
 *
 * @param <T> the type of the value
 */
public final class ValueOption<T> implements CommandLine.Option {
  /**
   * The most worker threads {@link #workers} accepts: more than the examples have a use for, and
   * fewer than the engine's pool can start (a {@code ForkJoinPool} refuses more than 32,767).
   */
  public static final int MAX_WORKERS = 256;

  /** Reads the value of an option. */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * Returns the value {@code word} stands for.
     *
     * @throws UsageException if it stands for none, saying why
     */
    T parse(String word) throws UsageException;
  }

  private final String name;
  private final String needs;
  private final Parser<T> parser;
  private T value;
  private boolean given;

  /**
   * Creates the option.
   *
   * @param name the option, such as {@code --latency}
   * @param needs what its value is, for the message on a missing one: {@code a number} gives
   *     {@code --latency needs a number}
   * @param defaultValue the value if the command line does not give one
   * @param parser reads a value given
   */
  public ValueOption(String name, String needs, T defaultValue, Parser<T> parser) {
    this.name = name;
    this.needs = needs;
    this.value = defaultValue;
    this.parser = parser;
  }

  /**
   * The examples' {@code --workers N}: how many worker threads run tasks, a whole number from 1 to
   * {@link #MAX_WORKERS}; {@code defaultWorkers} if not given.
   */
  public static ValueOption<Integer> workers(int defaultWorkers) {
    String name = "--workers";
    return new ValueOption<>(name, "a number", defaultWorkers,
        word -> (int) CommandLine.wholeNumber(name, word, MAX_WORKERS));
  }

  /**
   * Reads {@code args[i]} if it is this option: {@code NAME=VALUE}, or {@code NAME} with the value
   * in {@code args[i + 1]}.
   *
   * @return 0 if {@code args[i]} is not this option, 1 for {@code NAME=VALUE}, 2 for {@code NAME
   *     VALUE}
   * @throws UsageException if the value is missing or blank, or as the parser throws it
   */
  @Override
  public int read(String[] args, int i) throws UsageException {
    String arg = args[i];
    String word;
    int taken;
    if (arg.equals(name)) {
      word = i + 1 < args.length ? args[i + 1] : "";
      taken = 2;
    } else if (arg.startsWith(name + "=")) {
      word = arg.substring(name.length() + 1);
      taken = 1;
    } else {
      return 0;
    }
    if (word.isBlank()) {
      throw new UsageException(name + " needs " + needs);
    }
    value = parser.parse(word);
    given = true;
    return taken;
  }

  /** The value of the last of these options read, else the default. */
  public T value() {
    return value;
  }

  /** Whether the arguments read so far gave this option. */
  public boolean given() {
    return given;
  }
}
