package dev.weft.examples.shell;

import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.RunListener;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.Weft;
import dev.weft.examples.common.CacheOption;
import dev.weft.examples.common.CommandLine;
import dev.weft.examples.common.TaskReport;
import dev.weft.examples.common.UnlistableDirectoryException;
import dev.weft.examples.common.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one external shell command per file, in parallel, each command's output cached on its own
 * — Python's {@code Pool.map} over {@code subprocess.run}, with a memory — with the tasks of
 * {@link ShellCommands}. Prints each file's output, what each task did, and how many commands ran:
 * all of them the first time, none on a rerun, one after changing one file.
 *
 * <pre>
 * ShellMain [--cache-dir DIR | --no-cache] [--command CMD] [directory]
 *     run sh -c CMD sh FILE for every file under directory (default: 100 sample files written to
 *     target/shell-files); CMD reads the file as "$1" (default: gzip -c -- "$1" | wc -c, the
 *     file's gzipped size, exiting with gzip's status); outputs are cached in DIR (default
 *     .weft/cache)
 * </pre>
 *
 * <p>From the repository's root, through Maven (run it twice: the second run runs no command):
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.shell.ShellMain
 * touch target/shell-files/sample-042.txt     # then once more: one command runs
 * mvn -q -pl examples -am package -DskipTests -Pexample -Dexample.main=dev.weft.examples.shell.ShellMain -Dexec.args="--command 'md5sum \"\$1\"' examples/src"
 * </pre>
 *
 * <p>Results go to standard output; progress (from {@link ConsoleProgress}) and errors to
 * standard error. A command that fails does not stop the others, whose outputs are cached; its
 * message names the command, its exit status and its standard error. A directory under the given
 * one that cannot be listed (one without read permission) fails the run, naming it, rather than
 * being skipped: a run that left out its files would print outputs that look complete. Exit
 * status: 0 on success, 1 if a command or task failed, 2 for bad arguments, a directory without
 * files or one that cannot be listed, or the default command without {@code gzip} on the
 * {@code PATH}.
 */
public final class ShellMain {
  /** Where the sample files go when no directory is given, relative to the working directory. */
  static final Path SAMPLE_FILES = Path.of("target", "shell-files");
  /**
   * The default command: the size of the file compressed with gzip, {@code gzip -c -- "$1" | wc
   * -c}, but exiting with gzip's status. A pipeline's status is its last command's, wc's, so
   * plain, a gzip that fails (missing, or the file unreadable) would print 0 and succeed, and
   * that 0 would be cached; POSIX sh has no {@code pipefail}. So gzip's status goes out through
   * file descriptor 3 into {@code s}, while wc's count goes to the real standard output, kept on
   * descriptor 4.
   */
  static final String DEFAULT_COMMAND =
      "{ s=$( { { gzip -c -- \"$1\"; echo $? >&3; } | wc -c >&4; } 3>&1 ); } 4>&1; exit \"$s\"";
  private static final String USAGE = String.join("\n",
      "usage: ShellMain [--cache-dir DIR | --no-cache] [--command CMD] [directory]",
      "Runs sh -c CMD sh FILE for every file under directory (default: " + SampleFiles.FILES
          + " sample files written to " + SAMPLE_FILES + "), in parallel; CMD reads the file as"
          + " \"$1\".",
      "  --command CMD    the command (default: the file's gzipped size, failing when gzip"
          + " fails: " + DEFAULT_COMMAND + ")",
      "  --cache-dir DIR  cache each file's output in DIR (default " + CacheOption.DEFAULT_DIR
          + "); a rerun runs only the commands of files that changed",
      "  --no-cache       cache nothing: every command runs");

  private ShellMain() {}

  /** Runs the example with the command line's arguments; exits with the status of {@code run}. */
  public static void main(String[] args) {
    CommandLine.exit(run(args, System.out, System.err, ConsoleProgress.create()));
  }

