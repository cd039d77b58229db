package dev.weft.engine.caching;

import com.google.common.hash.Hashing;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Key;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pipelines that child JVMs and the test JVM both run, so that their code fingerprints and
 * therefore their cache keys agree; and the values they must produce, computed without Weft.
 */
final class CachePipelines {
  private CachePipelines() {}

  // ---- "resume": a small chain ------------------------------------------------------------

  /** numbers(n) -> sum -> report(sum, n). */
  static final class Resume {
    final Flow flow;
    final Key<Integer> n;
    final Key<List<Integer>> numbers;
    final Key<Long> sum;
    final Key<String> report;

    Resume() {
      FlowBuilder b = Flow.builder("caching-resume");
      n = b.input("n", Integer.class);
      numbers = b.task("numbers", new TypeToken<List<Integer>>() {}, CachePipelines::numbers, n);
      sum = b.task("sum", TypeToken.of(Long.class), CachePipelines::sum, numbers);
      report = b.task("report", TypeToken.of(String.class), CachePipelines::report, sum, n);
      flow = b.build();
    }
  }

  static List<Integer> numbers(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add((i * 31 + 7) % 1000);
    }
    return out;
  }

  static long sum(List<Integer> numbers) {
    long total = 0;
    for (int value : numbers) {
      total += value;
    }
    return total;
  }

  static String report(long sum, int n) {
    return "sum of " + n + " numbers is " + sum;
  }

  static String expectedReport(int n) {
    return report(sum(numbers(n)), n);
  }

  // ---- "shared": independent CPU-bound branches, joined ----------------------------------

  /** a(rounds), b(rounds), c(rounds) -> joined(a, b, c). */
  static final class Shared {
    final Flow flow;
    final Key<Integer> rounds;
    final Key<String> a;
    final Key<String> b;
    final Key<String> c;
    final Key<String> joined;

    Shared() {
      FlowBuilder f = Flow.builder("caching-shared");
      rounds = f.input("rounds", Integer.class);
      a = f.task("a", TypeToken.of(String.class), r -> chain("a", r), rounds);
      b = f.task("b", TypeToken.of(String.class), r -> chain("b", r), rounds);
      c = f.task("c", TypeToken.of(String.class), r -> chain("c", r), rounds);
      joined = f.task("joined", TypeToken.of(String.class), CachePipelines::join, a, b, c);
      flow = f.build();
    }
  }

  /** Some real work: {@code rounds} rounds of SHA-256 over the previous round's output. */
  static String chain(String seed, int rounds) {
    byte[] state = seed.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < rounds; i++) {
      state = Hashing.sha256().hashBytes(state).asBytes();
    }
    return Hashing.sha256().hashBytes(state).toString();
  }

  static String join(String a, String b, String c) {
    return a.substring(0, 16) + "-" + b.substring(0, 16) + "-" + c.substring(0, 16);
  }

  static String expectedJoined(int rounds) {
    return join(chain("a", rounds), chain("b", rounds), chain("c", rounds));
  }

  // ---- "big": a large value, and a small summary of it -----------------------------------

  /** The size of the large value. */
  static final int BIG_BYTES = 32 << 20;

  /** big(seed): BIG_BYTES bytes -> summary(big). */
  static final class Big {
    final Flow flow;
    final Key<Integer> seed;
    final Key<byte[]> big;
    final Key<String> summary;

    Big() {
      FlowBuilder f = Flow.builder("caching-big");
      seed = f.input("seed", Integer.class);
      big = f.task("big", TypeToken.of(byte[].class), CachePipelines::bigAndSignal, seed);
      summary = f.task("summary", TypeToken.of(String.class), CachePipelines::summary, big);
      flow = f.build();
    }
  }

  static byte[] bigBytes(int seed) {
    byte[] bytes = new byte[BIG_BYTES];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Makes the large value; in a child JVM, says "writing" just before handing it over. */
  static byte[] bigAndSignal(int seed) {
    byte[] bytes = bigBytes(seed);
    if (Boolean.getBoolean("weft.test.child")) {
      System.out.println("writing");
      System.out.flush();
    }
    return bytes;
  }

  static String summary(byte[] big) {
    return big.length + ":" + Hashing.sha256().hashBytes(big);
  }
}
