package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import dev.weft.Task;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.memoize}: the calls that run every time — of {@code cache = false} and void
 * tasks, with {@code caching(false)}, with an argument or code that has no fingerprint.
 */
@Timeout(60)
class MemoizeUncachedTest {

  /** A task that must run every time, beside a void method. */
  static class Clock {
    final AtomicInteger ticks = new AtomicInteger();
    final AtomicInteger logs = new AtomicInteger();

    @Task(cache = false)
    int tick(int step) {
      return ticks.addAndGet(step);
    }

    @Task
    void log(String message) {
      logs.incrementAndGet();
    }
  }

  @Test
  void memoize_cacheFalseAndVoidTasks_runEveryTime() {
    try (Weft weft = Weft.builder().build()) {
      Clock clock = weft.memoize(Clock.class);

      assertThat(clock.tick(1)).isEqualTo(1);
      assertThat(clock.tick(1)).isEqualTo(2);
      clock.log("x");
      clock.log("x");

      assertThat(clock.logs.get()).isEqualTo(2);
    }
  }

  @Test
  void memoize_withCachingFalse_runsEveryCall() {
    try (Weft weft = Weft.builder().caching(false).build()) {
      MemoizeTest.Calculator calculator = weft.memoize(MemoizeTest.Calculator.class);

      calculator.sum(List.of(1));
      calculator.sum(List.of(1));
      calculator.sumOfSquares(2);
      calculator.sumOfSquares(2);

      assertThat(calculator.sums.get()).isEqualTo(2);
      assertThat(calculator.squares.get()).isEqualTo(4);
    }
  }

  /** Takes an argument that has no fingerprint: a bean whose field Jackson cannot see. */
  static class Opaque {
    final AtomicInteger calls = new AtomicInteger();

    @Task
    String describe(int id, Secret secret) {
      calls.incrementAndGet();
      return id + ":" + secret.value;
    }
  }

  /** A value that cannot be fingerprinted: its only field is hidden from Jackson. */
  static final class Secret {
    private final String value;

    Secret(String value) {
      this.value = value;
    }
  }

  @Test
  void memoize_unfingerprintableArgument_runsEveryTime_withOneWarningNamingIt() {
    Secret secret = new Secret("s");
    try (Weft weft = Weft.builder().build(); LogCapture log = LogCapture.of("dev.weft.engine.Memo")) {
      String reason = weft.memo.fingerprint(secret).reason().orElseThrow();
      Opaque opaque = weft.memoize(Opaque.class);

      assertThat(opaque.describe(1, secret)).isEqualTo("1:s");
      assertThat(opaque.describe(1, secret)).isEqualTo("1:s");

      assertThat(opaque.calls.get()).isEqualTo(2);
      assertThat(log.messages()).containsExactly("argument 2 (Secret) of method"
          + " Opaque.describe(int, Secret) of dev.weft.engine.MemoizeUncachedTest$Opaque cannot be"
          + " fingerprinted, so calls with such an argument run every time: " + reason);
    }
  }

  /** Counts the calls of a task of a class made at run time, which has no class file. */
  public static final class CountingBody {
    final AtomicInteger calls = new AtomicInteger();

    /** The task's body: counts, then doubles. */
    public int twice(int n) {
      calls.incrementAndGet();
      return 2 * n;
    }
  }

  @Test
  void memoize_taskWithoutAClassFile_runsEveryTime_withOneWarningAskingForAVersion()
      throws ReflectiveOperationException {
    CountingBody body = new CountingBody();
    Class<?> generated = new ByteBuddy()
        .subclass(Object.class)
        .name("dev.weft.engine.generated.NoClassFile")
        .defineMethod("twice", int.class, Visibility.PUBLIC).withParameters(int.class)
        .intercept(MethodDelegation.to(body))
        .annotateMethod(AnnotationDescription.Builder.ofType(Task.class).build())
        .make()
        .load(MemoizeUncachedTest.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded();
    Method twice = generated.getMethod("twice", int.class);
    try (Weft weft = Weft.builder().build(); LogCapture log = LogCapture.of("dev.weft.engine.Memo")) {
      Object instance = weft.memoize(generated);

      assertThat(twice.invoke(instance, 4)).isEqualTo(8);
      assertThat(twice.invoke(instance, 4)).isEqualTo(8);

      assertThat(body.calls.get()).isEqualTo(2);
      assertThat(log.messages()).containsExactly("the code of method NoClassFile.twice(int) of"
          + " dev.weft.engine.generated.NoClassFile cannot be fingerprinted (its class file cannot"
          + " be read), so every call runs it; give it @Task(version = \"1\") to memoize it, and"
          + " change the version when its code changes");
    }
  }
}
