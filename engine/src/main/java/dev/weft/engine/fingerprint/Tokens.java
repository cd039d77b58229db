package dev.weft.engine.fingerprint;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.util.Arrays;

/**
 * The symbolic tokens of one method body, collected in a growable byte array and hashed in one
 * go by {@link #hash()}.
 *
 * <p>Why not feed a Guava {@code Hasher} token by token: a method body is thousands of small
 * tokens, and a streaming hasher's per-call overhead (and {@code putString}'s UTF-8 encoding into
 * a fresh array) made summarizing a class several times slower than ASM parsing it. Each value is
 * written big-endian at a fixed width, strings as their length then their UTF-16 code units, so
 * that distinct token sequences give distinct byte sequences.
 */
final class Tokens {

  private byte[] bytes = new byte[512];
  private int length;

  Tokens putBoolean(boolean value) {
    ensure(1);
    bytes[length++] = (byte) (value ? 1 : 0);
    return this;
  }

  Tokens putChar(char value) {
    ensure(2);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
    return this;
  }

  Tokens putInt(int value) {
    ensure(4);
    bytes[length++] = (byte) (value >>> 24);
    bytes[length++] = (byte) (value >>> 16);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
    return this;
  }

  Tokens putLong(long value) {
    return putInt((int) (value >>> 32)).putInt((int) value);
  }

  /** Appends a string, prefixed by its length, so that ("ab", "c") and ("a", "bc") differ. */
  Tokens putString(String value) {
    putInt(value.length());
    ensure(2 * value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      bytes[length++] = (byte) (c >>> 8);
      bytes[length++] = (byte) c;
    }
    return this;
  }

  /** The 128-bit MurmurHash3 of everything appended. */
  HashCode hash() {
    return Hashing.murmur3_128().hashBytes(bytes, 0, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
    }
  }
}
