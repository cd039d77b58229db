package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.fingerprint.CodeFingerprintsTest.edit;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints of function objects, as code-built (FlowBuilder) tasks have. */
class FunctionFingerprintTest {

  private static final String TASKS = """
      package p;

      import java.io.Serializable;
      import java.util.function.BiPredicate;
      import java.util.function.Function;
      import java.util.function.IntUnaryOperator;
      import java.util.function.ToIntFunction;
      import java.util.function.UnaryOperator;

      public class Tasks {
        public interface SerialFunction<A, R> extends Function<A, R>, Serializable {}

        public static ToIntFunction<String> unique() { return s -> s.length() + 1; }
        public static IntUnaryOperator capturing(int k) { return n -> n + k; }
        public static UnaryOperator<String> ownReference() { return Tasks::twice; }
        public static BiPredicate<String, String> jdkReference() { return String::equals; }
        public static SerialFunction<String, Integer> serialA() { return s -> s.length() + 2; }
        public static SerialFunction<String, Integer> serialB() { return s -> s.length() + 3; }
        public static Function<String, String> plainA() { return s -> s + "a"; }
        public static Function<String, String> plainB() { return s -> s + "b"; }
        public static Function<String, Integer> anonymous() {
          return new Function<>() {
            @Override
            public Integer apply(String s) { return 7; }
          };
        }

        static String twice(String s) { return s + s; }
      }
      """;

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
  void sameSource_sameFingerprint_andLambdasDiffer() throws Exception {
    assertThat(fingerprint(TASKS, "unique")).isEqualTo(fingerprint(TASKS, "unique"));
    assertThat(fingerprint(TASKS, "serialA")).isEqualTo(fingerprint(TASKS, "serialA"));
    assertThat(fingerprint(TASKS, "serialA")).isNotEqualTo(fingerprint(TASKS, "serialB"));
  }

  @Test
  void lambdaMatchedByItsCallSite_bodyChanged_differentFingerprint() throws Exception {
    assertThat(fingerprint(edit(TASKS, "s.length() + 1", "s.length() - 1"), "unique"))
        .isNotEqualTo(fingerprint(TASKS, "unique"));
  }

  @Test
  void capturedValues_doNotCount() throws Exception {
    Class<?> tasks = javac.load("p.Tasks", TASKS);

    assertThat(CodeFingerprints.ofFunction(tasks.getMethod("capturing", int.class).invoke(null, 1)))
        .isEqualTo(
            CodeFingerprints.ofFunction(tasks.getMethod("capturing", int.class).invoke(null, 2)));
  }

  @Test
  void ownMethodReference_targetChanged_differentFingerprint() throws Exception {
    assertThat(fingerprint(edit(TASKS, "return s + s;", "return s + s + s;"), "ownReference"))
        .isNotEqualTo(fingerprint(TASKS, "ownReference"));
  }

  @Test
  void jdkMethodReference_retargeted_differentFingerprint() throws Exception {
    assertThat(fingerprint(edit(TASKS, "String::equals", "String::equalsIgnoreCase"),
            "jdkReference"))
        .isNotEqualTo(fingerprint(TASKS, "jdkReference"));
  }

  @Test
  void serializableLambda_isExact_anotherLambdasEditLeavesItAlone() throws Exception {
    String edited = edit(TASKS, "s.length() + 3", "s.length() + 4");

    assertThat(fingerprint(edited, "serialB")).isNotEqualTo(fingerprint(TASKS, "serialB"));
    assertThat(fingerprint(edited, "serialA")).isEqualTo(fingerprint(TASKS, "serialA"));
  }

  @Test
  void ambiguousPlainLambdas_anyEditInvalidatesBoth_neverStale() throws Exception {
    // plainA and plainB share interface, method and (no) captured types: their call sites
    // cannot be told apart from the lambda object, so both count for each.
    String edited = edit(TASKS, "s + \"b\"", "s + \"B\"");

    assertThat(fingerprint(edited, "plainB")).isNotEqualTo(fingerprint(TASKS, "plainB"));
    assertThat(fingerprint(edited, "plainA")).isNotEqualTo(fingerprint(TASKS, "plainA"));
  }

  @Test
  void anonymousClassInstance_bodyChanged_differentFingerprint() throws Exception {
    assertThat(fingerprint(edit(TASKS, "return 7;", "return 8;"), "anonymous"))
        .isNotEqualTo(fingerprint(TASKS, "anonymous"));
  }

  @Test
  void unrelatedEdit_leavesUniqueAndSerializableLambdasAlone() throws Exception {
    String edited = edit(TASKS, "static String twice(",
        "static Runnable unrelated() { return () -> {}; }\n  static String twice(");

    assertThat(fingerprint(edited, "unique")).isEqualTo(fingerprint(TASKS, "unique"));
    assertThat(fingerprint(edited, "serialA")).isEqualTo(fingerprint(TASKS, "serialA"));
  }

  private HashCode fingerprint(String source, String factory) throws Exception {
    Object function = javac.load("p.Tasks", source).getMethod(factory).invoke(null);
    return CodeFingerprints.ofFunction(function).orElseThrow();
  }
}
