package dev.weft.engine.store;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what writers and readers leave behind: temporary files of writes that never finished
 * (a process killed mid-write, a power cut), and quarantined entries nobody came to look at.
 *
 * <p>It goes by age alone, as joblib's lesson suggests: a temporary file untouched for
 * {@link #TEMP_MAX_AGE} belongs to a writer that is gone, while a younger one may be written by a
 * live process right now (a writer's own file only ages while it is idle, since every write moves
 * its modification time). A writer idle for longer than that loses its file and reports a store
 * failure; nothing wrong is ever stored.
 */
final class Sweeper {
  static final Duration TEMP_MAX_AGE = Duration.ofHours(1);
  static final Duration QUARANTINE_MAX_AGE = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(DiskStore.class);

  private Sweeper() {}

  /** Sweeps {@code tmp/} and {@code quarantine/}; problems are logged, never thrown. */
  static void sweep(Layout layout) {
    long now = System.currentTimeMillis();
    int temps = sweep(layout.tmp(), now - TEMP_MAX_AGE.toMillis());
    int quarantined = sweep(layout.quarantine(), now - QUARANTINE_MAX_AGE.toMillis());
    if (temps + quarantined > 0) {
      log.debug("Removed {} abandoned temporary files and {} old quarantined entries under {}",
          temps, quarantined, layout.root());
    }
  }

  private static int sweep(Path folder, long cutoffMillis) {
    int removed = 0;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        if (removeIfOlder(child, cutoffMillis)) {
          removed++;
        }
      }
    } catch (NoSuchFileException e) {
      // Nothing to sweep: the folder is remade when a writer next needs it.
    } catch (IOException e) {
      log.warn("Could not sweep {} of abandoned files: {}", folder, Counters.describe(e));
    }
    return removed;
  }

  private static boolean removeIfOlder(Path child, long cutoffMillis) {
    try {
      if (Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toMillis() >= cutoffMillis) {
        return false;
      }
      MoreFiles.deleteRecursively(child, RecursiveDeleteOption.ALLOW_INSECURE);
      return true;
    } catch (NoSuchFileException e) {
      return false; // another process swept it, or its writer finished
    } catch (IOException e) {
      log.warn("Could not remove abandoned file {}: {}", child, Counters.describe(e));
      return false;
    }
  }
}
