package dev.weft.examples.chunks;

/**
 * The CRC-32 of two byte sequences one after the other, from their own CRC-32s and the length of
 * the second: what lets chunks be checksummed in parallel and the results combined into the
 * checksum of the whole file. {@link java.util.zip.CRC32} has no such operation; this is zlib's
 * {@code crc32_combine64} (version 1.2.12 and later), in Java.
 *
 * <p>Why it works: a CRC is the remainder of the message, as a polynomial over GF(2), modulo the
 * CRC's polynomial (pre- and post-conditioned, which cancels out here). Appending {@code n} bytes
 * multiplies the first part by x<sup>8n</sup>, so {@code crc(A B) = crc(A) · x^(8·|B|) ⊕ crc(B)}
 * modulo the polynomial. The power is computed by squaring, from a table of x<sup>2<sup>k</sup>
 * </sup>, in at most 64 multiplications whatever the length.
 */
final class Crc32Combine {
  /** The CRC-32 polynomial, bits reflected, as zlib and {@code java.util.zip.CRC32} use it. */
  private static final int POLY = 0xedb88320;
  /** {@code X2N[k]} is x^(2^k) modulo the polynomial; the powers cycle with a period of 32. */
  private static final int[] X2N = new int[32];

  static {
    int p = 1 << 30; // x^1, bits reflected: x^0 is the top bit
    X2N[0] = p;
    for (int k = 1; k < 32; k++) {
      p = multiplyModP(p, p);
      X2N[k] = p;
    }
  }

  private Crc32Combine() {}

  /**
   * The CRC-32 of the bytes whose CRC-32 is {@code crc1} followed by the {@code length2} bytes
   * whose CRC-32 is {@code crc2}.
   */
  static long combine(long crc1, long crc2, long length2) {
    int shifted = multiplyModP(xPower8n(length2), (int) crc1);
    return Integer.toUnsignedLong(shifted ^ (int) crc2);
  }

  /** x^(8·n) modulo the polynomial: x^(2^(k+3)) for each bit k set in n. */
  private static int xPower8n(long n) {
    int p = 1 << 31; // x^0
    int k = 3;
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multiplyModP(X2N[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }

  /** a · b modulo the polynomial, both bits reflected. */
  private static int multiplyModP(int a, int b) {
    int product = 0;
    for (int m = 1 << 31; m != 0; m >>>= 1) {
      if ((a & m) != 0) {
        product ^= b;
        if ((a & (m - 1)) == 0) {
          break;
        }
      }
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return product;
  }
}
