package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code weft/uncacheable}: a warning, not an error, for a cached task whose value cannot be
 * written to the disk cache and read back. Nothing is said when the task opts out of caching, when
 * its value is data, or when the warning is suppressed with
 * {@code @SuppressWarnings("weft/uncacheable")}.
 */
class UncacheableWarningTest {
  private static final String FIX =
      " Set @Task(cache = false) to compute it on every run, or return data such as a List or a"
          + " record.";
  private static final String LIVE = "), not data.";

  /** Compiles {@code source}: a warning must not fail the build, and there must be just one. */
  private static Compilation compileValues(JavaFileObject source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    return compilation;
  }

  @Test
  void uncacheable_stream() {
    JavaFileObject source =
        source(
            "Values",
            "import java.util.stream.Stream;",
            "class Values {",
            "  @Task Stream<String> lines() { return Stream.of(\"a\"); }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'lines' returns java.util.stream.Stream<java.lang.String>,"
                + " which cannot be stored in the disk cache: it is a live resource or cursor (a"
                + " subtype of java.util.stream.BaseStream"
                + LIVE
                + FIX)
        .inFile(source)
        .onLineContaining("Stream<String> lines()");
  }

  @Test
  void uncacheable_iterator() {
    JavaFileObject source =
        source(
            "Values",
            "class Values {",
            "  @Task Iterator<String> rows() { return List.of(\"a\").iterator(); }",
            "}");

    Compilation compilation = compileValues(source);

    assertThat(compilation)
        .hadWarningContaining(
            "[weft/uncacheable] task 'rows' returns java.util.Iterator<java.lang.String>, which"
                + " cannot be stored in the disk cache: ")
        .inFile(source)
        .onLineContaining("Iterator<String> rows()");
    assertThat(compilation).hadWarningContaining("java.util.Iterator" + LIVE + FIX);
  }

  @Test
  void uncacheable_inputStream() {
    JavaFileObject source =
        source(
            "Values",
            "import java.io.*;",
            "class Values {",
            "  @Task InputStream body() { return new ByteArrayInputStream(new byte[0]); }",
            "}");

    Compilation compilation = compileValues(source);

    assertThat(compilation)
        .hadWarningContaining(
            "[weft/uncacheable] task 'body' returns java.io.InputStream, which cannot be stored in"
                + " the disk cache: ")
        .inFile(source)
        .onLineContaining("InputStream body()");
    assertThat(compilation).hadWarningContaining("java.io.InputStream" + LIVE + FIX);
  }

  @Test
  void uncacheable_namesTheLiveSupertype() {
    JavaFileObject source =
        source(
            "Values",
            "class Values {",
            "  @Task Iterator<String> rows() { return List.of(\"a\").iterator(); }",
            "}");

    assertThat(compile(source)).hadWarningContaining("(a subtype of java.util.Iterator" + LIVE);
  }

  @Test
  void uncacheable_object() {
    JavaFileObject source =
        source(
            "Values", //
            "class Values {",
            "  @Task Object anything() { return 1; }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'anything' returns java.lang.Object, which cannot be stored in"
                + " the disk cache: Object says nothing of the value's type, which reading it back"
                + " needs."
                + FIX)
        .inFile(source)
        .onLineContaining("Object anything()");
  }

  @Test
  void uncacheable_functionalInterface() {
    JavaFileObject source =
        source(
            "Values",
            "import java.util.function.Supplier;",
            "class Values {",
            "  @Task Supplier<String> later() { return () -> \"a\"; }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'later' returns java.util.function.Supplier<java.lang.String>,"
                + " which cannot be stored in the disk cache: it is a functional interface, whose"
                + " instances are code, not data."
                + FIX)
        .inFile(source)
        .onLineContaining("Supplier<String> later()");
  }

  @Test
  void uncacheable_userFunctionalInterface_whenDeclaredAsSuch() {
    JavaFileObject source =
        source(
            "Values",
            "class Values {",
            "  @FunctionalInterface interface Rule { boolean test(String s); }",
            "  @Task Rule rule() { return s -> true; }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'rule' returns test.Values.Rule, which cannot be stored in the"
                + " disk cache: it is a functional interface, whose instances are code, not data."
                + FIX)
        .inFile(source)
        .onLineContaining("Rule rule()");
  }

