package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.HashCode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * Prints what fingerprinting costs, first time and cached, for the closing note. Timing is not
 * asserted (that is the JMH suite's business); only that the fingerprints exist.
 *
 * <p>The subjects are real, mid-sized library classes, fingerprinted as if they were a project's
 * own code (the jar is their "project"): Guava's {@code Splitter} (about 600 lines of source)
 * and {@code ImmutableList}, whose closures reach dozens of Guava classes.
 */
class CostReportTest {

  @Test
  void cost_isPrinted() throws Exception {
    report(Splitter.class.getMethod("splitToList", CharSequence.class));
    report(ImmutableList.class.getMethod("copyOf", Collection.class));
  }

  private static void report(Method method) {
    Class<?> owner = method.getDeclaringClass();
    String name = method.getName();
    String descriptor = Type.getMethodDescriptor(method);
    // First time in this JVM for this method, with a fresh cache: parses every class reached.
    Fingerprinter cold = new Fingerprinter();
    long start = System.nanoTime();
    Optional<HashCode> fingerprint = cold.method(owner, name, descriptor);
    long first = System.nanoTime() - start;
    assertThat(fingerprint).isPresent();

    // The same from fresh caches once the JIT has seen the code: the steady cost of a first
    // request (class files read and parsed, closure walked).
    long[] fresh = new long[200];
    for (int i = 0; i < fresh.length; i++) {
      Fingerprinter fingerprinter = new Fingerprinter();
      long t = System.nanoTime();
      Optional<HashCode> again = fingerprinter.method(owner, name, descriptor);
      fresh[i] = System.nanoTime() - t;
      assertThat(again).isEqualTo(fingerprint);
    }

    // Cached: the memo in the class's summary.
    long[] cached = new long[100_000];
    for (int i = 0; i < cached.length; i++) {
      long t = System.nanoTime();
      Optional<HashCode> again = cold.method(owner, name, descriptor);
      cached[i] = System.nanoTime() - t;
      if (!again.equals(fingerprint)) {
        assertThat(again).isEqualTo(fingerprint);
      }
    }
    System.out.printf(
        "fingerprint %s.%s: %d classes parsed; first %.1f ms (cold JVM code), first with warm"
            + " code %.2f ms (median of %d), cached %.0f ns (median of %d)%n",
        owner.getSimpleName(), name, cold.classesParsed(),
        first / 1e6, median(fresh) / 1e6, fresh.length, median(cached), cached.length);
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
