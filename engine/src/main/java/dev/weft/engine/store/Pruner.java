package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, clears and prunes the entries of a store while other processes use it, without locks.
 *
 * <p>Removing a file is always safe for others: a reader that already opened it keeps reading it
 * (POSIX), and one that comes later sees a miss; a writer whose shard folder was removed makes it
 * again. What pruning must not do is remove an entry that was used after it decided to: like
 * Bazel's collector, it looks at each file again just before deleting it and skips it if its
 * modification time or identity has changed since the scan (it was read, or written anew).
 */
final class Pruner {
  /** An entry file as a scan found it. */
  record Scanned(Path file, HashCode name, long size, FileTime modified,
      @Nullable Object fileKey) {}

  /** How many entry files there are, and their total length. */
  record Census(long entries, long bytes) {}

  private static final Logger log = LoggerFactory.getLogger(DiskStore.class);

  private final Layout layout;
  private final Quarantine quarantine;

  Pruner(Layout layout, Quarantine quarantine) {
    this.layout = layout;
    this.quarantine = quarantine;
  }

  /** The entry files of one kind now in the store. */
  List<Scanned> scan(Kind kind) throws IOException {
    List<Scanned> found = new ArrayList<>();
    for (Path shard : children(layout.folder(kind))) {
      for (Path file : children(shard)) {
        HashCode name = nameOf(file, shard);
        BasicFileAttributes attributes = name == null ? null : attributesOf(file);
        if (attributes != null && attributes.isRegularFile()) {
          found.add(new Scanned(file, name, attributes.size(), attributes.lastModifiedTime(),
              attributes.fileKey()));
        }
      }
    }
    return found;
  }

  /** Counts the entry files; a folder that cannot be listed is logged and counted as empty. */
  Census census() {
    long entries = 0;
    long bytes = 0;
    for (Kind kind : Kind.values()) {
      try {
        for (Scanned entry : scan(kind)) {
          entries++;
          bytes += entry.size();
        }
      } catch (IOException e) {
        log.warn("Could not count the cache entries in {}: {}", layout.folder(kind),
            Counters.describe(e));
      }
    }
    return new Census(entries, bytes);
  }

  /**
   * Removes every entry and quarantined file (and anything in the way of a shard folder); writes
   * in progress are left to finish. Goes on past a file it cannot remove, then throws.
   */
  void clear() throws IOException {
    Failures failures = new Failures();
    for (Kind kind : Kind.values()) {
      for (Path shard : children(layout.folder(kind))) {
        if (!Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
          failures.run(() -> delete(shard));
        }
        for (Path file : children(shard)) {
          failures.run(() -> delete(file));
        }
      }
    }
    for (Path file : children(layout.quarantine())) {
      failures.run(() -> delete(file));
    }
    failures.throwIfAny("clear");
  }

  /**
   * Deletes least recently used content, with the action entries that point at it, until the
   * entries total at most {@code maxBytes}; and, whatever the total, the action entries whose
   * content is already gone. Returns the bytes it removed.
   */
  long prune(long maxBytes) throws IOException {
    List<Scanned> content = scan(Kind.CONTENT);
    Failures failures = new Failures();
    long removed = 0;
    long total = 0;
    Map<HashCode, List<Scanned>> actionsByDigest = new HashMap<>();
    Set<HashCode> present = new HashSet<>();
    for (Scanned entry : content) {
      present.add(entry.name());
      total += entry.size();
    }
    for (Scanned action : scan(Kind.ACTION)) {
      EntryReader.Result read = EntryReader.read(Kind.ACTION, action.name(), action.file());
      if (read instanceof EntryReader.Damaged damaged) {
        quarantine.isolate(Kind.ACTION, action.file(), damaged.reason(), damaged.fileKey());
      } else if (read instanceof EntryReader.Found found) {
        HashCode digest = HashCode.fromBytes(found.payload());
        if (present.contains(digest)) {
          actionsByDigest.computeIfAbsent(digest, d -> new ArrayList<>()).add(action);
          total += action.size();
        } else if (failures.test(() -> deleteIfUnchanged(action))) {
          removed += action.size();
        }
      }
    }
    // Oldest first; ties by name, so that every process that prunes agrees on the order.
    content.sort(Comparator.comparing(Scanned::modified).thenComparing(Scanned::file));
    for (Scanned entry : content) {
      if (total <= maxBytes) {
        break;
      }
      if (!failures.test(() -> deleteIfUnchanged(entry))) {
        continue; // used since the scan (or gone): keep it, and try the next oldest
      }
      removed += entry.size();
      total -= entry.size();
      for (Scanned action : actionsByDigest.getOrDefault(entry.name(), List.of())) {
        total -= action.size();
        if (failures.test(() -> deleteIfUnchanged(action))) {
          removed += action.size();
        }
      }
    }
    failures.throwIfAny("prune");
    return removed;
  }

  private static boolean deleteIfUnchanged(Scanned entry) throws IOException {
    BasicFileAttributes now = attributesOf(entry.file());
    if (now == null
        || !now.lastModifiedTime().equals(entry.modified())
        || !Objects.equals(now.fileKey(), entry.fileKey())) {
      return false; // gone, used or rewritten since the scan
    }
    try {
      Files.delete(entry.file());
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static @Nullable HashCode nameOf(Path file, Path shard) {
    String name = file.getFileName().toString();
    if (name.length() != 32 || !name.startsWith(shard.getFileName().toString())) {
      return null; // not an entry: leave whatever it is alone
    }
    try {
      return HashCode.fromString(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable BasicFileAttributes attributesOf(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void delete(Path file) throws IOException {
    try {
      MoreFiles.deleteRecursively(file, RecursiveDeleteOption.ALLOW_INSECURE);
    } catch (NoSuchFileException e) {
      // removed by another process meanwhile
    }
  }

  /** The children of a folder, or none if it is gone or is not a folder. */
  private static List<Path> children(Path folder) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(children::add);
    } catch (NoSuchFileException | NotDirectoryException e) {
      // nothing there (another process cleared it), or damage that a clear removes
    }
    return children;
  }
}