  /**
   * What the command line asks for: the directory (empty: the sample files), the command, and
   * where to cache outputs (empty: {@code --no-cache}).
   */
  record Options(Optional<Path> directory, String command, Optional<Path> cacheDir) {}

  /**
   * Does what {@code main} does, writing results to {@code out}, errors to {@code err} and
   * progress to {@code progress}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress) {
    return run(args, out, err, progress, System.getenv());
  }

  /** Does what {@code run} does, with the commands run in {@code environment}. */
  static int run(String[] args, PrintStream out, PrintStream err, RunListener progress,
      Map<String, String> environment) {
    return CommandLine.run(args, USAGE, out, err, ShellMain::parse,
        options -> run(options, out, err, progress, environment));
  }

  /** Runs the command on the files {@code options} name, or on sample files it writes first. */
  private static int run(Options options, PrintStream out, PrintStream err,
      RunListener progress, Map<String, String> environment) {
    // Checked once here: else every file's command would fail on its own with "gzip: not found".
    if (options.command().equals(DEFAULT_COMMAND) && !Shell.onPath("gzip", environment)) {
      err.println("error: gzip not found on PATH; install it or pass --command");
      return 2;
    }
    Path directory;
    if (options.directory().isEmpty()) {
      try {
        directory = SampleFiles.write(SAMPLE_FILES);
      } catch (IOException e) {
        err.println("error: cannot write the sample files to " + SAMPLE_FILES.toAbsolutePath()
            + ": " + e + "; pass a directory of your own instead");
        return 1;
      }
      out.println("Sample files: " + SampleFiles.FILES + " generated files in " + directory
          + " (pass a directory to run the command on your own files)");
    } else {
      directory = options.directory().get();
      if (!Files.isDirectory(directory)) {
        err.println("error: " + directory.toAbsolutePath() + (Files.exists(directory)
            ? " is not a directory" : " does not exist") + "; pass the directory whose files"
            + " to run the command on");
        return 2;
      }
    }
    return runCommands(directory, options, out, err, progress, new Shell(environment));
  }

  private static int runCommands(Path directory, Options options, PrintStream out,
      PrintStream err, RunListener progress, Shell shell) {
    // keepGoing: a command that fails does not stop the others, and their outputs are cached.
    Optional<Weft> built = CacheOption.build(Weft.builder().keepGoing(true).listener(progress),
        options.cacheDir(), err);
    if (built.isEmpty()) {
      return CacheOption.UNUSABLE_DIR_STATUS;
    }
    Flow flow = ShellCommandsFlow.of(new ShellCommands());
    try (Weft weft = built.get()) {
      long start = System.nanoTime();
      RunResult result = weft.run(flow,
          Inputs.of(ShellCommandsFlow.DIRECTORY, directory)
              .and(ShellCommandsFlow.COMMAND, options.command())
              .and(ShellCommandsFlow.SHELL, shell),
          ShellCommandsFlow.FILES, ShellCommandsFlow.OUTPUTS);
      long elapsedNanos = System.nanoTime() - start;
      if (!result.succeeded()) {
        return failed(result, shell, options.cacheDir().isPresent(), err);
      }
      List<CommandOutput> outputs = result.get(ShellCommandsFlow.OUTPUTS);
      if (outputs.isEmpty()) {
        err.println("error: no files under " + directory.toAbsolutePath());
        return 2;
      }
      out.printf(Locale.ROOT, "%s, for each of %d %s under %s:%n",
          Shell.display(List.of("sh", "-c", options.command(), "sh", "FILE")), outputs.size(),
          outputs.size() == 1 ? "file" : "files", directory);
      int width = outputs.stream()
          .mapToInt(o -> directory.relativize(o.file()).toString().length()).max().orElse(0);
      for (CommandOutput output : outputs) {
        out.printf(Locale.ROOT, "  %-" + width + "s  %,11d bytes  ->  %s%n",
            directory.relativize(output.file()), output.size(), firstLine(output.output()));
      }
      // Both tasks are targets, so each has an outcome and a line.
      TaskReport.of(flow, result).taskLines().forEach(out::println);
      out.println(summary(shell.commandsStarted(), outputs.size(), elapsedNanos,
          weft.parallelism(), options.cacheDir().isPresent(),
          TaskReport.describeCache(options.cacheDir(), weft)));
      return 0;
    }
  }

