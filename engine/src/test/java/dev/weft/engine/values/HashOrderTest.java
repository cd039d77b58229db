package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashOrderTest {

  @Test
  void sort_ordersRecordsLikeAReferenceSort_forEveryWidthAndSize() {
    Random random = new Random(42);
    for (int width : new int[] {1, 2, 4}) {
      for (int n : new int[] {0, 1, 2, 3, 10, 1000}) {
        long[] a = new long[n * width];
        for (int i = 0; i < a.length; i++) {
          // Few distinct values, so that records tie in their first longs and differ later.
          a[i] = random.nextInt(3) - 1L + (random.nextBoolean() ? Long.MIN_VALUE : 0);
        }
        List<long[]> reference = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          long[] record = new long[width];
          System.arraycopy(a, i * width, record, 0, width);
          reference.add(record);
        }
        reference.sort((x, y) -> java.util.Arrays.compareUnsigned(x, y));

        HashOrder.sort(a, width);

        long[] expected = new long[n * width];
        for (int i = 0; i < n; i++) {
          System.arraycopy(reference.get(i), 0, expected, i * width, width);
        }
        assertThat(a).isEqualTo(expected);
      }
    }
  }
}
