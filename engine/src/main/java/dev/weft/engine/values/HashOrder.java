package dev.weft.engine.values;

import com.google.common.hash.HashCode;
import com.google.common.primitives.Longs;

/**
 * Sorts hashes kept as fixed-width records of longs in one flat array, so that the elements of a
 * set or the entries of a map can be put in a canonical order.
 *
 * <p>Why not a {@code HashCode[]} and {@code Arrays.sort}: a set of ten million elements would
 * then cost ten million objects and byte arrays on top of the set itself; a flat {@code long[]}
 * costs 16 bytes per hash. Heapsort because it sorts in place, needs no recursion and has no bad
 * inputs; the order only has to be canonical, not stable, since equal records are identical.
 */
final class HashOrder {

  private HashOrder() {}

  /** Stores {@code hash}, a 128-bit hash, as two longs at {@code a[at]} and {@code a[at + 1]}. */
  static void store(HashCode hash, long[] a, int at) {
    byte[] bytes = hash.asBytes();
    a[at] = Longs.fromBytes(
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]);
    a[at + 1] = Longs.fromBytes(
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  }

  /**
   * Sorts the records of {@code width} longs that make up {@code a} in ascending unsigned
   * lexicographic order.
   */
  static void sort(long[] a, int width) {
    int n = a.length / width;
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, width, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      swap(a, width, 0, end);
      siftDown(a, width, 0, end);
    }
  }

  private static void siftDown(long[] a, int width, int i, int n) {
    int parent = i;
    while (true) {
      int child = 2 * parent + 1;
      if (child >= n) {
        return;
      }
      if (child + 1 < n && compare(a, width, child + 1, child) > 0) {
        child++;
      }
      if (compare(a, width, child, parent) <= 0) {
        return;
      }
      swap(a, width, parent, child);
      parent = child;
    }
  }

  private static int compare(long[] a, int width, int i, int j) {
    for (int k = 0; k < width; k++) {
      int c = Long.compareUnsigned(a[i * width + k], a[j * width + k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static void swap(long[] a, int width, int i, int j) {
    for (int k = 0; k < width; k++) {
      long t = a[i * width + k];
      a[i * width + k] = a[j * width + k];
      a[j * width + k] = t;
    }
  }
}
