package dev.weft.engine.fingerprint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.truth.Truth.assertThat;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changes a task method's fingerprint and what does not: each test compiles two versions
 * of a small project into two directories and class loaders, and compares.
 */
class CodeFingerprintsTest {

  static final String FLOW = """
      package p;

      import java.util.Comparator;
      import java.util.List;
      import java.util.stream.Collectors;

      public class Flow {
        static final String SEPARATOR = ",";

        public String task(String input) {
          String trimmed = input.trim();
          List<String> words = List.of(trimmed.split(" "));
          if (words.size() > 100) {
            return "too many";
          }
          Comparator<String> order = new Comparator<>() {
            @Override
            public int compare(String a, String b) {
              return Integer.compare(a.length(), b.length());
            }
          };
          String joined = words.stream()
              .sorted(order)
              .map(w -> w.toUpperCase())
              .map(Flow::shout)
              .map(String::trim)
              .collect(Collectors.joining(SEPARATOR));
          return joined + helper(words.size()) + words.size() * 3L + words.size() * 1.5;
        }

        private static String helper(int n) {
          return Format.count(n);
        }

        static String shout(String s) {
          return s + "!";
        }

        static String whisper(String s) {
          return s + ".";
        }
      }
      """;

  static final String FORMAT = """
      package p;

      final class Format {
        static String count(int n) {
          return "#" + Math.abs(n);
        }
      }
      """;

  // FLOW reformatted, commented, with blank lines that move every line number, and with every
  // local variable and parameter renamed.
  private static final String FLOW_REFORMATTED = """
      package p;
      import java.util.Comparator;
      import java.util.List;
      import java.util.stream.Collectors;
      /** A flow. */
      public class Flow {


        static final String SEPARATOR = ","; // the separator

        /** The task. */
        public String task(String text) {
          // Trim first.
          String t = input(text);
          List<String> list =
              List.of(t.split(" "));
          if (list.size() > 100) { return "too many"; }
          Comparator<String> byLength = new Comparator<>() {
            @Override public int compare(String x, String y) {
              return Integer.compare(x.length(), y.length()); } };

          /* Then join. */
          String result = list.stream().sorted(byLength).map(word -> word.toUpperCase())
              .map(Flow::shout).map(String::trim).collect(Collectors.joining(SEPARATOR));
          return result + helper(list.size())
              + list.size() * 3L
              + list.size() * 1.5;
        }
        private static String helper(int count) { return Format.count(count); }
        static String shout(String value) { return value + "!"; }
        static String whisper(String value) { return value + "."; }
      }
      """.replace("input(text)", "text.trim()");

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
  void sameSource_sameFingerprint() {
    assertThat(fingerprint(FLOW, FORMAT)).isEqualTo(fingerprint(FLOW, FORMAT));
  }

  @Test
  void reformattedCommentedAndRenamedLocals_sameFingerprint() throws IOException {
    HashCode original = fingerprint(FLOW, FORMAT);
    HashCode reformatted = fingerprint(FLOW_REFORMATTED, FORMAT);

    // The class files do differ (line numbers, local variable names): only the fingerprint not.
    assertThat(Files.readAllBytes(dir.resolve("v1/p/Flow.class")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("v2/p/Flow.class")));
    assertThat(reformatted).isEqualTo(original);
  }

  @Test
  void unrelatedMembersAdded_sameFingerprint() {
    // A lambda and an anonymous class before the task renumber the task's own (lambda$task$0
    // becomes lambda$task$1, Flow$1 becomes Flow$2): the numbers do not count.
    String added = edit(FLOW, "  public String task(", """
          private int counter;

          public Runnable unrelated() {
            Object named = new Object() {
              @Override
              public String toString() {
                return "anonymous";
              }
            };
            return () -> System.out.println(named);
          }

          public String task(""");
    added = edit(added, "  static String whisper(",
        "  int other() { return 42; }\n  static String whisper(");

    assertThat(fingerprint(added, FORMAT)).isEqualTo(fingerprint(FLOW, FORMAT));
  }

  @Test
  void taskBodyChanged_differentFingerprint() {
    assertChanges(FLOW, "helper(words.size())", "helper(words.size() - 1)");
  }

  @Test
  void calledPrivateHelperChanged_differentFingerprint() {
    assertChanges(FLOW, "return Format.count(n);", "return Format.count(n).strip();");
  }

  @Test
  void helperTwoCallsAwayInAnotherClassChanged_differentFingerprint() {
    HashCode before = fingerprint(FLOW, FORMAT);
    HashCode after = fingerprint(FLOW, edit(FORMAT, "Math.abs(n)", "Math.abs(n + 1)"));

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void lambdaBodyChanged_differentFingerprint() {
    assertChanges(FLOW, "w.toUpperCase()", "w.toLowerCase()");
  }

  @Test
  void anonymousClassBodyChanged_differentFingerprint() {
    assertChanges(FLOW, "Integer.compare(a.length(), b.length())", "a.compareTo(b)");
  }

  @Test
  void methodReferenceRetargeted_differentFingerprint() {
    assertChanges(FLOW, ".map(Flow::shout)", ".map(Flow::whisper)");
  }

  @Test
  void methodReferenceTargetBodyChanged_differentFingerprint() {
    assertChanges(FLOW, "return s + \"!\";", "return s + \"!!\";");
  }

  @Test
  void jdkMethodReferenceRetargeted_differentFingerprint() {
    assertChanges(FLOW, ".map(String::trim)", ".map(String::strip)");
  }

  @Test
  void constantsChanged_differentFingerprint() {
    assertChanges(FLOW, "\"too many\"", "\"too many!\""); // a string
    assertChanges(FLOW, "> 100", "> 101"); // an int operand
    assertChanges(FLOW, "3L", "4L"); // a long constant
    assertChanges(FLOW, "1.5", "2.5"); // a double constant
    assertChanges(FLOW, "split(\" \")", "split(\"  \")");
    // A compile-time constant: javac copies its value into the task, which changes with it.
    assertChanges(FLOW, "SEPARATOR = \",\"", "SEPARATOR = \";\"");
  }

  @Test
  void jdkCallReplaced_differentFingerprint() {
    assertChanges(FLOW, "input.trim()", "input.strip()");
  }

  private void assertChanges(String flow, String from, String to) {
    HashCode before = fingerprint(flow, FORMAT);
    HashCode after = fingerprint(edit(flow, from, to), FORMAT);

    assertThat(after).isNotEqualTo(before);
  }

  private HashCode fingerprint(String flow, String format) {
    Class<?> type = javac.load("p.Flow", Map.of("p.Flow", flow, "p.Format", format));
    return CodeFingerprints.of(type, "task", "(Ljava/lang/String;)Ljava/lang/String;")
        .orElseThrow();
  }

  /** Replaces every occurrence, failing if there is none: an edit that misses proves nothing. */
  static String edit(String source, String from, String to) {
    checkArgument(source.contains(from), "no %s in the source", from);
    return source.replace(from, to);
  }
}
