package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.values.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regressions found in review of the cache's integration with the scheduler. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CacheRunRegressionTest {

  @Test
  void aRunWaitingForAnotherRunsKey_holdsNoPermitThatTheOtherNeedsToRetry() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch firstFailed = new CountDownLatch(1);
    TestFlow flow = TestFlow.named("limit-retry");
    Key<Integer> t = flow.task("t", args -> {
      if (calls.incrementAndGet() == 1) {
        firstFailed.countDown();
        throw new IllegalStateException("flaky");
      }
      return 7;
    }, spec -> spec.version("1").retries(1).limits("db"));
    Flow graph = flow.build();
    try (Weft weft = Weft.builder().parallelism(4).limit("db", 1)
        .retryBaseDelay(Duration.ofMillis(300)).build()) {
      RunHandle one = weft.start(graph, Inputs.empty(), t);
      assertThat(firstFailed.await(10, TimeUnit.SECONDS)).isTrue();
      RunHandle two = weft.start(graph, Inputs.empty(), t); // waits for one's claim

      assertThat(one.future().get(10, TimeUnit.SECONDS).get(t)).isEqualTo(7);
      RunResult second = two.future().get(10, TimeUnit.SECONDS);
      assertThat(second.get(t)).isEqualTo(7);
      assertThat(second.outcome("t").status()).isEqualTo(Status.MEMORY_HIT);
      assertThat(calls.get()).isEqualTo(2);
    }
  }

  /** A value whose encoding blocks until told to go on: a run is cancelled while it keys. */
  static final class Slow {
    final int value;

    Slow(int value) {
      this.value = value;
    }
  }

  static final CountDownLatch encoding = new CountDownLatch(1);
  static final CountDownLatch mayEncode = new CountDownLatch(1);

  static final class SlowCodec implements Codec<Slow> {
    @Override
    public void encode(Slow value, OutputStream out) throws IOException {
      encoding.countDown();
      try {
        mayEncode.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(value.value);
    }

    @Override
    public Slow decode(InputStream in) throws IOException {
      return new Slow(in.read());
    }
  }

  @Test
  void aRunCancelledWhileItLooksATaskUp_leavesNoClaimBehind() throws Exception {
    AtomicInteger doubled = new AtomicInteger();
    TestFlow flow = TestFlow.named("leak");
    Key<Slow> u = flow.task(flow.key("u", TypeToken.of(Slow.class)), args -> new Slow(3),
        spec -> spec.cache(false));
    Key<Integer> g = flow.task("g", args -> {
      doubled.incrementAndGet();
      return args.get(u).value * 2;
    }, spec -> spec.version("1"), u);
    Flow graph = flow.build();
    try (Weft weft = Weft.builder().parallelism(2).codec(Slow.class, new SlowCodec()).build()) {
      RunHandle first = weft.start(graph, Inputs.empty(), g);
      assertThat(encoding.await(10, TimeUnit.SECONDS)).isTrue(); // g works out its key
      first.cancel();
      mayEncode.countDown();

      RunResult second = weft.start(graph, Inputs.empty(), g).future().get(10, TimeUnit.SECONDS);

      assertThat(second.get(g)).isEqualTo(6);
      assertThat(doubled.get()).isEqualTo(1); // the cancelled run did not run g's body
    }
  }

  /** A lambda reading a field captures its whole object, which has no fingerprint. */
  static final class Scaler {
    private final Object client = new Object();
    private final int factor;

    Scaler(int factor) {
      this.factor = factor;
    }

    Flow flow(FlowBuilder builder, Key<Integer> x) {
      builder.task("scaled", TypeToken.of(Integer.class), v -> v * factor + (client == null ? 1 : 0),
          x);
      return builder.build();
    }
  }

  @Test
  void aLambdaHoldingWhatCannotBeFingerprinted_isNotCached() {
    try (Weft weft = Weft.builder().build()) {
      FlowBuilder five = Flow.builder("capture");
      Key<Integer> x5 = five.input("x", Integer.class);
      Flow flow5 = new Scaler(5).flow(five, x5);
      FlowBuilder ten = Flow.builder("capture");
      Key<Integer> x10 = ten.input("x", Integer.class);
      Flow flow10 = new Scaler(10).flow(ten, x10);

      assertThat(weft.run(flow5, Inputs.of(x5, 2)).outcome("scaled").reason())
          .startsWith("not cacheable: its function holds a " + Scaler.class.getName());
      RunResult rerun = weft.run(flow10, Inputs.of(x10, 2));

      assertThat(rerun.outcome("scaled").status()).isEqualTo(Status.EXECUTED);
    }
  }

  @Test
  void aCapturedNumber_countsInTheKey() {
    try (Weft weft = Weft.builder().build()) {
      assertThat(weft.run(scaled(5), Inputs.empty()).outcome("scaled").status())
          .isEqualTo(Status.EXECUTED);
      assertThat(weft.run(scaled(5), Inputs.empty()).outcome("scaled").status())
          .isEqualTo(Status.MEMORY_HIT);
      RunResult other = weft.run(scaled(10), Inputs.empty());

      assertThat(other.outcome("scaled").status()).isEqualTo(Status.EXECUTED);
      assertThat(other.outcome("scaled").reason()).isEqualTo("code changed");
    }
  }

  private static Flow scaled(int factor) {
    FlowBuilder builder = Flow.builder("captured-number");
    builder.task("scaled", TypeToken.of(Integer.class), () -> 2 * factor);
    return builder.build();
  }
}
