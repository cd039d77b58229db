package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.memoize}: the {@code @Task} methods of a memoized instance, called from plain Java,
 * run once per distinct argument content; failures are never cached.
 */
@Timeout(60)
class MemoizeTest {

  /** Counts its runs; package-private tasks, so the subclass must live in this package. */
  static class Calculator {
    final AtomicInteger sums = new AtomicInteger();
    final AtomicInteger squares = new AtomicInteger();
    final AtomicInteger labels = new AtomicInteger();

    @Task
    int sum(List<Integer> numbers) {
      sums.incrementAndGet();
      return numbers.stream().mapToInt(Integer::intValue).sum();
    }

    @Task
    long square(int n) {
      squares.incrementAndGet();
      return (long) n * n;
    }

    @Task
    long sumOfSquares(int n) {
      long total = 0;
      for (int i = 1; i <= n; i++) {
        total += square(i); // through the override, so memoized
      }
      return total;
    }

    // One version for both, so that only their descriptors tell their keys apart.
    @Task(version = "1")
    String label(Object value) {
      labels.incrementAndGet();
      return "object " + value;
    }

    @Task(version = "1")
    String label(String value) {
      labels.incrementAndGet();
      return "string " + value;
    }
  }

  @Test
  void memoize_secondCallWithEqualArguments_doesNotRun() {
    try (Weft weft = Weft.builder().build()) {
      Calculator calculator = weft.memoize(Calculator.class);

      assertThat(calculator.sum(List.of(1, 2, 3))).isEqualTo(6);
      assertThat(calculator.sum(new ArrayList<>(List.of(1, 2, 3)))).isEqualTo(6);

      assertThat(calculator.sums.get()).isEqualTo(1);
    }
  }

  @Test
  void memoize_differentArguments_run() {
    try (Weft weft = Weft.builder().build()) {
      Calculator calculator = weft.memoize(Calculator.class);

      assertThat(calculator.sum(List.of(1, 2, 3))).isEqualTo(6);
      assertThat(calculator.sum(List.of(1, 2, 4))).isEqualTo(7);
      assertThat(calculator.sum(List.of(3, 2, 1))).isEqualTo(6);

      assertThat(calculator.sums.get()).isEqualTo(3);
    }
  }

  @Test
  void memoize_callsBetweenTasksOfTheInstance_areMemoized() {
    try (Weft weft = Weft.builder().build()) {
      Calculator calculator = weft.memoize(Calculator.class);

      assertThat(calculator.sumOfSquares(3)).isEqualTo(14);
      assertThat(calculator.squares.get()).isEqualTo(3);
      assertThat(calculator.sumOfSquares(4)).isEqualTo(30);
      assertThat(calculator.square(2)).isEqualTo(4);

      assertThat(calculator.squares.get()).isEqualTo(4); // only square(4) was new
    }
  }

  @Test
  void memoize_overloadsWithTheSameArgument_areDistinct() {
    try (Weft weft = Weft.builder().build()) {
      Calculator calculator = weft.memoize(Calculator.class);

      assertThat(calculator.label("x")).isEqualTo("string x");
      assertThat(calculator.label((Object) "x")).isEqualTo("object x");
      assertThat(calculator.label("x")).isEqualTo("string x");
      assertThat(calculator.label((Object) "x")).isEqualTo("object x");

      assertThat(calculator.labels.get()).isEqualTo(2);
    }
  }

  @Test
  void memoize_packagePrivateClassAndTask_isMemoizedBySubclassInItsPackage() {
    try (Weft weft = Weft.builder().build()) {
      Calculator calculator = weft.memoize(Calculator.class);
      calculator.square(5);
      calculator.square(5);

      assertThat(calculator.squares.get()).isEqualTo(1);
      assertThat(calculator.getClass().getSuperclass()).isEqualTo(Calculator.class);
      assertThat(calculator.getClass().getPackageName()).isEqualTo("dev.weft.engine");
      assertThat(calculator.getClass().getClassLoader())
          .isSameInstanceAs(Calculator.class.getClassLoader());
    }
  }

  /** Fails on demand, with a checked exception, an unchecked one, or an error. */
  static class Failing {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<Throwable> next = new AtomicReference<>();

    @Task
    String read(String name) throws IOException {
      calls.incrementAndGet();
      Throwable failure = next.getAndSet(null);
      if (failure instanceof IOException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return "contents of " + name;
    }
  }

  @Test
  void memoize_checkedException_comesOutUnchanged_andIsNotCached() throws IOException {
    try (Weft weft = Weft.builder().build()) {
      Failing failing = weft.memoize(Failing.class);
      IOException failure = new IOException("disk gone");
      failing.next.set(failure);

      IOException thrown = assertThrows(IOException.class, () -> failing.read("a"));

      assertThat(thrown).isSameInstanceAs(failure);
      assertThat(failing.read("a")).isEqualTo("contents of a");
      assertThat(failing.read("a")).isEqualTo("contents of a");
      assertThat(failing.calls.get()).isEqualTo(2);
    }
  }

  @Test
  void memoize_uncheckedExceptionAndError_comeOutUnchanged_andAreNotCached() throws IOException {
    try (Weft weft = Weft.builder().build()) {
      Failing failing = weft.memoize(Failing.class);
      IllegalStateException exception = new IllegalStateException("no");
      AssertionError error = new AssertionError("never");

      failing.next.set(exception);
      assertThat(assertThrows(IllegalStateException.class, () -> failing.read("b")))
          .isSameInstanceAs(exception);
      failing.next.set(error);
      assertThat(assertThrows(AssertionError.class, () -> failing.read("b")))
          .isSameInstanceAs(error);
      assertThat(failing.read("b")).isEqualTo("contents of b");

      assertThat(failing.calls.get()).isEqualTo(3);
    }
  }

  /** Calls a task from its constructor, before the memoizer is attached. */
  static class EagerConstructor {
    final AtomicInteger calls = new AtomicInteger();
    final int first;

    EagerConstructor() {
      first = twice(21);
    }

    @Task
    int twice(int n) {
      calls.incrementAndGet();
      return 2 * n;
    }
  }

  @Test
  void memoize_taskCalledFromTheConstructor_runsUncached() {
    try (Weft weft = Weft.builder().build()) {
      EagerConstructor eager = weft.memoize(EagerConstructor.class);

      assertThat(eager.first).isEqualTo(42);
      assertThat(eager.twice(21)).isEqualTo(42);
      assertThat(eager.twice(21)).isEqualTo(42);
      assertThat(eager.calls.get()).isEqualTo(2);
    }
  }
}
