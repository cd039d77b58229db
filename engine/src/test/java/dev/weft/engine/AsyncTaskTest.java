package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TaskOutcome.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks returning a {@code CompletableFuture} ({@code TaskSpec.async()}) produce its value. */
@Timeout(60)
class AsyncTaskTest {

  @Test
  void async_producesTheFuturesValue_forItsDependents() {
    TestFlow flow = TestFlow.named("async");
    Key<Integer> x = flow.input("x");
    Key<Integer> later = flow.task("later",
        args -> CompletableFuture.supplyAsync(() -> args.get(x) * 2), spec -> spec.async(), x);
    Key<Integer> now = flow.task("now",
        args -> CompletableFuture.completedFuture(5), spec -> spec.async());
    Key<Integer> sum = flow.task("sum", args -> args.get(later) + args.get(now), later, now);

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.of(x, 21), sum, later);

      assertThat(result.get(sum)).isEqualTo(47);
      assertThat(result.get(later)).isEqualTo(42);
      assertThat(result.outcome("later").status()).isEqualTo(Status.EXECUTED);
    }
  }

  @Test
  void async_holdsNoWorker_whileItsFutureIsPending() throws Exception {
    // One worker. `waits` returns a future that only `completes`, a later sync task, completes:
    // a worker blocking on the future would never get to run `completes`.
    CompletableFuture<Integer> pending = new CompletableFuture<>();
    CountDownLatch waitsInvoked = new CountDownLatch(1);
    AtomicBoolean waitsInvokedFirst = new AtomicBoolean();
    TestFlow flow = TestFlow.named("async");
    Key<Integer> waits = flow.task("waits", args -> {
      waitsInvoked.countDown();
      return pending;
    }, spec -> spec.async());
    Key<Integer> completes = flow.task("completes", args -> {
      waitsInvokedFirst.set(waitsInvoked.getCount() == 0);
      pending.complete(42);
      return 1;
    });
    Key<Integer> after = flow.task("after", args -> args.get(waits) + 1, waits);

    try (Weft weft = Weft.builder().parallelism(1).build()) {
      RunResult result = Await.result(weft.start(flow.build(), Inputs.empty(), after, completes));

      assertThat(result.get(after)).isEqualTo(43);
    }
    // Otherwise the test proved nothing: the pool took the ready tasks in submission order.
    assertThat(waitsInvokedFirst.get()).isTrue();
  }

  @Test
  void async_twoTasksCompletingEachOthersFuture_finishOnOneWorker() throws Exception {
    // Whichever runs first returns a future only the other completes: this deadlocks a worker
    // that blocks on futures, in either order.
    CompletableFuture<Integer> forLeft = new CompletableFuture<>();
    CompletableFuture<Integer> forRight = new CompletableFuture<>();
    TestFlow flow = TestFlow.named("async");
    Key<Integer> left = flow.task("left", args -> {
      forRight.complete(2);
      return forLeft;
    }, spec -> spec.async());
    Key<Integer> right = flow.task("right", args -> {
      forLeft.complete(1);
      return forRight;
    }, spec -> spec.async());

    try (Weft weft = Weft.builder().parallelism(1).build()) {
      RunResult result = Await.result(weft.start(flow.build(), Inputs.empty()));

      assertThat(result.get(left)).isEqualTo(1);
      assertThat(result.get(right)).isEqualTo(2);
    }
  }

  @Test
  void async_failedFuture_failsTaskWithOriginalCause() {
    IOException gone = new IOException("gone");
    TestFlow flow = TestFlow.named("async");
    Key<Integer> fails = flow.task("fails",
        args -> CompletableFuture.failedFuture(gone), spec -> spec.async());

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), fails, Inputs.empty()));

      assertThat(e.task()).isEqualTo("fails");
      assertThat(e.getCause()).isSameInstanceAs(gone);
      assertThat(e).hasMessageThat().isEqualTo("task 'fails' failed: java.io.IOException: gone");
    }
  }

  @Test
  void async_futureFailingOnAnotherThread_failsTaskWithOriginalCause() {
    // supplyAsync wraps what its supplier throws in a CompletionException; the task's failure is
    // what the supplier threw.
    UncheckedIOException gone = new UncheckedIOException(new IOException("gone"));
    TestFlow flow = TestFlow.named("async");
    Key<Integer> fails = flow.task("fails", args -> CompletableFuture.supplyAsync(() -> {
      throw gone;
    }), spec -> spec.async());

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), fails, Inputs.empty()));

      assertThat(e.getCause()).isSameInstanceAs(gone);
    }
  }

  @Test
  void async_bodyThrowingBeforeReturningAFuture_failsTask() {
    TestFlow flow = TestFlow.named("async");
    Key<Integer> fails = flow.task("fails", args -> {
      throw new IllegalArgumentException("no future");
    }, spec -> spec.async());

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), fails, Inputs.empty()));

      assertThat(e.getCause()).hasMessageThat().isEqualTo("no future");
    }
  }

  @Test
  void async_returningNull_failsNamingTheTask() {
    TestFlow flow = TestFlow.named("async");
    Key<Integer> nothing = flow.task("nothing", args -> null, spec -> spec.async());

    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.compute(flow.build(), nothing, Inputs.empty()));

      assertThat(e).hasMessageThat().isEqualTo("task 'nothing' failed: "
          + "java.lang.NullPointerException: task 'nothing' returned null instead of a"
          + " CompletionStage");
    }
  }

  @Test
  void async_failedFutures_areRetried() {
    AtomicInteger calls = new AtomicInteger();
    TestFlow flow = TestFlow.named("async");
    Key<Integer> flaky = flow.task("flaky", args -> calls.incrementAndGet() < 3
        ? CompletableFuture.failedFuture(new IllegalStateException("not yet"))
        : CompletableFuture.completedFuture(9), spec -> spec.async().retries(2));

    try (Weft weft = Weft.builder().parallelism(2).retryBaseDelay(Duration.ZERO).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty(), flaky);

      assertThat(result.get(flaky)).isEqualTo(9);
      assertThat(result.outcome("flaky").attempts()).isEqualTo(3);
    }
  }
}
