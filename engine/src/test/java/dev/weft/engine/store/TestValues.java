package dev.weft.engine.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Values, keys and paths for the store tests, derived from seeds so that any process agrees. */
final class TestValues {
  private TestValues() {}

  /** {@code size} pseudo-random bytes; the first four hold the seed, so a value names itself. */
  static byte[] value(int seed, int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    if (size >= 4) {
      ByteBuffer.wrap(bytes).putInt(seed);
    }
    return bytes;
  }

  /** The seed a value of at least four bytes was made from. */
  static int seedOf(byte[] value) {
    return ByteBuffer.wrap(value).getInt();
  }

  /** A 128-bit cache key for a name. */
  static HashCode key(String name) {
    return Hashing.murmur3_128().hashString(name, UTF_8);
  }

  /** The digest the store must give these bytes: murmur3_128, computed without the store. */
  static HashCode digest(byte[] bytes) {
    return Hashing.murmur3_128().hashBytes(bytes);
  }

  /** Where the documented layout puts an entry: {@code dir/v1/<folder>/<first byte>/<hex>}. */
  static Path entryFile(Path dir, String folder, HashCode name) {
    String hex = name.toString();
    return dir.resolve("v1").resolve(folder).resolve(hex.substring(0, 2)).resolve(hex);
  }
}