  /**
   * Reports every failed command, or else the failed tasks; returns the exit status: 2 for a
   * directory that could not be listed, as for one that does not exist, else 1.
   */
  private static int failed(RunResult result, Shell shell, boolean caching, PrintStream err) {
    for (TaskOutcome failure : result.failures()) {
      Optional<UnlistableDirectoryException> unlistable =
          failure.failure().flatMap(UnlistableDirectoryException::in);
      if (unlistable.isPresent()) {
        err.println("error: " + unlistable.get().getMessage());
        return 2;
      }
    }
    List<String> failures = shell.failures();
    if (!failures.isEmpty()) { // then files succeeded: the commands ran on its elements
      int files = result.get(ShellCommandsFlow.FILES).size();
      boolean othersCached = caching && failures.size() < files;
      err.printf(Locale.ROOT, "error: the command failed on %d of %d %s%s%n", failures.size(),
          files, files == 1 ? "file" : "files",
          othersCached ? "; the outputs of the other files are cached" : "");
      failures.forEach(failure -> err.println("  " + failure));
      return 1;
    }
    for (TaskOutcome failure : result.failures()) {
      err.println("error: task '" + failure.name() + "' failed: " + failure.reason());
    }
    return 1;
  }

  private static String firstLine(String output) {
    List<String> lines = output.lines().toList();
    return lines.size() <= 1 ? output : lines.get(0) + " (and " + (lines.size() - 1) + " more"
        + (lines.size() == 2 ? " line)" : " lines)");
  }

  /**
   * {@code Ran 1 command in 0.10 s on 2 worker threads; 99 of the 100 outputs came from the cache
   * (.weft/cache: 210 entries, 75 KB)}; {@code cache} is {@link TaskReport#describeCache}'s.
   */
  static String summary(int commands, int files, long elapsedNanos, int workers, boolean caching,
      String cache) {
    StringBuilder line = new StringBuilder(commands == 0
        ? String.format(Locale.ROOT, "Ran no command in %.2f s", elapsedNanos / 1e9)
        : String.format(Locale.ROOT, "Ran %d %s in %.2f s on %d worker %s", commands,
            commands == 1 ? "command" : "commands", elapsedNanos / 1e9, workers,
            workers == 1 ? "thread" : "threads"));
    if (caching) {
      int cached = files - commands;
      line.append(cached == files ? String.format(Locale.ROOT,
              ": all %d outputs came from the cache", files)
          : cached == 0 ? String.format(Locale.ROOT,
              "; none of the %d outputs came from the cache", files)
          : String.format(Locale.ROOT, "; %d of the %d outputs came from the cache", cached,
              files));
    }
    return line.append(" (").append(cache).append(')').toString();
  }

  /** Reads the options, then at most one word: the directory. */
  static Options parse(String[] args) throws UsageException {
    CacheOption cache = new CacheOption();
    String command = DEFAULT_COMMAND;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int taken = cache.read(args, i);
      if (taken > 0) {
        i += taken - 1;
      } else if (arg.equals("--command") || arg.startsWith("--command=")) {
        command = arg.equals("--command")
            ? (i + 1 < args.length ? args[++i] : "") : arg.substring("--command=".length());
        if (command.isBlank()) {
          throw new UsageException("--command needs a command, such as 'wc -l < \"$1\"'");
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("unknown option '" + arg + "'");
      } else {
        words.add(arg);
      }
    }
    Optional<Path> cacheDir = cache.dir();
    if (words.size() > 1) {
      throw new UsageException("too many arguments: " + String.join(" ", words));
    }
    return new Options(words.isEmpty() ? Optional.empty() : Optional.of(Path.of(words.get(0))),
        command, cacheDir);
  }
}
