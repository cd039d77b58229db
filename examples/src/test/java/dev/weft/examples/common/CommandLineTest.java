package dev.weft.examples.common;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final String USAGE = "usage: Example [word]\n  --loud  shout";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> ran = new ArrayList<>();

  /** At most one word, and no option. */
  private static String parse(String[] args) throws UsageException {
    if (args.length > 1) {
      throw new UsageException("too many arguments: " + String.join(" ", args));
    }
    return args.length == 0 ? "none" : args[0];
  }

  private int run(String... args) {
    return CommandLine.run(args, USAGE, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), CommandLineTest::parse, word -> {
          ran.add(word);
          return word.length();
        });
  }

  @Test
  void options_areParsedAndRun_andTheBodysStatusReturned() {
    assertThat(run("abc")).isEqualTo(3);
    assertThat(run()).isEqualTo(4);

    assertThat(ran).containsExactly("abc", "none").inOrder();
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(err.toString(UTF_8)).isEmpty();
  }

  @Test
  void help_printsTheUsageOnStandardOutput_andReturns0() {
    assertThat(run("--help", "x", "y")).isEqualTo(0);
    assertThat(run("-h")).isEqualTo(0);

    assertThat(ran).isEmpty();
    assertThat(out.toString(UTF_8)).isEqualTo(USAGE + "\n" + USAGE + "\n");
    assertThat(err.toString(UTF_8)).isEmpty();
  }

  @Test
  void help_onlyAsTheFirstArgument() {
    assertThat(run("x", "--help")).isEqualTo(2);

    assertThat(ran).isEmpty();
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void usageError_printsTheErrorThenTheUsageOnStandardError_andReturns2() {
    assertThat(run("a", "b", "c")).isEqualTo(2);

    assertThat(ran).isEmpty();
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(err.toString(UTF_8)).isEqualTo("error: too many arguments: a b c\n" + USAGE + "\n");
  }

  @Test
  void wholeNumber_isOneOrMore() throws UsageException {
    assertThat(CommandLine.wholeNumber("top", "1")).isEqualTo(1);
    assertThat(CommandLine.wholeNumber("top", "20")).isEqualTo(20);
    for (String word : List.of("0", "-3", "ten", "1.5", "", "99999999999")) {
      UsageException e =
          assertThrows(UsageException.class, () -> CommandLine.wholeNumber("top", word));
      assertThat(e).hasMessageThat()
          .isEqualTo("top must be a whole number of 1 or more, not '" + word + "'");
    }
  }

  @Test
  void wholeNumberUpTo_readsGroupedDigits_andNamesTheRange() throws UsageException {
    assertThat(CommandLine.wholeNumber("n", "1", 10_000)).isEqualTo(1);
    assertThat(CommandLine.wholeNumber("n", "10,000", 10_000)).isEqualTo(10_000);
    assertThat(CommandLine.wholeNumber("n", "1_000", 10_000)).isEqualTo(1_000);
    for (String word : List.of("0", "-3", "ten", "1.5", "", "10001", "99999999999999999999")) {
      UsageException e =
          assertThrows(UsageException.class, () -> CommandLine.wholeNumber("n", word, 10_000));
      assertThat(e).hasMessageThat()
          .isEqualTo("n must be a whole number from 1 to 10,000, not '" + word + "'");
    }
  }

  @Test
  void words_areTheArgumentsNoOptionTook_inTheirOrder() throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(1);
    CacheOption cache = new CacheOption();

    assertThat(CommandLine.words(new String[] {"a", "--workers", "3", "-", "--no-cache", "-5"},
        3, workers, cache)).containsExactly("a", "-", "-5").inOrder();
    assertThat(workers.value()).isEqualTo(3);
    assertThat(cache.dir()).isEmpty();
    assertThat(CommandLine.words(new String[0], 0)).isEmpty();
  }

  @Test
  void words_unknownOption_isAUsageError() {
    for (String option : List.of("--verbose", "-v", "--workers")) {
      UsageException e = assertThrows(UsageException.class,
          () -> CommandLine.words(new String[] {"a", option, "b"}, 5));
      assertThat(e).hasMessageThat().isEqualTo("unknown option '" + option + "'");
    }
  }

  @Test
  void words_moreThanMost_isAUsageError_thatListsThemAll() {
    UsageException e = assertThrows(UsageException.class,
        () -> CommandLine.words(new String[] {"a", "--workers=2", "b", "c"}, 2,
            ValueOption.workers(1)));

    assertThat(e).hasMessageThat().isEqualTo("too many arguments: a b c");
  }
}
