package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Reads one entry file and verifies it: its header field by field, then its payload against the
 * checksum, and for content the checksum against the digest in the file's name.
 *
 * <p>A file that is not there is {@link Missing} — another process may have cleared or pruned it
 * at any moment, which is not damage. Anything else that goes wrong, including an I/O error, is
 * {@link Damaged}, with a reason for the log.
 */
final class EntryReader {
  /** Reads go in slices, so the JDK's per-thread temporary direct buffers stay small. */
  static final int CHUNK_BYTES = 256 * 1024;

  /** The outcome of reading an entry. */
  sealed interface Result permits Found, Missing, Damaged {}

  /** A verified entry, with the attributes the file had when it was looked at. */
  record Found(byte[] payload, BasicFileAttributes attributes) implements Result {}

  /** No file by that name. */
  record Missing() implements Result {}

  /**
   * A file that failed verification; {@code fileKey} identifies the file that was examined (or is
   * null), so that a damaged file replaced in the meantime by a good one is not quarantined.
   */
  record Damaged(String reason, @Nullable Object fileKey) implements Result {}

  private static final Missing MISSING = new Missing();

  private EntryReader() {}

  /** Reads and verifies the entry of this kind and name stored in {@code file}. */
  static Result read(Kind kind, HashCode name, Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return MISSING;
    } catch (IOException e) {
      return new Damaged("could not be examined: " + Counters.describe(e), null);
    }
    Object fileKey = attributes.fileKey();
    if (attributes.isDirectory()) {
      return new Damaged("is a directory, not a file", fileKey);
    }
    if (!attributes.isRegularFile()) {
      return new Damaged("is not a regular file", fileKey);
    }
    if (attributes.size() == 0) {
      return new Damaged("is empty (0 bytes)", fileKey);
    }
    if (attributes.size() < EntryFormat.HEADER_BYTES) {
      return new Damaged("is truncated: " + attributes.size() + " bytes, shorter than its "
          + EntryFormat.HEADER_BYTES + "-byte header", fileKey);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer header = ByteBuffer.allocate(EntryFormat.HEADER_BYTES);
      readFully(channel, header, 0);
      // The size of the file actually opened: it may not be the one examined above.
      String problem = EntryFormat.problem(header, kind, name, channel.size());
      if (problem != null) {
        return new Damaged(problem, fileKey);
      }
      byte[] payload = new byte[Math.toIntExact(channel.size() - EntryFormat.HEADER_BYTES)];
      for (int offset = 0; offset < payload.length; offset += CHUNK_BYTES) {
        int length = Math.min(CHUNK_BYTES, payload.length - offset);
        readFully(channel, ByteBuffer.wrap(payload, offset, length),
            EntryFormat.HEADER_BYTES + (long) offset);
      }
      HashCode recorded = EntryFormat.checksum(header);
      HashCode actual = EntryFormat.HASH.hashBytes(payload);
      if (!actual.equals(recorded)) {
        return new Damaged("fails its checksum: the header records " + recorded
            + " but the payload hashes to " + actual, fileKey);
      }
      if (kind == Kind.CONTENT && !actual.equals(name)) {
        return new Damaged("holds content that hashes to " + actual + ", not to its name", fileKey);
      }
      return new Found(payload, attributes);
    } catch (NoSuchFileException e) {
      return MISSING; // removed between the look and the open: a concurrent clear or prune
    } catch (AccessDeniedException e) {
      return new Damaged("is unreadable: permission denied", fileKey);
    } catch (EOFException e) {
      return new Damaged("ended early while being read (truncated)", fileKey);
    } catch (IOException e) {
      return new Damaged("could not be read: " + Counters.describe(e), fileKey);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new EOFException();
      }
      at += read;
    }
  }
}