  @Test
  void noWarning_forAnInterfaceWithOneMethodThatRecordsImplement() {
    assertThat(
            compile(
                source(
                    "Values",
                    "class Values {",
                    // Functional to javac, but data: nothing declares it code.
                    "  interface Named { String name(); }",
                    "  record Person(String name) implements Named {}",
                    "  @Task Named named() { return new Person(\"a\"); }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void uncacheable_asyncWildcard_namesTheDeclaredTypeAndTheValue() {
    JavaFileObject source =
        source(
            "Values",
            "import java.util.concurrent.CompletableFuture;",
            "class Values {",
            "  @Task CompletableFuture<?> anything() {",
            "    return CompletableFuture.completedFuture(1);",
            "  }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'anything' returns java.util.concurrent.CompletableFuture<?>,"
                + " whose value java.lang.Object cannot be stored in the disk cache: Object says"
                + " nothing of the value's type, which reading it back needs."
                + FIX)
        .inFile(source)
        .onLineContaining("CompletableFuture<?> anything()");
  }

  @Test
  void noWarning_whenSuppressedOnTheMethod() {
    assertThat(
            compile(
                source(
                    "Values",
                    "class Values {",
                    "  @SuppressWarnings(\"weft/uncacheable\")",
                    "  @Task Object anything() { return 1; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noWarning_whenSuppressedOnAnEnclosingClass() {
    assertThat(
            compile(
                source(
                    "Values",
                    "@SuppressWarnings({\"unused\", \"weft/uncacheable\"})",
                    "class Values {",
                    "  static class Inner {",
                    "    @Task Object anything() { return 1; }",
                    "  }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void uncacheable_thread() {
    JavaFileObject source =
        source(
            "Values", //
            "class Values {",
            "  @Task Thread worker() { return new Thread(() -> {}); }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'worker' returns java.lang.Thread, which cannot be stored in"
                + " the disk cache: it is a live resource or cursor (a subtype of java.lang.Thread"
                + LIVE
                + FIX)
        .inFile(source)
        .onLineContaining("Thread worker()");
  }

  @Test
  void uncacheable_asyncValueIsUnwrapped() {
    JavaFileObject source =
        source(
            "Values",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.stream.Stream;",
            "class Values {",
            "  @Task CompletableFuture<Stream<String>> lines() {",
            "    return CompletableFuture.completedFuture(Stream.of(\"a\"));",
            "  }",
            "}");

    assertThat(compileValues(source))
        .hadWarningContaining(
            "[weft/uncacheable] task 'lines' returns java.util.concurrent.CompletableFuture<"
                + "java.util.stream.Stream<java.lang.String>>, whose value java.util.stream.Stream<java.lang.String> cannot be stored in the"
                + " disk cache: it is a live resource or cursor (a subtype of"
                + " java.util.stream.BaseStream"
                + LIVE
                + FIX)
        .inFile(source)
        .onLineContaining("CompletableFuture<Stream<String>> lines()");
  }

  @Test
  void noWarning_whenCacheIsOff() {
    assertThat(
            compile(
                source(
                    "Values",
                    "import java.util.function.Supplier;",
                    "import java.util.stream.Stream;",
                    "class Values {",
                    "  @Task(cache = false) Stream<String> lines() { return Stream.of(\"a\"); }",
                    "  @Task(cache = false) Object anything() { return 1; }",
                    "  @Task(cache = false) Supplier<String> later() { return () -> \"a\"; }",
                    "  @Task(cache = false) Thread worker() { return new Thread(() -> {}); }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noWarning_forDataTypes() {
    assertThat(
            compile(
                source(
                    "Values",
                    "import java.util.concurrent.CompletableFuture;",
                    "class Values {",
                    "  record Row(String name, int count) {}",
                    "  @Task List<String> lines() { return List.of(); }",
                    "  @Task Iterable<String> words() { return List.of(); }",
                    "  @Task Comparable<String> smallest() { return \"a\"; }",
                    "  @Task Map<String, Integer> counts() { return Map.of(); }",
                    "  @Task Row row() { return new Row(\"a\", 1); }",
                    "  @Task int count() { return 1; }",
                    "  @Task void touch() {}",
                    "  @Task CompletableFuture<String> page() {",
                    "    return CompletableFuture.completedFuture(\"\");",
                    "  }",
                    "}")))
        .succeededWithoutWarnings();
  }
}
