package dev.weft.examples.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A file to run the command on, with its size and last-modified time when it was listed. They
 * are part of the element's cache key: a file that changes is a new element, whose command runs
 * again, while the other files' outputs stay cached.
 *
 * @param path the file
 * @param size its size in bytes when it was listed
 * @param modified its last-modified time when it was listed
 */
public record InputFile(Path path, long size, Instant modified) {
  /** The file at {@code path}, with its size and last-modified time as they are now. */
  static InputFile at(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new InputFile(path, attributes.size(), attributes.lastModifiedTime().toInstant());
  }

  /** The path: how a failed element is named in the engine's messages. */
  @Override
  public String toString() {
    return path.toString();
  }
}
