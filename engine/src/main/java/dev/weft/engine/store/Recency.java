package dev.weft.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * The clock that {@link DiskStore#prune(long)} orders entries by: a file's modification time,
 * moved to "now" when the entry is used. Entries never change after they are written, so the
 * modification time is free to mean "last used", in every process at once, with nothing to keep
 * in memory (Bazel and Gradle do the same).
 *
 * <p>A use moves the time only when it is more than {@link #RESOLUTION} old, so a hot entry costs
 * one metadata write a minute rather than one per read; LRU order is exact to that resolution.
 */
final class Recency {
  /** How stale a modification time must be before a use moves it. */
  static final Duration RESOLUTION = Duration.ofMinutes(1);

  private Recency() {}

  /** Records a use of the entry in {@code file}, whose attributes were just read. */
  static void markUsed(Path file, BasicFileAttributes attributes) {
    long now = System.currentTimeMillis();
    if (now - attributes.lastModifiedTime().toMillis() <= RESOLUTION.toMillis()) {
      return;
    }
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(now));
    } catch (IOException e) {
      // Gone (pruned or cleared meanwhile) or not ours to touch (a read-only cache): the entry is
      // still served; it only ages as if unused. Not worth a warning on a read path.
    }
  }
}
