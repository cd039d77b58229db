package dev.weft.examples.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The regular files under a directory, as the examples list them. {@link Files#walk} stops at a
 * subdirectory it cannot list with an {@link UncheckedIOException} from the middle of its stream,
 * which would reach the user as a stack trace or a task failure quoting {@code
 * java.io.UncheckedIOException: java.nio.file.AccessDeniedException}; here it is an {@link
 * UnlistableDirectoryException} that names the directory and says what to do.
 *
 * <p>Symbolic links are not followed into directories (so a link cannot make the walk loop), but
 * a link to a regular file counts as one, as {@link Files#isRegularFile} says.
 */
public final class DirectoryWalk {
  private DirectoryWalk() {}

  /** Every regular file under {@code root}, in path order. */
  public static List<Path> regularFiles(Path root) throws UnlistableDirectoryException {
    return regularFiles(root, path -> true);
  }

  /**
   * The regular files under {@code root} that {@code which} accepts, in path order. {@code which}
   * is asked first, so that a test of the name spares the look at the file's attributes.
   *
   * @throws UnlistableDirectoryException if {@code root} or a directory under it cannot be listed
   */
  public static List<Path> regularFiles(Path root, Predicate<Path> which)
      throws UnlistableDirectoryException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(which).filter(Files::isRegularFile).sorted()
          .collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw new UnlistableDirectoryException(root, e.getCause());
    } catch (IOException e) {
      throw new UnlistableDirectoryException(root, e);
    }
  }
}
