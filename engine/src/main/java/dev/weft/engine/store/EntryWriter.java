package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Writes entries: to a temporary file in {@code tmp/}, then renamed into place
 * with an atomic move, so a reader in any process sees the old file, the new one, or none, never
 * a part. Two writers of one name write the same bytes (content is named by its digest, and an
 * action key always maps to the same output digest), so whichever rename lands last is fine.
 *
 * <p>Nothing is forced to disk. Bazel forces each file before its rename, because the OS may
 * reorder the writes and the rename: after a power loss (not a killed process, whose writes the
 * kernel still completes) an entry may be in place but empty or torn. Here every read verifies
 * the entry's checksum, so such an entry is a quarantined miss and its value is computed again
 * — what happens to any damaged entry — and the cache is only ever a copy of what can be
 * recomputed. A force per entry, on the other hand, cost 7 to 10 % of a cold run of a fan-out
 * over 1,226 jars on the reference VM (two entries per element; see docs/benchmarks.md), more
 * than everything else the disk tier does.
 */
final class EntryWriter {
  private final Layout layout;
  private final Quarantine quarantine;
  private final Counters counters;

  EntryWriter(Layout layout, Quarantine quarantine, Counters counters) {
    this.layout = layout;
    this.quarantine = quarantine;
    this.counters = counters;
  }

  /** Writes a whole entry; true if it is in place, false if the write failed (logged, counted). */
  boolean write(Kind kind, HashCode name, byte[] payload, HashCode checksum) {
    Path tmp = null;
    try {
      tmp = layout.newTempFile(kind);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        writeFully(channel, EntryFormat.header(kind, name, payload.length, checksum));
        for (int offset = 0; offset < payload.length; offset += EntryReader.CHUNK_BYTES) {
          int length = Math.min(EntryReader.CHUNK_BYTES, payload.length - offset);
          writeFully(channel, ByteBuffer.wrap(payload, offset, length));
        }
      }
      publish(kind, name, tmp);
      return true;
    } catch (IOException e) {
      deleteQuietly(tmp);
      counters.storeFailed(describe(kind, name), layout.entry(kind, name), e);
      return false;
    }
  }

  /**
   * Whether a content entry of this length is already in place; if so it is marked as used. The
   * check is Bazel's cheap one (a regular file of the right size): a damaged entry that passes
   * it is found by the next read, quarantined, and then written again.
   */
  boolean alreadyStored(HashCode digest, long payloadLength) {
    Path file = layout.entry(Kind.CONTENT, digest);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isRegularFile()
          && attributes.size() == EntryFormat.HEADER_BYTES + payloadLength) {
        Recency.markUsed(file, attributes);
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Moves a complete temporary file into place as the entry of this kind and name. */
  void publish(Kind kind, HashCode name, Path tmp) throws IOException {
    Path target = layout.entry(kind, name);
    try {
      move(tmp, target);
    } catch (NoSuchFileException e) {
      if (Files.notExists(tmp, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("its temporary file " + tmp + " was removed before it could be "
            + "renamed into place (swept as abandoned, or removed by another process)", e);
      }
      layout.createFolder(target.getParent()); // first entry of this shard, or a cleared store
      move(tmp, target);
    } catch (IOException e) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
      // A directory where the entry belongs can only be damage; take it away and try again.
      quarantine.isolate(kind, target, "is a directory, not a file", null);
      move(tmp, target);
    }
    quarantine.replaced(target);
  }

  /** Deletes a temporary file, if there is one; a failure is left to the next sweep. */
  static void deleteQuietly(@Nullable Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // Nothing better to do: the sweep at the next open removes it once it is an hour old.
      }
    }
  }

  /** How a failed write names what it could not store. */
  static String describe(Kind kind, HashCode name) {
    return kind == Kind.ACTION ? "action entry for key " + name : "content " + name;
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    // REPLACE_EXISTING matters where ATOMIC_MOVE alone would refuse to replace (Windows); on
    // POSIX an atomic move is rename(2), which replaces.
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
