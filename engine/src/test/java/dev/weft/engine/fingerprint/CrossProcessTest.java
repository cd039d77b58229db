package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprints go into cache keys on disk, so they must not depend on the JVM that computed them
 * (no identity hashes, no iteration order of hash maps): a second process computes the same.
 */
@Timeout(120)
class CrossProcessTest {

  @TempDir Path dir;
  private Javac javac;

  @BeforeEach
  void setUp() {
    javac = new Javac(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    javac.close();
  }

  @Test
  void anotherJvm_computesTheSameFingerprint() throws Exception {
    Path classes = javac.compile(Map.of(
        "p.Flow", CodeFingerprintsTest.FLOW, "p.Format", CodeFingerprintsTest.FORMAT));
    String here;
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      here = CodeFingerprints.of(Class.forName("p.Flow", false, loader), "task",
          "(Ljava/lang/String;)Ljava/lang/String;").orElseThrow().toString();
    }

    Process child = new ProcessBuilder(List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), classes.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String there = new String(child.getInputStream().readAllBytes(), UTF_8).trim();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).isEqualTo(0);
    assertThat(there).isEqualTo(here);
  }

  /** The child process: prints p.Flow.task's fingerprint from the classes directory given. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      try (URLClassLoader loader = new URLClassLoader(
          new URL[] {Path.of(args[0]).toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
        HashCode fingerprint = CodeFingerprints.of(Class.forName("p.Flow", false, loader), "task",
            "(Ljava/lang/String;)Ljava/lang/String;").orElseThrow();
        System.out.println(fingerprint);
      }
    }
  }
}
