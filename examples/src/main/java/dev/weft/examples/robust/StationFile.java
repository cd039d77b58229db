package dev.weft.examples.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A station file as the task {@code files} lists it: where it is, with its size and last-modified
 * time, so that repairing a file changes its element of the fan-out, and only that element is
 * computed again (see the words example's {@code TextFile}).
 *
 * @param path the file
 * @param size its size in bytes when it was listed
 * @param modified its last-modified time when it was listed
 */
public record StationFile(Path path, long size, Instant modified) {
  /** The file at {@code path}, with its size and last-modified time as they are now. */
  static StationFile at(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new StationFile(path, attributes.size(), attributes.lastModifiedTime().toInstant());
  }

  /** The file's name: how a failure message names the element. */
  @Override
  public String toString() {
    return path.getFileName().toString();
  }
}
