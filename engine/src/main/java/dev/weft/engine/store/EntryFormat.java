package dev.weft.engine.store;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The byte layout of one entry file, and the checks a reader makes on its header.
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "WEFT" (0x57 0x45 0x46 0x54)
 *      4     2  format version, big-endian (1)
 *      6     1  kind: 'A' action, 'C' content
 *      7     1  reserved, 0
 *      8     8  payload length, big-endian
 *     16    16  name: the action key or the content digest — what the file is named after
 *     32    16  checksum: murmur3_128 of the payload (for content, equal to the name)
 *     48     …  payload (for an action, the 16 bytes of the output digest)
 * </pre>
 *
 * <p>Every header field is checked exactly (the length against the file's size, the name against
 * the file's name) and the payload against its checksum, so any flipped bit, truncation or
 * extension is caught. The checksum is not cryptographic: it detects damage, not tampering; the
 * directory's owner-only permissions are what keep others from planting entries.
 */
final class EntryFormat {
  /** Bytes before the payload. */
  static final int HEADER_BYTES = 48;
  /** The largest payload a reader can hold in one array, and so the largest a writer accepts. */
  static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 64;
  /** Digests of content and checksums of payloads: fast, 128-bit, stable across JVMs. */
  static final HashFunction HASH = Hashing.murmur3_128();

  private static final int MAGIC = 0x57454654;
  private static final short VERSION = 1;
  private static final int NAME_OFFSET = 16;
  private static final int CHECKSUM_OFFSET = 32;

  private EntryFormat() {}

  /** The header of an entry, ready to be written (position 0, limit {@link #HEADER_BYTES}). */
  static ByteBuffer header(Kind kind, HashCode name, long payloadLength, HashCode checksum) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.putInt(MAGIC).putShort(VERSION).put(kind.tag()).put((byte) 0).putLong(payloadLength);
    header.put(name.asBytes()).put(checksum.asBytes());
    return header.flip();
  }

  /**
   * Checks a header read from a file of {@code fileSize} bytes filed as {@code name}; returns
   * what is wrong, worded to follow the file's name in a log message, or null if nothing is.
   */
  static @Nullable String problem(ByteBuffer header, Kind kind, HashCode name, long fileSize) {
    int magic = header.getInt(0);
    if (magic != MAGIC) {
      return String.format("has a bad magic number 0x%08x (a Weft entry starts with 0x%08x)",
          magic, MAGIC);
    }
    short version = header.getShort(4);
    if (version != VERSION) {
      return "has format version " + version + " where this store reads version " + VERSION;
    }
    if (header.get(6) != kind.tag()) {
      return String.format("has kind byte 0x%02x where 0x%02x ('%c') was expected",
          header.get(6), kind.tag(), (char) kind.tag());
    }
    if (header.get(7) != 0) {
      return String.format("has reserved byte 0x%02x where 0 was expected", header.get(7));
    }
    long length = header.getLong(8);
    if (length != fileSize - HEADER_BYTES) {
      return "records a payload of " + length + " bytes but holds " + (fileSize - HEADER_BYTES);
    }
    if (length > MAX_PAYLOAD_BYTES) {
      return "records a payload of " + length + " bytes, more than an entry may hold";
    }
    if (kind == Kind.ACTION && length != 16) {
      return "records an action payload of " + length + " bytes where 16 were expected";
    }
    HashCode recorded = hashAt(header, NAME_OFFSET);
    if (!recorded.equals(name)) {
      return "names " + recorded + " in its header but is filed as " + name;
    }
    return null;
  }

  /** The checksum recorded in a header. */
  static HashCode checksum(ByteBuffer header) {
    return hashAt(header, CHECKSUM_OFFSET);
  }

  private static HashCode hashAt(ByteBuffer header, int offset) {
    byte[] bytes = new byte[16];
    header.get(offset, bytes);
    return HashCode.fromBytes(bytes);
  }
}
