package dev.weft.examples.common;

import dev.weft.engine.Weft;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The examples' {@code --cache-dir DIR | --no-cache} option: where a run's results are cached —
 * {@link #DEFAULT_DIR} unless the command line says otherwise — or that nothing is; and the Weft
 * built to match ({@link #build}). Read a command line with one instance, beside the program's
 * own options:
 *
 * <pre>{@code
 * CacheOption cache = new CacheOption();
 * for (int i = 0; i < args.length; i++) {
 *   int taken = cache.read(args, i);
 *   if (taken > 0) {
 *     i += taken - 1;
 *   } else if (args[i].equals("--verbose")) {
 *     ...
 *   }
 * }
 * Optional<Path> cacheDir = cache.dir(); // empty for --no-cache
 * }</pre>
 *
 * <p>or, where the program's other options are {@link ValueOption}s, {@code
 * CommandLine.words(args, 2, cache, workers)}.
 *
 * <p>The directory is given as {@code --cache-dir DIR} or {@code --cache-dir=DIR}; a missing or
 * blank one, and {@code --no-cache} with {@code --cache-dir}, are {@link UsageException}s.
 */
public final class CacheOption implements CommandLine.Option {
  /** Where results are cached unless told otherwise, relative to the working directory. */
  public static final Path DEFAULT_DIR = Path.of(".weft", "cache");

  private static final String CACHE_DIR = "--cache-dir";

  private final ValueOption<Path> dir =
      new ValueOption<>(CACHE_DIR, "a directory", DEFAULT_DIR, word -> Path.of(word));
  private boolean off;

  /** Starts reading a command line: so far, results go to {@link #DEFAULT_DIR}. */
  public CacheOption() {}

  /**
   * Reads {@code args[i]} if it is this option: {@code --no-cache}, {@code --cache-dir=DIR}, or
   * {@code --cache-dir} with the directory in {@code args[i + 1]}.
   *
   * @return how many arguments it took from {@code args[i]} on: 0 if {@code args[i]} is none of
   *     these (the caller reads it), 1, or 2 for {@code --cache-dir DIR}
   * @throws UsageException if {@code --cache-dir} has no directory, or a blank one
   */
  @Override
  public int read(String[] args, int i) throws UsageException {
    if (args[i].equals("--no-cache")) {
      off = true;
      return 1;
    }
    return dir.read(args, i);
  }

  /**
   * The cache directory the arguments read so far ask for: the last {@code --cache-dir}, else
   * {@link #DEFAULT_DIR}; empty for {@code --no-cache}.
   *
   * @throws UsageException if both {@code --no-cache} and {@code --cache-dir} were given
   */
  public Optional<Path> dir() throws UsageException {
    if (off && dir.given()) {
      throw new UsageException("--no-cache and " + CACHE_DIR + " exclude each other");
    }
    return off ? Optional.empty() : Optional.of(dir.value());
  }

  /**
   * The exit status of an example whose cache directory cannot be made or used: 2, as for any
   * other bad argument, since another {@code --cache-dir} or {@code --no-cache} fixes it.
   */
  public static final int UNUSABLE_DIR_STATUS = 2;

  /**
   * Builds {@code builder}'s Weft with results cached in {@code cacheDir}, or with caching off if
   * it is empty. If the directory cannot be made or used, prints {@code error: cannot use cache
   * directory DIR (why); pass another --cache-dir or --no-cache} on {@code err} and returns empty:
   * the example then exits with status {@link #UNUSABLE_DIR_STATUS}.
   *
   * @param builder a builder on which neither {@code cacheDir} nor {@code caching} was set
   */
  public static Optional<Weft> build(Weft.Builder builder, Optional<Path> cacheDir,
      PrintStream err) {
    cacheDir.ifPresentOrElse(builder::cacheDir, () -> builder.caching(false));
    try {
      return Optional.of(builder.build());
    } catch (UncheckedIOException e) {
      // The engine's message advises the caller of its builder ("leave cacheDir unset"); the
      // user of an example fixes it on the command line. The innermost cause says what failed.
      Throwable why = e;
      while (why.getCause() != null) {
        why = why.getCause();
      }
      err.println("error: cannot use cache directory " + cacheDir.map(Path::toString).orElse("")
          + " (" + why.getClass().getSimpleName()
          + (why.getMessage() == null ? "" : ": " + why.getMessage()) + "); pass another "
          + CACHE_DIR + " or --no-cache");
      return Optional.empty();
    }
  }
}
