package dev.weft.examples.shell;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.ConsoleProgress;
import dev.weft.examples.common.LockedDirectory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellMainTest {
  @TempDir Path files;
  @TempDir Path cache;
  @TempDir Path scratch;

  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void needsSh() {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sh")));
    org.junit.jupiter.api.Assumptions.assumeTrue(found, "no sh on the PATH");
  }

  /** Runs the command line with fresh output streams; outputs cache in {@link #cache}. */
  private int run(String... args) {
    return runIn(System.getenv(), args);
  }

  /** Runs the command line as {@link #run} does, with the commands run in {@code environment}. */
  private int runIn(Map<String, String> environment, String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    List<String> line = new ArrayList<>(List.of(args));
    if (!line.contains("--no-cache")) {
      line.addAll(0, List.of("--cache-dir", cache.toString()));
    }
    return ShellMain.run(line.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        ConsoleProgress.create(new PrintStream(new ByteArrayOutputStream(), true, UTF_8), false),
        environment);
  }

  /** This process's environment, with {@code PATH} set to {@code path}. */
  private static Map<String, String> withPath(String path) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PATH", path);
    return environment;
  }

  private static void assumeGzip() {
    Assumptions.assumeTrue(Shell.onPath("gzip", System.getenv()), "no gzip on the PATH");
  }

  /** The text of the default command's line, as the output's first line shows it. */
  private static String defaultCommandLine(String file) {
    return Shell.display(List.of("sh", "-c", ShellMain.DEFAULT_COMMAND, "sh", file));
  }

  private List<String> outLines() {
    return out.toString(UTF_8).lines().toList();
  }

  /** A command that notes each file it runs on in a log, a line per run, and prints its size. */
  private String loggingCommand(Path log) {
    return "echo \"$1\" >> '" + log + "'; wc -c < \"$1\"";
  }

  private static List<String> logged(Path log) throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private List<Path> writeFiles(int count) throws IOException {
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      written.add(Files.writeString(files.resolve(String.format(Locale.ROOT, "f%03d.txt", i)),
          "x".repeat(i * 7)));
    }
    return written;
  }

  @Test
  void rerunRunsNoCommand_andAChangedFileRunsOne() throws IOException {
    List<Path> written = writeFiles(100);
    Path log = scratch.resolve("runs.log");
    String command = loggingCommand(log);

    assertThat(run("--command", command, files.toString())).isEqualTo(0);
    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(logged(log)).hasSize(100);
    assertThat(outLines().get(0)).isEqualTo("sh -c '" + command.replace("'", "'\\''")
        + "' sh FILE, for each of 100 files under " + files + ":");
    // The command prints the size of its file: 7 bytes times the file's number.
    assertThat(outLines().get(1)).isEqualTo("  f000.txt            0 bytes  ->  0");
    assertThat(outLines().get(43)).isEqualTo("  f042.txt          294 bytes  ->  294");
    assertThat(outLines().get(102)).matches("  outputs  executed +\\d+\\.\\d\\d s  new");
    assertThat(outLines().get(103)).matches("Ran 100 commands in \\d+\\.\\d\\d s on \\d+ worker"
        + " threads?; none of the 100 outputs came from the cache \\(.+: \\d+ entries, .+\\)");

    assertThat(run("--command", command, files.toString())).isEqualTo(0);
    assertThat(logged(log)).hasSize(100); // not one command ran
    assertThat(outLines().get(43)).isEqualTo("  f042.txt          294 bytes  ->  294");
    assertThat(outLines().get(102)).matches("  outputs  disk cache +\\d+\\.\\d\\d s  unchanged");
    assertThat(outLines().get(103)).matches(
        "Ran no command in \\d+\\.\\d\\d s: all 100 outputs came from the cache \\(.+\\)");

    Path changed = written.get(42);
    Files.writeString(changed, "more", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(changed, FileTime.fromMillis(
        Files.getLastModifiedTime(changed).toMillis() + 10_000));

    assertThat(run("--command", command, files.toString())).isEqualTo(0);
    assertThat(logged(log)).hasSize(101);
    assertThat(logged(log).get(100)).isEqualTo(changed.toString());
    assertThat(outLines().get(43)).isEqualTo("  f042.txt          298 bytes  ->  298");
    assertThat(outLines().get(101))
        .matches("  files    executed +\\d+\\.\\d\\d s  input 'directory' changed");
    assertThat(outLines().get(102)).matches("  outputs  executed +\\d+\\.\\d\\d s  upstream"
        + " 'files' changed; 99 of 100 elements cached");
    assertThat(outLines().get(103)).matches("Ran 1 command in \\d+\\.\\d\\d s on \\d+ worker"
        + " threads?; 99 of the 100 outputs came from the cache \\(.+\\)");
  }

  @Test
  void otherCommand_runsEveryFileAgain() throws IOException {
    writeFiles(3);
    Path log = scratch.resolve("runs.log");
    run("--command", loggingCommand(log), files.toString());

    assertThat(run("--command", loggingCommand(log) + " # another", files.toString()))
        .isEqualTo(0);

    assertThat(logged(log)).hasSize(6);
    assertThat(outLines().get(5)).matches("  outputs  executed +\\d+\\.\\d\\d s  input 'command'"
        + " changed");
  }

  @Test
  void defaultCommand_printsEachFilesGzippedSize() throws IOException {
    assumeGzip();
    Files.writeString(files.resolve("repetitive.txt"), "a".repeat(100_000));
    byte[] noise = new byte[20_000];
    new Random(1).nextBytes(noise);
    Files.write(files.resolve("random.bin"), noise);

    assertThat(run(files.toString())).isEqualTo(0);

    assertThat(outLines().get(0)).isEqualTo(
        defaultCommandLine("FILE") + ", for each of 2 files under " + files + ":");
    String random = outLines().get(1);
    String repetitive = outLines().get(2);
    // Names padded to the longest, sizes to 11 characters.
    assertThat(random).startsWith("  random.bin    " + "       20,000 bytes  ->  ");
    assertThat(repetitive).startsWith("  repetitive.txt" + "      100,000 bytes  ->  ");
    // Random bytes do not compress; 100,000 times the same byte does, to a few hundred bytes.
    assertThat(Long.parseLong(random.substring(random.lastIndexOf(' ') + 1)))
        .isAtLeast(20_000L);
    assertThat(Long.parseLong(repetitive.substring(repetitive.lastIndexOf(' ') + 1)))
        .isIn(com.google.common.collect.Range.closed(20L, 1_000L));
  }

  @Test
  void failingCommand_failsItsElementWithTheCommandItsStatusAndStderr() throws IOException {
    writeFiles(3);
    Path bad = Files.writeString(files.resolve("bad.txt"), "bad");
    Path log = scratch.resolve("runs.log");
    String command = "echo \"$1\" >> '" + log + "'; case \"$1\" in *bad.txt) echo \"cannot take"
        + " $1\" >&2; exit 3;; esac; wc -c < \"$1\"";

    assertThat(run("--command", command, files.toString())).isEqualTo(1);

    assertThat(err.toString(UTF_8)).isEqualTo("error: the command failed on 1 of 4 files; the"
        + " outputs of the other files are cached\n"
        + "  command `sh -c '" + command.replace("'", "'\\''") + "' sh " + bad + "` exited with"
        + " status 3: cannot take " + bad + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(logged(log)).hasSize(4);

    // The three that succeeded were cached: a rerun runs only the failing command again.
    assertThat(run("--command", command, files.toString())).isEqualTo(1);
    assertThat(logged(log)).hasSize(5);
    assertThat(logged(log).get(4)).isEqualTo(bad.toString());
    assertThat(err.toString(UTF_8)).startsWith("error: the command failed on 1 of 4 files;");
  }

  @Test
  void defaultCommand_failingGzip_failsEveryElement_andCachesNoOutput() throws IOException {
    assumeGzip();
    Path file = Files.writeString(files.resolve("a.txt"), "a".repeat(1_000));
    // A gzip that fails, first on the PATH: the pipeline's wc would still print 0 and succeed.
    Path fake = Files.createDirectory(scratch.resolve("bin"));
    Path gzip = Files.writeString(fake.resolve("gzip"), "#!/bin/sh\necho 'gzip: broken' >&2\n"
        + "exit 3\n");
    Files.setPosixFilePermissions(gzip, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(runIn(withPath(fake + File.pathSeparator + System.getenv("PATH")), files.toString()))
        .isEqualTo(1);

    assertThat(err.toString(UTF_8)).isEqualTo("error: the command failed on 1 of 1 file\n"
        + "  command `" + defaultCommandLine(file.toString()) + "` exited with status 3:"
        + " gzip: broken\n");
    assertThat(out.toString(UTF_8)).isEmpty();

    // With the real gzip, the command runs again: the failure was not cached as an output.
    assertThat(run(files.toString())).isEqualTo(0);
    String line = outLines().get(1);
    assertThat(line).startsWith("  a.txt  ");
    assertThat(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThan(20L);
    assertThat(outLines().get(4)).startsWith("Ran 1 command in ");
  }

  @Test
  void defaultCommand_unreadableFile_failsItsElementWithGzipsMessage() throws IOException {
    assumeGzip();
    Path file = Files.writeString(files.resolve("secret.txt"), "secret");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");

    assertThat(run(files.toString())).isEqualTo(1);

    assertThat(err.toString(UTF_8)).isEqualTo("error: the command failed on 1 of 1 file\n"
        + "  command `" + defaultCommandLine(file.toString()) + "` exited with status 1: gzip: "
        + file + ": Permission denied\n");
  }

  @Test
  void defaultCommand_withoutGzipOnThePath_isAUsageError() throws IOException {
    Files.writeString(files.resolve("a.txt"), "a");
    Path empty = Files.createDirectory(scratch.resolve("empty-bin"));

    assertThat(runIn(withPath(empty.toString()), files.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: gzip not found on PATH; install it or pass --command\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void failingCommand_withNoCache_doesNotSayOutputsAreCached() throws IOException {
    writeFiles(2);

    assertThat(run("--no-cache", "--command", "echo no >&2; exit 4", files.toString()))
        .isEqualTo(1);

    assertThat(err.toString(UTF_8).lines().toList()).containsExactly(
        "error: the command failed on 2 of 2 files",
        "  command `sh -c 'echo no >&2; exit 4' sh " + files.resolve("f000.txt")
            + "` exited with status 4: no",
        "  command `sh -c 'echo no >&2; exit 4' sh " + files.resolve("f001.txt")
            + "` exited with status 4: no").inOrder();
  }

  @Test
  void unlistableSubdirectory_namesItAndExitsWith2() throws IOException {
    writeFiles(2);
    Path hidden = Files.createDirectory(files.resolve("locked"));
    Files.writeString(hidden.resolve("hidden.txt"), "hidden");
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();

      assertThat(run("--command", "wc -c < \"$1\"", files.toString())).isEqualTo(2);

      assertThat(err.toString(UTF_8)).isEqualTo("error: cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it\n");
    }
  }

  @Test
  void shell_failureMessageSaysWhenStderrIsEmpty() throws IOException {
    Path file = Files.writeString(files.resolve("a b.txt"), "x");

    CommandFailedException e = assertThrows(CommandFailedException.class,
        () -> new Shell().run("exit 7", file));

    assertThat(e.status()).isEqualTo(7);
    assertThat(e).hasMessageThat().isEqualTo("command `sh -c 'exit 7' sh '" + file
        + "'` exited with status 7: (nothing on standard error)");
  }

  @Test
  void shell_countsTheCommandsItStarted() throws Exception {
    Path file = Files.writeString(files.resolve("a.txt"), "one\ntwo\n");
    Shell shell = new Shell();

    assertThat(shell.run("wc -l < \"$1\"", file)).isEqualTo("2");
    assertThat(shell.run("printf '  padded  \\n\\n'", file)).isEqualTo("padded");

    assertThat(shell.commandsStarted()).isEqualTo(2);
    assertThat(shell.failures()).isEmpty();
  }

  @Test
  void noCache_runsEveryCommandEveryTime() throws IOException {
    writeFiles(4);
    Path log = scratch.resolve("runs.log");

    run("--no-cache", "--command", loggingCommand(log), files.toString());
    assertThat(run("--no-cache", "--command", loggingCommand(log), files.toString()))
        .isEqualTo(0);

    assertThat(logged(log)).hasSize(8);
    assertThat(outLines().get(outLines().size() - 1))
        .matches("Ran 4 commands in \\d+\\.\\d\\d s on \\d+ worker threads? \\(caching off\\)");
  }

  @Test
  void sampleFiles_areTheSameOnEveryRunAndLeftUntouched() throws IOException {
    Path first = SampleFiles.write(scratch.resolve("first"));
    Path kept = first.resolve("sample-007.txt");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(kept, old);
    Path second = SampleFiles.write(scratch.resolve("second"));

    SampleFiles.write(first);

    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(old);
    try (Stream<Path> list = Files.list(first)) {
      List<Path> all = list.sorted().toList();
      assertThat(all).hasSize(100);
      for (Path file : all) {
        assertThat(Files.size(file)).isIn(com.google.common.collect.Range.closed(10_000L,
            61_000L));
        assertThat(Files.readAllBytes(second.resolve(file.getFileName())))
            .isEqualTo(Files.readAllBytes(file));
      }
    }
  }

  @Test
  void options_defaultToGzipAndTheCacheUnderTheWorkingDirectory() throws Exception {
    assertThat(ShellMain.parse(new String[0])).isEqualTo(new ShellMain.Options(Optional.empty(),
        ShellMain.DEFAULT_COMMAND, Optional.of(Path.of(".weft", "cache"))));
    assertThat(ShellMain.DEFAULT_COMMAND).contains("gzip -c -- \"$1\"");
    assertThat(ShellMain.parse(new String[] {"--no-cache", "--command=cksum \"$1\"", "d"}))
        .isEqualTo(new ShellMain.Options(Optional.of(Path.of("d")), "cksum \"$1\"",
            Optional.empty()));
  }

  @Test
  void noCacheWithCacheDir_isAUsageError() {
    assertThat(ShellMain.run(new String[] {"--no-cache", "--cache-dir", "c"},
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
        ConsoleProgress.create(new PrintStream(new ByteArrayOutputStream(), true, UTF_8), false)))
        .isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: --no-cache and --cache-dir exclude each other\nusage: ShellMain");
  }

  @Test
  void commandWithoutText_isAUsageError() {
    assertThat(run(files.toString(), "--command")).isEqualTo(2);

    assertThat(err.toString(UTF_8)).startsWith(
        "error: --command needs a command, such as 'wc -l < \"$1\"'\nusage: ShellMain");
  }

  @Test
  void missingDirectory_saysSoAndExitsWith2() {
    Path missing = files.resolve("nowhere");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + missing.toAbsolutePath()
        + " does not exist; pass the directory whose files to run the command on\n");
  }

  @Test
  void emptyDirectory_saysSoAndExitsWith2() {
    assertThat(run(files.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8))
        .isEqualTo("error: no files under " + files.toAbsolutePath() + "\n");
  }
}
