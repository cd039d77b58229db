package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code weft/type-mismatch}: a producer's value must be assignable to the parameter reading it,
 * as the argument of a method call would be — no more strictly, no more loosely.
 */
class TypeMismatchDiagnosticsTest {

  @Test
  void typeMismatch_stringTaskFeedingIntegerParameter_namesBothTypes() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task String text() { return \"\"; }",
            "  @Task int length(Integer text) { return text; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/type-mismatch] parameter 'text' of length(...) has type java.lang.Integer, but"
                + " task 'text' produces java.lang.String, which is not assignable to it. Change"
                + " the parameter's type to java.lang.String, or read another task with @From.")
        .inFile(source)
        .onLineContaining("Integer text");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void typeMismatch_inputReadByPlainParameterOfWrongType_namesTheInput() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task int top(@Input int limit) { return limit; }",
            "  @Task String label(String limit) { return limit; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/type-mismatch] parameter 'limit' of label(...) has type java.lang.String, but"
                + " input 'limit' has type java.lang.Integer, which is not assignable to it."
                + " Change the parameter's type to java.lang.Integer, or read another task with"
                + " @From.")
        .inFile(source)
        .onLineContaining("String label(String limit)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void typeMismatch_fromParameter_pointsAtTheParameter() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(",
            "      @From(\"lines\")",
            "      Set<String> unique) {",
            "    return unique.size();",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/type-mismatch] parameter 'unique' of total(...) has type"
                + " java.util.Set<java.lang.String>, but task 'lines' produces"
                + " java.util.List<java.lang.String>, which is not assignable to it.")
        .inFile(source)
        .onLineContaining("Set<String> unique");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void typeMismatch_fanOutTaskProducesAList() {
    JavaFileObject source =
        source(
            "Files",
            "class Files {",
            "  @Task List<String> files() { return List.of(); }",
            "  @Task int size(@Each(\"files\") String file) { return file.length(); }",
            "  @Task int total(int size) { return size; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/type-mismatch] parameter 'size' of total(...) has type int, but task 'size'"
                + " produces java.util.List<java.lang.Integer>, which is not assignable to it.")
        .inFile(source)
        .onLineContaining("int total(int size)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void typeMismatch_longFeedingInt_narrowingIsRejected() {
    JavaFileObject source =
        source(
            "Sizes",
            "class Sizes {",
            "  @Task long bytes() { return 1L; }",
            "  @Task int half(int bytes) { return bytes / 2; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/type-mismatch] parameter 'bytes' of half(...) has type int, but task 'bytes'"
                + " produces java.lang.Long, which is not assignable to it.")
        .inFile(source)
        .onLineContaining("int half(int bytes)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noMismatch_arrayListOfStringFeedingCollectionOfWildcard() {
    assertThat(
            compile(
                source(
                    "Words",
                    "class Words {",
                    "  @Task ArrayList<String> lines() { return new ArrayList<>(); }",
                    "  @Task int total(Collection<? extends CharSequence> lines) {",
                    "    return lines.size();",
                    "  }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noMismatch_intFeedingInteger_boxing() {
    assertThat(
            compile(
                source(
                    "Counts",
                    "class Counts {",
                    "  @Task int count() { return 1; }",
                    "  @Task String label(Integer count) { return \"n=\" + count; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noMismatch_integerFeedingInt_unboxing() {
    assertThat(
            compile(
                source(
                    "Counts",
                    "class Counts {",
                    "  @Task Integer count() { return 1; }",
                    "  @Task int twice(int count) { return 2 * count; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noMismatch_intFeedingLong_unboxingThenWidening() {
    assertThat(
            compile(
                source(
                    "Counts",
                    "class Counts {",
                    "  @Task int count() { return 1; }",
                    "  @Task long twice(long count) { return 2 * count; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void noMismatch_completableFutureFeedsItsValue() {
    assertThat(
            compile(
                source(
                    "Async",
                    "import java.util.concurrent.CompletableFuture;",
                    "class Async {",
                    "  @Task CompletableFuture<String> page() {",
                    "    return CompletableFuture.completedFuture(\"\");",
                    "  }",
                    "  @Task int length(String page) { return page.length(); }",
                    "}")))
        .succeededWithoutWarnings();
  }
}
