package dev.weft.examples.gather;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PermitsTest {
  @Test
  @Timeout(10)
  void actionsBeyondTheCap_waitWithoutBlockingTheCaller_andStartInOrder() throws Exception {
    Permits permits = new Permits(2);
    List<CompletableFuture<String>> actions = new ArrayList<>();
    List<String> started = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CompletableFuture<String> action = new CompletableFuture<>();
      actions.add(action);
      String name = "action " + i;
      // A blocking acquire would hang here, on the third: the test's own thread is the caller.
      results.add(permits.run(() -> {
        synchronized (started) {
          started.add(name);
        }
        return action;
      }));
    }

    synchronized (started) {
      assertThat(started).containsExactly("action 0", "action 1").inOrder();
    }
    assertThat(results.get(2).isDone()).isFalse();

    actions.get(1).complete("one");
    assertThat(results.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("one");
    // The next action starts on another thread (see Permits.release): wait for it.
    awaitStarted(started, 3);
    synchronized (started) {
      assertThat(started).containsExactly("action 0", "action 1", "action 2").inOrder();
    }

    actions.get(0).completeExceptionally(new IllegalStateException("failed")); // frees it too
    awaitStarted(started, 4);
    actions.get(2).complete("two");
    actions.get(3).complete("three");
    assertThat(results.get(3).get(5, TimeUnit.SECONDS)).isEqualTo("three");
    assertThrows(Exception.class, () -> results.get(0).get(5, TimeUnit.SECONDS));
  }

  @Test
  void anActionThatThrows_failsItsFuture_andFreesItsPermit() throws Exception {
    Permits permits = new Permits(1);

    CompletableFuture<String> thrown = permits.run(() -> {
      throw new IllegalArgumentException("bad request");
    });
    CompletableFuture<String> next = permits.run(() -> CompletableFuture.completedFuture("next"));

    assertThat(thrown.isCompletedExceptionally()).isTrue();
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
  }

  @Test
  void lessThanOnePermit_isRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Permits(0));
    assertThat(e).hasMessageThat().isEqualTo("max must be 1 or more, not 0");
  }

  private static void awaitStarted(List<String> started, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      synchronized (started) {
        if (started.size() >= count) {
          return;
        }
      }
      Thread.sleep(5);
    }
  }
}
