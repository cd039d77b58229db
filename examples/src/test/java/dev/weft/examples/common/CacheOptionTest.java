package dev.weft.examples.common;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.Weft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheOptionTest {
  @TempDir Path scratch;

  /** Reads {@code args} as the examples do; returns the cache directory, the other words last. */
  private static Parsed parse(String... args) throws UsageException {
    CacheOption cache = new CacheOption();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else {
        others.add(args[i]);
      }
    }
    return new Parsed(cache.dir(), others);
  }

  private record Parsed(Optional<Path> dir, List<String> others) {}

  @Test
  void noOption_cachesInTheDefaultDirectory() throws UsageException {
    assertThat(parse("docs", "5")).isEqualTo(
        new Parsed(Optional.of(Path.of(".weft", "cache")), List.of("docs", "5")));
    assertThat(CacheOption.DEFAULT_DIR).isEqualTo(Path.of(".weft/cache"));
  }

  @Test
  void cacheDir_takesTheNextArgumentOrTheEqualsForm() throws UsageException {
    assertThat(parse("--cache-dir", "c", "docs"))
        .isEqualTo(new Parsed(Optional.of(Path.of("c")), List.of("docs")));
    assertThat(parse("docs", "--cache-dir=c/d"))
        .isEqualTo(new Parsed(Optional.of(Path.of("c/d")), List.of("docs")));
    // Whatever follows is the directory, even a word that looks like an option.
    assertThat(parse("--cache-dir", "-x")).isEqualTo(
        new Parsed(Optional.of(Path.of("-x")), List.of()));
    assertThat(parse("--cache-dir=a", "--cache-dir", "b").dir()).hasValue(Path.of("b"));
  }

  @Test
  void read_saysHowManyArgumentsItTook() throws UsageException {
    String[] args = {"--verbose", "--no-cache", "--cache-dir", "c", "--cache-dir=d", "-"};

    assertThat(new CacheOption().read(args, 0)).isEqualTo(0);
    assertThat(new CacheOption().read(args, 1)).isEqualTo(1);
    assertThat(new CacheOption().read(args, 2)).isEqualTo(2);
    assertThat(new CacheOption().read(args, 4)).isEqualTo(1);
    assertThat(new CacheOption().read(args, 5)).isEqualTo(0);
    // --cache-directory is another option, not --cache-dir with a suffix.
    assertThat(new CacheOption().read(new String[] {"--cache-directory=x"}, 0)).isEqualTo(0);
  }

  @Test
  void noCache_cachesNothing() throws UsageException {
    assertThat(parse("docs", "--no-cache")).isEqualTo(
        new Parsed(Optional.empty(), List.of("docs")));
  }

  @Test
  void cacheDirWithoutDirectory_isAUsageError() {
    for (String[] args : List.of(new String[] {"docs", "--cache-dir"},
        new String[] {"--cache-dir=", "docs"}, new String[] {"--cache-dir", " "})) {
      UsageException e = assertThrows(UsageException.class, () -> parse(args));
      assertThat(e).hasMessageThat().isEqualTo("--cache-dir needs a directory");
    }
  }

  @Test
  void noCacheWithCacheDir_isAUsageError_inEitherOrder() {
    for (String[] args : List.of(new String[] {"--no-cache", "--cache-dir", "c"},
        new String[] {"--cache-dir=c", "--no-cache"})) {
      UsageException e = assertThrows(UsageException.class, () -> parse(args));
      assertThat(e).hasMessageThat().isEqualTo("--no-cache and --cache-dir exclude each other");
    }
  }

  @Test
  void build_withADirectory_cachesThere() {
    Path dir = scratch.resolve("nested/cache");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    Optional<Weft> weft =
        CacheOption.build(Weft.builder(), Optional.of(dir), new PrintStream(err, true, UTF_8));

    assertThat(weft).isPresent();
    try (Weft built = weft.get()) {
      assertThat(Files.isDirectory(dir)).isTrue();
      assertThat(built.cache().stats().diskEntries()).isEqualTo(0);
    }
    assertThat(err.toString(UTF_8)).isEmpty();
  }

  @Test
  void build_withoutADirectory_turnsCachingOff() {
    Optional<Weft> weft = CacheOption.build(Weft.builder(), Optional.empty(),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8));

    assertThat(weft).isPresent();
    try (Weft built = weft.get()) {
      assertThrows(IllegalStateException.class, built::cache);
    }
  }

  @Test
  void build_withAFileForDirectory_printsTheErrorAndReturnsEmpty() throws IOException {
    Path file = Files.writeString(scratch.resolve("file"), "not a directory");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    Optional<Weft> weft =
        CacheOption.build(Weft.builder(), Optional.of(file), new PrintStream(err, true, UTF_8));

    assertThat(weft).isEmpty();
    assertThat(err.toString(UTF_8)).startsWith("error: cannot use cache directory " + file);
  }

  @Test
  void build_withAnUnusableDirectory_saysToPassAnotherOption_andIsABadArgument()
      throws IOException {
    Path file = Files.writeString(scratch.resolve("file"), "not a directory");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    CacheOption.build(Weft.builder(), Optional.of(file), new PrintStream(err, true, UTF_8));

    // The engine's advice, "leave cacheDir unset", speaks to a programmer, not to a command line.
    // What failed inside it (a file where the engine makes a directory) is the engine's to say.
    assertThat(err.toString(UTF_8)).startsWith("error: cannot use cache directory " + file
        + " (FileSystemException: " + file);
    assertThat(err.toString(UTF_8)).endsWith(": Not a directory); pass another --cache-dir or"
        + " --no-cache\n");
    assertThat(CacheOption.UNUSABLE_DIR_STATUS).isEqualTo(2);
  }
}
