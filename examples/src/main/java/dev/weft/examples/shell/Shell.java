package dev.weft.examples.shell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs shell commands with {@link ProcessBuilder}, from any number of threads at once, and keeps
 * count: how many commands it started, and the messages of those that failed.
 *
 * <p>It is an input of {@link ShellCommands} that is not part of any cache key ({@code @Input(key
 * = false)}), as a client or a connection would be: it runs the commands, it does not decide what
 * they compute. Its counts are what the cache saved: a cached element starts no command.
 */
public final class Shell {
  /** At most this many characters of a command's standard error go into its failure message. */
  static final int MAX_STDERR = 2_000;

  private final Optional<Map<String, String>> environment;
  private final AtomicInteger started = new AtomicInteger();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  /** A shell whose commands run in this process's environment. */
  public Shell() {
    this.environment = Optional.empty();
  }

  /**
   * A shell whose commands run in {@code environment} instead of this process's: how a test gives
   * them another {@code PATH}.
   */
  Shell(Map<String, String> environment) {
    this.environment = Optional.of(Map.copyOf(environment));
  }

  /**
   * Runs {@code sh -c command sh file}: the command, with the file's path as {@code $1} (so that
   * no quoting of the path is needed), standard input empty and standard output read back.
   * Returns the standard output as UTF-8 text, stripped of surrounding whitespace.
   *
   * @throws CommandFailedException if the command exits with a status other than 0; the message
   *     names the command line, the status and the command's standard error
   * @throws IOException if {@code sh} cannot be started
   * @throws InterruptedException if the calling thread is interrupted while the command runs;
   *     the command is killed
   */
  public String run(String command, Path file) throws IOException, InterruptedException {
    List<String> commandLine = List.of("sh", "-c", command, "sh", file.toString());
    // Standard error goes to a file: read through a pipe, it would have to be drained at the same
    // time as standard output, or a command writing much to it would block forever.
    Path stderrFile = Files.createTempFile("weft-shell-", ".stderr");
    try {
      ProcessBuilder builder = new ProcessBuilder(commandLine).redirectError(stderrFile.toFile());
      environment.ifPresent(variables -> {
        builder.environment().clear();
        builder.environment().putAll(variables);
      });
      Process process = builder.start();
      started.incrementAndGet();
      try {
        process.getOutputStream().close(); // nothing on standard input
        String stdout;
        try (InputStream in = process.getInputStream()) {
          stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = process.waitFor();
        if (status != 0) {
          CommandFailedException failure =
              new CommandFailedException(display(commandLine), status, stderr(stderrFile));
          failures.add(failure.getMessage());
          throw failure;
        }
        return stdout.strip();
      } finally {
        // Nothing to do once the command has exited. If waitFor was interrupted (the run was
        // cancelled), kill it, and its children first: the gzip of a pipeline outlives its sh.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } finally {
      Files.deleteIfExists(stderrFile);
    }
  }

  /** How many commands this shell has started. */
  public int commandsStarted() {
    return started.get();
  }

  /** The messages of the commands that failed, in sorted order. */
  public List<String> failures() {
    List<String> sorted = new ArrayList<>(failures);
    sorted.sort(null);
    return sorted;
  }

  /**
   * Whether {@code program} is an executable file in one of the directories of the {@code PATH}
   * in {@code environment}: whether a command can run it by name.
   */
  static boolean onPath(String program, Map<String, String> environment) {
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      // An empty entry is the working directory, as in sh.
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }

  private static String stderr(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    return text.length() <= MAX_STDERR ? text : text.substring(0, MAX_STDERR) + "…";
  }

  /** The command line as one would type it: {@code sh -c 'gzip -c "$1" | wc -c' sh a.txt}. */
  static String display(List<String> commandLine) {
    List<String> words = new ArrayList<>(commandLine.size());
    for (String word : commandLine) {
      words.add(word.matches("[\\w@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return String.join(" ", words);
  }
}
