package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.TaskOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures of fan-out elements: what the message says, and what happens to the other elements. */
@Timeout(60)
class FanOutFailureTest {
  static final TypeToken<List<String>> STRINGS = new TypeToken<>() {};
  static final TypeToken<List<Integer>> INTS = new TypeToken<>() {};

  private final TestFlow flow = TestFlow.named("fan");
  private final Key<List<String>> words = flow.input(flow.key("words", STRINGS));
  private final AtomicInteger completed = new AtomicInteger();

  /** The length of each word; throws for "bad…" words, after {@code before} has run. */
  private Key<List<Integer>> lengths(ElementHook before) {
    return flow.task(flow.key("lengths", INTS), args -> {
      String word = args.each(words);
      before.run(word);
      if (word.startsWith("bad")) {
        throw new IllegalArgumentException("no " + word);
      }
      completed.incrementAndGet();
      return word.length();
    }, spec -> spec.each(words), words);
  }

  @FunctionalInterface
  interface ElementHook {
    void run(String word) throws Exception;
  }

  @Test
  void failingElement_messageNamesItsIndexAndValue() {
    Key<List<Integer>> lengths = lengths(word -> {});

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> weft.compute(
          flow.build(), lengths, Inputs.of(words, List.of("a", "bb", "bad", "dddd"))));

