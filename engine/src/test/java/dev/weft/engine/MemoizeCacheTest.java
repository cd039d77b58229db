package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Weft.memoize} and the caches: each instance uses its Weft's, values come back from the
 * cache directory in another Weft with their exact generic type.
 */
@Timeout(60)
class MemoizeCacheTest {

  /** Counts its runs across instances and Wefts, for the cache directory and two Wefts. */
  static class Words {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Task
    List<String> words(int count) {
      CALLS.incrementAndGet();
      List<String> words = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        words.add("w" + i);
      }
      return words;
    }

    @Task
    List<Point> diagonal(int count) {
      CALLS.incrementAndGet();
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        points.add(new Point(i, i));
      }
      return points;
    }
  }

  /** A value Jackson would read back as a map, were the element type not known. */
  record Point(int x, int y) {}

  @Test
  void memoize_withCacheDir_secondWeftReadsTheValueFromDisk(@TempDir Path dir) {
    Words.CALLS.set(0);
    try (Weft first = Weft.builder().cacheDir(dir).build()) {
      assertThat(first.memoize(Words.class).words(2)).containsExactly("w0", "w1").inOrder();
    }

    try (Weft second = Weft.builder().cacheDir(dir).build()) {
      List<String> words = second.memoize(Words.class).words(2);

      assertThat(words).containsExactly("w0", "w1").inOrder();
      assertThat(Words.CALLS.get()).isEqualTo(1);
    }
  }

  @Test
  void memoize_genericReturnType_comesBackFromDiskAsItsElementType(@TempDir Path dir) {
    Words.CALLS.set(0);
    try (Weft first = Weft.builder().cacheDir(dir).build()) {
      first.memoize(Words.class).diagonal(2);
    }

    try (Weft second = Weft.builder().cacheDir(dir).build()) {
      List<Point> points = second.memoize(Words.class).diagonal(2);

      assertThat(Words.CALLS.get()).isEqualTo(1);
      assertThat(points.get(1)).isInstanceOf(Point.class);
      assertThat(points).containsExactly(new Point(0, 0), new Point(1, 1)).inOrder();
    }
  }

  @Test
  void memoize_instancesOfTwoWefts_useTheirOwnCaches() {
    Words.CALLS.set(0);
    try (Weft one = Weft.builder().build(); Weft two = Weft.builder().build()) {
      Words first = one.memoize(Words.class);
      Words second = two.memoize(Words.class);

      first.words(3);
      second.words(3);
      first.words(3);
      one.memoize(Words.class).words(3); // another instance of the same Weft shares its cache

      assertThat(first.getClass()).isSameInstanceAs(second.getClass());
      assertThat(Words.CALLS.get()).isEqualTo(2);
    }
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a wait ignores interrupts
  void memoize_newCallAfterItsWeftClosed_failsClearly_andAgainInsteadOfHanging(@TempDir Path dir) {
    Words words;
    try (Weft weft = Weft.builder().cacheDir(dir).build()) {
      words = weft.memoize(Words.class);
      words.words(1);
    }
    String start = "cannot use the cache for method Words.words(int) of"
        + " dev.weft.engine.MemoizeCacheTest$Words (";
    String end = " is closed); a memoized instance works only while the Weft that made it is open";

    IllegalStateException first = assertThrows(IllegalStateException.class, () -> words.words(2));
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> words.words(2));

    assertThat(first).hasMessageThat().startsWith(start);
    assertThat(first).hasMessageThat().endsWith(end);
    assertThat(again).hasMessageThat().isEqualTo(first.getMessage());
  }

  /** A generic superclass whose task returns its type argument. */
  static class Box<T> {
    final AtomicInteger calls = new AtomicInteger();

    @Task(version = "1") // keyed by the version, not the code
    List<T> repeat(T value, int times) {
      calls.incrementAndGet();
      List<T> values = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        values.add(value);
      }
      return values;
    }
  }

  /** Inherits its task, with {@code T} bound. */
  static class PointBox extends Box<Point> {}

  @Test
  void memoize_inheritedTaskOfGenericSuperclass_isMemoizedWithItsResolvedType(@TempDir Path dir) {
    try (Weft first = Weft.builder().cacheDir(dir).build()) {
      first.memoize(PointBox.class).repeat(new Point(1, 2), 2);
    }

    try (Weft second = Weft.builder().cacheDir(dir).build()) {
      PointBox box = second.memoize(PointBox.class);
      List<Point> points = box.repeat(new Point(1, 2), 2);

      assertThat(box.calls.get()).isEqualTo(0);
      assertThat(points).containsExactly(new Point(1, 2), new Point(1, 2));
    }
  }
}
