package dev.weft.examples.common;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory that a test made unreadable, to see how an example reports a directory it cannot
 * list; closing it makes it readable again, without which JUnit could not delete the temporary
 * directory holding it.
 *
 * <pre>{@code
 * try (LockedDirectory locked = LockedDirectory.lock(Files.createDirectory(dir.resolve("x")))) {
 *   ... locked.path() ...
 * }
 * }</pre>
 */
public final class LockedDirectory implements AutoCloseable {
  private final Path path;

  private LockedDirectory(Path path) {
    this.path = path;
  }

  /**
   * Takes every permission away from the existing directory {@code path}. Skips the test (a
   * failed assumption) where that locks nothing, as for root, who lists every directory.
   */
  public static LockedDirectory lock(Path path) throws IOException {
    LockedDirectory locked = new LockedDirectory(path);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(path)) {
      locked.close();
      assumeFalse(true, "running as root, who can list any directory");
    }
    return locked;
  }

  /** Returns the locked directory. */
  public Path path() {
    return path;
  }

  /** Makes the directory readable again. */
  @Override
  public void close() throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
  }
}
