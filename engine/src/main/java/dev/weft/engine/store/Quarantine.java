package dev.weft.engine.store;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves damaged entries out of the way, so that the next read is a plain miss and the next write
 * can put a good entry in their place; each one is counted and logged once.
 *
 * <p>Like Gradle, the store keeps a damaged file (in {@code quarantine/}) rather than deleting
 * it, for whoever wants to find out what damaged it; it deletes it only when the move fails.
 * "Once" holds because the file leaves its place: the process whose move succeeds reports it,
 * and a reader that finds it already gone (another thread or process moved it) says nothing.
 * A file that can be neither moved nor deleted stays a miss, and is reported once per process.
 */
final class Quarantine {
  private static final Logger log = LoggerFactory.getLogger(DiskStore.class);

  private final Layout layout;
  private final Counters counters;
  private final Set<Path> stuck = ConcurrentHashMap.newKeySet();

  Quarantine(Layout layout, Counters counters) {
    this.layout = layout;
    this.counters = counters;
  }

  /**
   * Takes the damaged entry at {@code file} out of use. {@code fileKey}, when known, identifies
   * the file found damaged: if another process has since replaced it, the new one is left alone.
   */
  void isolate(Kind kind, Path file, String reason, @Nullable Object fileKey) {
    if (fileKey != null && !Objects.equals(fileKey, currentFileKey(file))) {
      return; // gone, or replaced by a new entry that has not been found wanting
    }
    IOException moveFailure;
    Path target = file;
    try {
      target = layout.quarantineFileFor(kind, file);
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      report(file, reason, "moved it to " + target);
      return;
    } catch (NoSuchFileException e) {
      if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
        return; // someone else moved it first, and reported it
      }
      moveFailure = e;
    } catch (IOException e) {
      moveFailure = e;
    }
    String couldNotMove = "could not move it to " + target + " ("
        + Counters.describe(moveFailure) + ")";
    try {
      MoreFiles.deleteRecursively(file, RecursiveDeleteOption.ALLOW_INSECURE);
      report(file, reason, couldNotMove + ", so deleted it");
    } catch (NoSuchFileException e) {
      // gone meanwhile: whoever removed it reported it
    } catch (IOException e) {
      if (stuck.add(file)) {
        report(file, reason, couldNotMove + " nor delete it (" + Counters.describe(e)
            + "); it will read as a miss until it is removed");
      }
    }
  }

  /** Forgets that {@code file} could not be removed: a new entry has been written there. */
  void replaced(Path file) {
    if (!stuck.isEmpty()) {
      stuck.remove(file);
    }
  }

  private void report(Path file, String reason, String action) {
    counters.quarantined.increment();
    log.warn("Disk cache entry {} {}; {}. Treated as a cache miss: the value will be computed "
        + "again.", file, reason, action);
  }

  private static @Nullable Object currentFileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }
}
