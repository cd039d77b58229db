package dev.weft.examples.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory under the one an example was given could not be listed, such as a subdirectory
 * without read permission. The examples print its message, which names the directory and says
 * what to do, and exit with status 2, as for a directory that does not exist: the walk found no
 * complete answer, and an answer that silently left files out would be wrong.
 */
public final class UnlistableDirectoryException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code cause}, which a walk of {@code root} threw.
   *
   * @param root the directory that was walked; named when {@code cause} names no file
   * @param cause why it could not be listed; a {@link FileSystemException} names the directory
   */
  public UnlistableDirectoryException(Path root, IOException cause) {
    super(message(root, cause), cause);
  }

  /**
   * Returns the exception that {@code failure} is or was caused by, if any: how an example tells
   * a task that could not list its directory from one that failed otherwise.
   */
  public static Optional<UnlistableDirectoryException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnlistableDirectoryException unlistable) {
        return Optional.of(unlistable);
      }
    }
    return Optional.empty();
  }

  private static String message(Path root, IOException cause) {
    String directory = cause instanceof FileSystemException e && e.getFile() != null
        ? e.getFile() : root.toString();
    if (cause instanceof AccessDeniedException) {
      // Passing another directory helps only when the one at fault is under the one given.
      return "cannot list directory " + directory + ": permission denied; make it readable"
          + " (chmod u+rx " + directory + ")"
          + (Path.of(directory).equals(root) ? "" : " or pass a directory without it");
    }
    String reason = cause instanceof FileSystemException e && e.getReason() != null
        ? e.getClass().getSimpleName() + ": " + e.getReason() : cause.toString();
    return "cannot list directory " + directory + " (" + reason + "); pass a directory that can"
        + " be listed";
  }
}
