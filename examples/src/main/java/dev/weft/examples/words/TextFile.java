package dev.weft.examples.words;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A text file of the corpus, as the task {@code files} lists it: where it is, with its size and
 * last-modified time.
 *
 * <p>The size and time are there for the cache. The key of a task is made of the values it
 * reads, and a path alone is only a name: a list of paths is the same list after a file was
 * edited, so the counts made from it would be taken from the cache. With each file's size and
 * time in it, the list changes when a file does, and so do the keys of the tasks that read it.
 *
 * @param path the file
 * @param size its size in bytes when it was listed
 * @param modified its last-modified time when it was listed
 */
public record TextFile(Path path, long size, Instant modified) {
  /** The file at {@code path}, with its size and last-modified time as they are now. */
  static TextFile at(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new TextFile(path, attributes.size(), attributes.lastModifiedTime().toInstant());
  }
}