      assertThat(e.task()).isEqualTo("lengths");
      assertThat(e).hasMessageThat().isEqualTo("task 'lengths' failed on element 2 of 4 (bad):"
          + " java.lang.IllegalArgumentException: no bad");
      assertThat(e.getCause()).hasMessageThat().isEqualTo("no bad");
    }
  }

  @Test
  void withKeepGoing_everyFailedElementIsNamed_theLowestFirst_whateverTheTiming() {
    Key<List<Integer>> lengths = lengths(word -> {
      if (word.equals("bad1")) {
        Thread.sleep(50); // the lowest failure finishes last
      }
    });
    List<String> input = List.of("a", "bad1", "bb", "bad3", "ccc", "bad5");

    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(words, input), lengths);

      TaskOutcome failed = result.outcome("lengths");
      assertThat(failed.status()).isEqualTo(TaskOutcome.Status.FAILED);
      assertThat(failed.reason()).isEqualTo("on element 1 of 6 (bad1), and 2 more: 3 (bad3),"
          + " 5 (bad5): java.lang.IllegalArgumentException: no bad1");
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> result.get(lengths));
      assertThat(e).hasMessageThat().isEqualTo("task 'lengths' failed on element 1 of 6 (bad1),"
          + " and 2 more: 3 (bad3), 5 (bad5): java.lang.IllegalArgumentException: no bad1");
      assertThat(completed.get()).isEqualTo(3);
    }
  }

  @Test
  void failingElement_longValueIsAbbreviatedInTheMessage() {
    Key<List<Integer>> lengths = lengths(word -> {});
    String longWord = "bad" + "x".repeat(100);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> weft.compute(
          flow.build(), lengths, Inputs.of(words, List.of(longWord))));

      assertThat(e).hasMessageThat().startsWith("task 'lengths' failed on element 0 of 1 (bad"
          + "x".repeat(56) + "…): ");
    }
  }

  @Test
  void keepGoing_otherElementsComplete_andTheTaskFails() {
    // Element 0 fails as soon as element 1 is running; elements 2 to 5 are still queued then.
    CountDownLatch secondRunning = new CountDownLatch(1);
    Key<List<Integer>> lengths = lengths(word -> {
      if (word.equals("bad")) {
        Await.latch(secondRunning);
      } else if (word.equals("b")) {
        secondRunning.countDown();
      }
    });
    Key<Integer> beside = flow.task("beside", args -> 1);

    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult result = weft.run(flow.build(),
          Inputs.of(words, List.of("bad", "b", "c", "d", "e", "f")), lengths, beside);

      assertThat(completed.get()).isEqualTo(5);
      assertThat(result.outcome("lengths").status()).isEqualTo(Status.FAILED);
      assertThat(result.get(beside)).isEqualTo(1);
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> result.get(lengths));
      assertThat(e).hasMessageThat().startsWith("task 'lengths' failed on element 0 of 6 (bad): ");
    }
  }

  @Test
  void failFast_queuedElementsNeverRun() throws Exception {
    CountDownLatch secondRunning = new CountDownLatch(1);
    Key<List<Integer>> lengths = lengths(word -> {
      if (word.equals("bad")) {
        Await.latch(secondRunning);
      } else if (word.equals("b")) {
        secondRunning.countDown();
        Await.latch(new CountDownLatch(1)); // until the failure interrupts it
      }
    });

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      assertThrows(TaskFailedException.class, () -> weft.run(flow.build(),
          Inputs.of(words, List.of("bad", "b", "c", "d", "e", "f")), lengths));
    }
    assertThat(completed.get()).isEqualTo(0);
  }

  @Test
  void elementsAreRetriedOneByOne() {
    AtomicInteger badTries = new AtomicInteger();
    Key<List<Integer>> lengths = flow.task(flow.key("lengths", INTS), args -> {
      String word = args.each(words);
      if (word.equals("flaky") && badTries.incrementAndGet() == 1) {
        throw new IllegalStateException("first try");
      }
      return word.length();
    }, spec -> spec.each(words).retries(1), words);

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ZERO).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(words, List.of("a", "flaky", "ccc")));

      assertThat(result.get(lengths)).containsExactly(1, 5, 3).inOrder();
      assertThat(result.outcome("lengths").attempts()).isEqualTo(4);
    }
  }

  @Test
  void fanOutOverNull_failsNamingTheSource() {
    Key<List<String>> none = flow.task(flow.key("none", STRINGS), args -> null, spec -> {});
    Key<List<Integer>> lengths = flow.task(flow.key("lengths", INTS),
        args -> args.<String>each(none).length(), spec -> spec.each(none), none);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), lengths, Inputs.of(words, List.of())));

      assertThat(e).hasMessageThat().isEqualTo("task 'lengths' failed:"
          + " java.lang.IllegalStateException: task 'lengths' fans out over 'none', whose value is"
          + " null, not a Collection");
    }
  }

  @Test
  void readingAnElementInATaskThatDoesNotFanOut_failsTheTask() {
    Key<Integer> plain = flow.task("plain", args -> args.<String>each(words).length(), words);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), plain, Inputs.of(words, List.of("a"))));

      assertThat(e.getCause()).hasMessageThat()
          .isEqualTo("task 'plain' does not fan out; read 'words' with get()");
    }
  }

  @Test
  void elementFinishingAfterItsTaskFailed_isDroppedQuietly() throws Exception {
    // Element "bad" fails while element "b" runs. A listener holds the failing thread between
    // settling the task FAILED and stopping the run, until "b" has returned its value into an
    // already-failed fan-out. That value must be dropped, not crash the worker.
    CountDownLatch bRunning = new CountDownLatch(1);
    CountDownLatch failureSettled = new CountDownLatch(1);
    CountDownLatch bReturning = new CountDownLatch(1);
    AtomicReference<Thread> bThread = new AtomicReference<>();
    Key<List<Integer>> lengths = lengths(word -> {
      if (word.equals("bad")) {
        Await.latch(bRunning);
      } else {
        bThread.set(Thread.currentThread());
        bRunning.countDown();
        Await.latch(failureSettled);
        bReturning.countDown();
      }
    });
    RunListener holdAfterFailure = new RunListener() {
      @Override
      public void taskFailed(TaskOutcome outcome) {
        if (outcome.status() == Status.FAILED) {
          failureSettled.countDown();
          try {
            Await.latch(bReturning);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          // Once it is done with the value, b's worker parks in the pool (or dies of an exception).
          Await.stopsRunning(bThread.get());
        }
      }
    };
    Queue<Throwable> uncaught = new ConcurrentLinkedQueue<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    try (Weft weft = Weft.builder().parallelism(2).listener(holdAfterFailure).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class, () -> weft.run(
          flow.build(), Inputs.of(words, List.of("bad", "b")), lengths));
      assertThat(e).hasMessageThat().startsWith("task 'lengths' failed on element 0 of 2 (bad)");
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(uncaught).isEmpty();
  }
}
