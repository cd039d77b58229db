package dev.weft.engine.caching;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code fingerprint in the cache key: three builds of one class, each compiled into its own
 * directory and loaded by its own class loader, as three builds of a project would be. A
 * reformatted copy with comments and an extra method hits the cache; a copy whose private helper
 * computes something else executes with reason {@code code changed}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CodeChangeTest {
  private static final String CLASS = "weftcodegen.Pipeline";

  /** Version A: the task's lambda calls a private static helper. */
  static final String A = """
      package weftcodegen;

      import com.google.common.reflect.TypeToken;
      import dev.weft.engine.Flow;
      import dev.weft.engine.FlowBuilder;
      import dev.weft.engine.Key;

      public final class Pipeline {
        public static Object[] build() {
          FlowBuilder b = Flow.builder("caching-code");
          Key<Integer> x = b.input("x", Integer.class);
          Key<Integer> scaled = b.task("scaled", TypeToken.of(Integer.class), v -> scale(v), x);
          String mark = String.valueOf('#'); // captured: its lambda differs in shape from scale's
          Key<String> label = b.task("label", TypeToken.of(String.class), s -> mark + s, scaled);
          return new Object[] {b.build(), x, scaled, label};
        }

        private static int scale(int v) {
          int doubled = v * 2;
          return doubled + v + 1;
        }
      }
      """;

  /** Version B: A reformatted, commented, with blank lines and an unrelated extra method. */
  static final String B = """
      package weftcodegen;

      import com.google.common.reflect.TypeToken;
      import dev.weft.engine.Flow;
      import dev.weft.engine.FlowBuilder;
      import dev.weft.engine.Key;

      /** The same pipeline, laid out differently. */
      public final class Pipeline
      {


        // Builds the flow; nothing here changed but the layout.
        public static Object[] build()
        {
          FlowBuilder b =
              Flow.builder("caching-code");   // same name as before

          Key<Integer> x =
              b.input("x", Integer.class);

          /* the task under test */
          Key<Integer> scaled = b.task(
              "scaled",
              TypeToken.of(Integer.class),
              v -> scale(v),
              x);
          String mark =
              String.valueOf('#');
          Key<String> label = b.task("label",
              TypeToken.of(String.class),
              s -> mark + s,
              scaled);


          return new Object[] {
              b.build(), x, scaled, label
          };
        }

        /** An unrelated method nobody calls. */
        static String unrelated(String s) {
          return s.trim() + s.length();
        }

        private static int scale(int v)
        {
          // a comment inside the helper
          int doubled =
              v * 2;

          return doubled + v + 1;   // same arithmetic
        }
      }
      """;

  /** Version C: A with the helper computing something else. */
  static final String C = A.replace("return doubled + v + 1;", "return doubled + v + 2;");

  @TempDir Path temp;
  private final List<URLClassLoader> loaders = new ArrayList<>();
  private int builds;

  @AfterEach
  void closeLoaders() throws IOException {
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  @Test
  void oneWeft_memoryTier_reformattedCopyHits_helperEditInvalidates() throws Exception {
    Built a = build(A);
    Built b = build(B);
    Built c = build(C);
    assertThat(C).isNotEqualTo(A);
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult first = Results.run(weft, a.flow, Inputs.of(a.x, 5), a.label);
      assertThat(Results.executed(first)).containsExactly("scaled", "label");
      assertThat(first.get(a.label)).isEqualTo("#16");

      RunResult reformatted = Results.run(weft, b.flow, Inputs.of(b.x, 5), b.label);
      assertWithMessage("%s", reformatted.tasks()).that(Results.statuses(reformatted))
          .containsExactly("label", Status.MEMORY_HIT);
      assertThat(reformatted.get(b.label)).isEqualTo("#16");
      RunResult reformattedScaled = Results.run(weft, b.flow, Inputs.of(b.x, 5), b.scaled);
      assertThat(Results.statuses(reformattedScaled))
          .containsExactly("scaled", Status.MEMORY_HIT);

      RunResult edited = Results.run(weft, c.flow, Inputs.of(c.x, 5), c.label);
      assertWithMessage("%s", edited.tasks()).that(Results.statuses(edited))
          .containsExactly("scaled", Status.EXECUTED, "label", Status.EXECUTED).inOrder();
      assertThat(edited.outcome("scaled").reason()).isEqualTo("code changed");
      assertThat(edited.outcome("label").reason()).isEqualTo("upstream 'scaled' changed");
      assertThat(edited.get(c.label)).isEqualTo("#17");

      // Version A's entries are still there: going back hits.
      RunResult back = Results.run(weft, a.flow, Inputs.of(a.x, 5), a.label);
      assertThat(Results.statuses(back)).containsExactly("label", Status.MEMORY_HIT);
    }
  }

  @Test
  void cacheDir_eachBuildInItsOwnWeft_reformattedCopyHitsOnDisk_helperEditInvalidates()
      throws Exception {
    Path dir = temp.resolve("cache");
    Built a = build(A);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      assertThat(Results.executed(Results.run(weft, a.flow, Inputs.of(a.x, 7), a.label)))
          .containsExactly("scaled", "label");
    }
    Built b = build(B);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult reformatted = Results.run(weft, b.flow, Inputs.of(b.x, 7), b.scaled, b.label);
      assertWithMessage("%s", reformatted.tasks()).that(Results.statuses(reformatted))
          .containsExactly("scaled", Status.DISK_HIT, "label", Status.DISK_HIT);
      assertThat(reformatted.get(b.label)).isEqualTo("#22");
    }
    Built c = build(C);
    try (Weft weft = Weft.builder().parallelism(2).cacheDir(dir).build()) {
      RunResult edited = Results.run(weft, c.flow, Inputs.of(c.x, 7), c.label);
      assertWithMessage("%s", edited.tasks()).that(Results.statuses(edited))
          .containsExactly("scaled", Status.EXECUTED, "label", Status.EXECUTED).inOrder();
      assertThat(edited.outcome("scaled").reason()).isEqualTo("code changed");
      assertThat(edited.get(c.label)).isEqualTo("#23");
    }
  }

  /** One build of the pipeline class: its flow and keys. */
  @SuppressWarnings("unchecked")
  private record Built(Flow flow, Key<Integer> x, Key<Integer> scaled, Key<String> label) {
    static Built of(Object[] parts) {
      return new Built((Flow) parts[0], (Key<Integer>) parts[1], (Key<Integer>) parts[2],
          (Key<String>) parts[3]);
    }
  }

  /** Compiles {@code source} into a directory of its own, loads it alone, builds its flow. */
  private Built build(String source) throws Exception {
    Path out = temp.resolve("build" + ++builds);
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-g", "-proc:none", "-d", out.toString(),
        "-cp", compileClassPath());
    boolean ok = javac.getTask(null, null, diagnostics, options, null,
        List.of(new Source(CLASS, source))).call();
    assertWithMessage("javac: %s", diagnostics.getDiagnostics()).that(ok).isTrue();
    URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        CodeChangeTest.class.getClassLoader());
    loaders.add(loader);
    Class<?> pipeline = Class.forName(CLASS, true, loader);
    assertThat(pipeline.getClassLoader()).isSameInstanceAs(loader);
    return Built.of((Object[]) pipeline.getMethod("build").invoke(null));
  }

  /** The test's class path, plus the places of the classes the source names. */
  private static String compileClassPath() throws URISyntaxException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(FlowBuilder.class, TypeToken.class)) {
      entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString());
    }
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
