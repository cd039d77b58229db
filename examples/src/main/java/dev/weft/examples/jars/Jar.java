package dev.weft.examples.jars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A jar file as the task {@code jars} lists it: where it is, with its size and last-modified time.
 *
 * <p>The size and time are there for the cache. Each jar is an element of the {@code @Each} task
 * {@code stats}, cached under the element's content; with the size and time in it, a jar that was
 * replaced or touched is a new element and is opened again, while the jars that did not change
 * come from the cache.
 *
 * @param path the jar
 * @param size its size in bytes when it was listed
 * @param modified its last-modified time when it was listed
 */
public record Jar(Path path, long size, Instant modified) {
  /** The jar at {@code path}, with its size and last-modified time as they are now. */
  static Jar at(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new Jar(path, attributes.size(), attributes.lastModifiedTime().toInstant());
  }
}
