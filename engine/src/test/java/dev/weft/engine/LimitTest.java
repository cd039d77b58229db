package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.Builder.limit}: a cap on the tasks holding a tag; a task waiting for a permit holds
 * no worker.
 */
@Timeout(60)
class LimitTest {

  @Test
  void limit_capsTaggedTasks_whileUntaggedTasksStillRun() {
    Gauge db = new Gauge();
    // Opens only when 4 tasks are in at once: with 4 workers and db capped at 2, that must be
    // both free tasks beside 2 db tasks.
    CountDownLatch four = new CountDownLatch(4);
    TestFlow flow = TestFlow.named("limits");
    for (int i = 0; i < 8; i++) {
      flow.task("db" + i, args -> {
        db.enter();
        try {
          four.countDown();
          Await.latch(four);
          return 1;
        } finally {
          db.exit();
        }
      }, spec -> spec.limits("db"));
    }
    for (int i = 0; i < 2; i++) {
      flow.task("free" + i, args -> {
        four.countDown();
        Await.latch(four);
        return 2;
      });
    }

    try (Weft weft = Weft.builder().parallelism(4).limit("db", 2).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.succeeded()).isTrue();
    }
    assertThat(db.max()).isEqualTo(2);
  }

  @Test
  void taskWaitingForPermit_holdsNoWorker() {
    // db1 takes the only permit and waits for `free`; db2 waits for the permit. With 2 workers,
    // `free` can only run if waiting db2 does not sit on the second one.
    CountDownLatch freeRan = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("limits");
    for (String name : new String[] {"db1", "db2"}) {
      flow.task(name, args -> {
        Await.latch(freeRan);
        return 1;
      }, spec -> spec.limits("db"));
    }
    flow.task("free", args -> {
      freeRan.countDown();
      return 2;
    });

    try (Weft weft = Weft.builder().parallelism(2).limit("db", 1).build()) {
      RunResult result = weft.run(flow.build(), Inputs.empty());

      assertThat(result.succeeded()).isTrue();
    }
  }

  @Test
  void limit_isSharedByConcurrentRuns() throws Exception {
    Gauge db = new Gauge();
    TestFlow flow = TestFlow.named("limits");
    for (int i = 0; i < 20; i++) {
      flow.task("db" + i, args -> {
        db.enter();
        db.exit();
        return 1;
      }, spec -> spec.limits("db"));
    }

    try (Weft weft = Weft.builder().parallelism(4).limit("db", 1).build()) {
      RunHandle first = weft.start(flow.build(), Inputs.empty());
      RunHandle second = weft.start(flow.build(), Inputs.empty());

      assertThat(Await.result(first).succeeded()).isTrue();
      assertThat(Await.result(second).succeeded()).isTrue();
    }
    assertThat(db.max()).isEqualTo(1);
  }

  @Test
  void limit_permitReturned_whenTaggedTaskFails() throws Exception {
    TestFlow flow = TestFlow.named("limits");
    Key<Integer> bad = flow.task("bad", args -> {
      throw new IllegalStateException("bad");
    }, spec -> spec.limits("db"));
    Key<Integer> good = flow.task("good", args -> 1, spec -> spec.limits("db"));

    try (Weft weft = Weft.builder().parallelism(2).limit("db", 1).build()) {
      assertThrows(TaskFailedException.class, () -> weft.run(flow.build(), Inputs.empty(), bad));

      assertThat(Await.result(weft.start(flow.build(), Inputs.empty(), good)).get(good))
          .isEqualTo(1);
    }
  }

  @Test
  void limit_permitReturned_whenRunningTaggedTaskIsCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("limits");
    Key<Integer> blocking = flow.task("blocking", args -> {
      started.countDown();
      try {
        Await.latch(new CountDownLatch(1));
        return 0;
      } finally {
        ended.countDown();
      }
    }, spec -> spec.limits("db"));
    Key<Integer> next = flow.task("next", args -> 1, spec -> spec.limits("db"));

    try (Weft weft = Weft.builder().parallelism(2).limit("db", 1).build()) {
      RunHandle first = weft.start(flow.build(), Inputs.empty(), blocking);
      Await.latch(started);
      first.cancel();
      Await.latch(ended);

      // A second run needs the permit the cancelled task held.
      assertThat(Await.result(weft.start(flow.build(), Inputs.empty(), next)).get(next))
          .isEqualTo(1);
    }
  }

  @Test
  void limit_permitReturned_whenRunningTaggedTaskIsStoppedByFailure() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("limits");
    flow.task("blocking", args -> {
      started.countDown();
      try {
        Await.latch(new CountDownLatch(1));
        return 0;
      } finally {
        ended.countDown();
      }
    }, spec -> spec.limits("db"));
    flow.task("bad", args -> {
      Await.latch(started);
      throw new IllegalStateException("bad");
    });
    Key<Integer> next = flow.task("next", args -> 1, spec -> spec.limits("db"));

    try (Weft weft = Weft.builder().parallelism(2).limit("db", 1).build()) {
      assertThrows(TaskFailedException.class,
          () -> weft.run(flow.build(), Inputs.empty(), flow.key("blocking"), flow.key("bad")));
      Await.latch(ended);

      assertThat(Await.result(weft.start(flow.build(), Inputs.empty(), next)).get(next))
          .isEqualTo(1);
    }
  }

  @Test
  void limit_permitReturned_whenAwaitingAsyncTaskIsCancelled() throws Exception {
    WatchedFuture<Integer> never = new WatchedFuture<>();
    TestFlow flow = TestFlow.named("limits");
    Key<Integer> waits = flow.task("waits", args -> never, spec -> spec.limits("db").async());
    Key<Integer> next = flow.task("next", args -> 1, spec -> spec.limits("db"));

    try (Weft weft = Weft.builder().parallelism(2).limit("db", 1).build()) {
      RunHandle first = weft.start(flow.build(), Inputs.empty(), waits);
      Await.latch(never.awaited);
      first.cancel();

      assertThat(never.isCancelled()).isTrue();
      assertThat(Await.result(weft.start(flow.build(), Inputs.empty(), next)).get(next))
          .isEqualTo(1);
    }
  }
}
