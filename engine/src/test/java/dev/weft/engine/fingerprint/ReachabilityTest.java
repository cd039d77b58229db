package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.fingerprint.CodeFingerprintsTest.edit;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How far a fingerprint follows the code: own classes, and nothing of the JDK or libraries. */
class ReachabilityTest {

  private static final String DESCRIPTOR = "(I)I";

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
  void recursionAndMutualRecursion_terminateAndAreFollowed() {
    Map<String, String> sources = Map.of(
        "p.Flow", """
            package p;
            public class Flow {
              public static int task(int n) { return fact(n) + Even.even(n); }
              static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
            }
            """,
        "p.Even", """
            package p;
            class Even {
              static int even(int n) { return n == 0 ? 1 : Odd.odd(n - 1); }
            }
            """,
        "p.Odd", """
            package p;
            class Odd {
              static int odd(int n) { return n == 0 ? 0 : Even.even(n - 1); }
            }
            """);
    HashCode before = fingerprint(sources);
    HashCode after =
        fingerprint(Map.of("p.Flow", sources.get("p.Flow"), "p.Even", sources.get("p.Even"),
            "p.Odd", edit(sources.get("p.Odd"), "? 0 :", "? -1 :")));

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void callChain2000Deep_doesNotOverflowTheStack_andReachesItsEnd() throws Exception {
    StringBuilder chain = new StringBuilder("package p;\npublic class Flow {\n");
    chain.append("  public static int task(int n) { return m0(n); }\n");
    for (int i = 0; i < 2_000; i++) {
      chain.append("  static int m").append(i).append("(int n) { return m").append(i + 1)
          .append("(n + 1); }\n");
    }
    chain.append("  static int m2000(int n) { return n * 7; }\n}\n");
    String deep = chain.toString();

    Class<?> before = javac.load("p.Flow", deep);
    Class<?> after = javac.load("p.Flow", edit(deep, "n * 7", "n * 8"));

    // A small stack: a walk recursing 2,000 calls deep would not fit in it.
    AtomicReference<Optional<HashCode>> fingerprintBefore = new AtomicReference<>();
    AtomicReference<Optional<HashCode>> fingerprintAfter = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      fingerprintBefore.set(CodeFingerprints.of(before, "task", DESCRIPTOR));
      fingerprintAfter.set(CodeFingerprints.of(after, "task", DESCRIPTOR));
    }, "small-stack", 256 * 1024);
    thread.start();
    thread.join();

    assertThat(fingerprintBefore.get()).isPresent();
    assertThat(fingerprintAfter.get()).isPresent();
    assertThat(fingerprintAfter.get()).isNotEqualTo(fingerprintBefore.get());
  }

  @Test
  void jdkCalls_countByReferenceOnly_theirClassFilesAreNeverRead() {
    Class<?> flow = javac.load("p.Flow", """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        public class Flow {
          public static int task(int n) {
            List<String> list = new ArrayList<>(List.of("a", "b"));
            list.add(String.valueOf(n).trim());
            return Math.max(list.size(), n) + list.hashCode();
          }
        }
        """);
    Fingerprinter fingerprinter = new Fingerprinter();

    assertThat(fingerprinter.method(flow, "task", DESCRIPTOR)).isPresent();
    assertThat(fingerprinter.classesParsed()).isEqualTo(1);
  }

  @Test
  void jdkMethodReplaced_differentFingerprint() {
    String flow = """
        package p;
        public class Flow {
          public static int task(int n) { return Math.max(n, 3); }
        }
        """;
    assertThat(fingerprint(Map.of("p.Flow", edit(flow, "max", "min"))))
        .isNotEqualTo(fingerprint(Map.of("p.Flow", flow)));
  }

  @Test
  void libraryInAnotherDirectory_countsByReferenceOnly() {
    String util = """
        package lib;
        public class Util {
          public static int f(int n) { return n + 1; }
          public static int g(int n) { return n + 1; }
        }
        """;
    String flow = """
        package p;
        public class Flow {
          public static int task(int n) { return lib.Util.f(n); }
        }
        """;
    Path lib1 = javac.compile(Map.of("lib.Util", util));
    Path lib2 = javac.compile(Map.of("lib.Util",
        edit(util, "f(int n) { return n + 1; }", "f(int n) { return n * 1000; }")));
    Path flowF = javac.compile(Map.of("p.Flow", flow), lib1);
    Path flowG = javac.compile(Map.of("p.Flow", edit(flow, "Util.f(", "Util.g(")), lib1);

    HashCode withLib1 = fingerprint(javac.loader(flowF, lib1));
    HashCode withLib2 = fingerprint(javac.loader(flowF, lib2));
    HashCode callingG = fingerprint(javac.loader(flowG, lib1));

    assertThat(withLib2).isEqualTo(withLib1); // the library's body changed: not ours
    assertThat(callingG).isNotEqualTo(withLib1); // we call another of its methods: ours
  }

  @Test
  void unknownMethod_isAnError() {
    Class<?> flow = javac.load("p.Flow", "package p;\npublic class Flow {}\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CodeFingerprints.of(flow, "task", DESCRIPTOR));
    assertThat(e).hasMessageThat().isEqualTo(
        "p.Flow declares no method task(I)I, nor do its superclasses in the same jar or directory");
  }

  private HashCode fingerprint(Map<String, String> sources) {
    return fingerprint(javac.load(sources));
  }

  private static HashCode fingerprint(ClassLoader loader) {
    try {
      Optional<HashCode> fingerprint =
          CodeFingerprints.of(Class.forName("p.Flow", false, loader), "task", DESCRIPTOR);
      return fingerprint.orElseThrow();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
