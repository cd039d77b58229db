package dev.weft.engine.caching;

import dev.weft.engine.Weft;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child JVM running {@link CacheChild}, its standard output read line by line and its standard
 * error kept in a file for failure messages.
 *
 * <p>Children load classes from a copy of the engine's and this package's classes taken by
 * {@link #snapshotClasses} (first on their class path): in a shared checkout a concurrent
 * {@code mvn compile} may rewrite {@code target/classes} under a child that loads lazily.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Path err;
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process, Path err) {
    this.process = process;
    this.out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.err = err;
  }

  /**
   * Copies the engine's classes and this package's test classes (when they are directories, not
   * jars) into {@code into}, and returns the class path to put before the inherited one.
   */
  static String snapshotClasses(Path into) throws IOException {
    List<String> entries = new ArrayList<>();
    Path main = into.resolve("main");
    Path test = into.resolve("test");
    if (copyTree(codeSource(Weft.class), main, "")) {
      entries.add(main.toString());
    }
    if (copyTree(codeSource(CacheChild.class), test, "dev/weft/engine/caching")) {
      entries.add(test.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean copyTree(Path root, Path target, String under) throws IOException {
    Path source = under.isEmpty() ? root : root.resolve(under);
    if (!Files.isDirectory(source)) {
      return false; // a jar: no build rewrites it file by file
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path copy = target.resolve(root.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return true;
  }

  /** The java launcher of this JVM. */
  static String javaBin() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Starts {@link CacheChild} with {@code args}, {@code classes} first on its class path. */
  static ChildJvm start(Path temp, String classes, String... args) throws IOException {
    Path err = Files.createTempFile(temp, "child-", ".err");
    String classPath = System.getProperty("java.class.path");
    if (!classes.isEmpty()) {
      classPath = classes + File.pathSeparator + classPath;
    }
    List<String> command = new ArrayList<>(List.of(
        javaBin(), "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dweft.test.child=true",
        "-cp", classPath, CacheChild.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    return new ChildJvm(process, err);
  }

  /** Reads lines until one equals {@code expected}; fails, describing the child, if it ends first. */
  void expectLine(String expected) throws IOException {
    boolean found = awaitLine(expected);
    if (!found) {
      throw new AssertionError("no line '" + expected + "' from " + describe());
    }
  }

  /**
   * Reads lines until one equals {@code expected} and returns true; returns false if the child
   * ended first (its output is then all read).
   */
  boolean awaitLine(String expected) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.add(line);
      if (line.equals(expected)) {
        return true;
      }
    }
    return false;
  }

  /** Waits for the child to exit with status 0; returns every line it printed. */
  List<String> finish() throws Exception {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.add(line);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("child did not end: " + describe());
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("child failed: " + describe());
    }
    return List.copyOf(seen);
  }

  /** Whether the child is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the child as {@code kill -9} would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("killed child did not end: " + describe());
    }
  }

  String describe() {
    String exit;
    try {
      exit = process.waitFor(5, TimeUnit.SECONDS) ? "exit status " + process.exitValue()
          : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = "interrupted";
    }
    String errors;
    try {
      errors = Files.readString(err);
    } catch (IOException e) {
      errors = e.toString();
    }
    return "child (" + exit + ") output " + seen + ", standard error:\n" + errors;
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
