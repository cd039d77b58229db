package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each class is parsed once per fingerprinter (the JVM's is {@link CodeFingerprints}'s). */
class ClassCacheTest {

  private static final int METHODS = 100;

  @TempDir Path dir;
  private Javac javac;

  @BeforeEach
  void setUp() {
    javac = new Javac(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    javac.close();
  }

  @Test
  void hundredMethodsOfOneClass_parseItOnce() {
    Class<?> flow = javac.load("p.Flow", hundredMethods());
    Fingerprinter fingerprinter = new Fingerprinter();

    Set<HashCode> fingerprints = new HashSet<>();
    for (int i = 0; i < METHODS; i++) {
      fingerprints.add(fingerprinter.method(flow, "m" + i, "(I)I").orElseThrow());
    }
    for (int i = 0; i < METHODS; i++) { // and again, from the memo
      fingerprints.add(fingerprinter.method(flow, "m" + i, "(I)I").orElseThrow());
    }

    assertThat(fingerprints).hasSize(METHODS); // each method its own, each time the same
    assertThat(fingerprinter.classesParsed()).isEqualTo(1);
  }

  @RepeatedTest(5)
  void concurrentFirstRequests_parseOnce_andAgree() throws Exception {
    Class<?> flow = javac.load("p.Flow", hundredMethods());
    Fingerprinter fingerprinter = new Fingerprinter();
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<HashCode>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await(); // all threads ask for the not yet parsed class at once
          List<HashCode> mine = new ArrayList<>();
          for (int i = 0; i < METHODS; i++) {
            mine.add(fingerprinter.method(flow, "m" + i, "(I)I").orElseThrow());
          }
          return mine;
        }));
      }
      List<HashCode> first = results.get(0).get();
      for (Future<List<HashCode>> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fingerprinter.classesParsed()).isEqualTo(1);
  }

  @Test
  void functionFingerprint_isComputedOncePerFunctionClass() throws Exception {
    Class<?> tasks = javac.load("p.Tasks", """
        package p;
        import java.util.function.IntUnaryOperator;
        public class Tasks {
          public static IntUnaryOperator add(int k) { return n -> n + k; }
        }
        """);
    Fingerprinter fingerprinter = new Fingerprinter();
    Method add = tasks.getMethod("add", int.class);

    Optional<HashCode> one = fingerprinter.function(add.invoke(null, 1));
    Optional<HashCode> two = fingerprinter.function(add.invoke(null, 2));

    assertThat(one).isPresent();
    assertThat(two).isEqualTo(one);
    assertThat(fingerprinter.classesParsed()).isEqualTo(1);
  }

  static String hundredMethods() {
    StringBuilder source = new StringBuilder("package p;\npublic class Flow {\n");
    for (int i = 0; i < METHODS; i++) {
      source.append("  public static int m").append(i).append("(int n) { return helper(n) * ")
          .append(i).append(" + String.valueOf(n).length(); }\n");
    }
    source.append("  private static int helper(int n) { return n < 2 ? n : helper(n - 1); }\n}\n");
    return source.toString();
  }
}
