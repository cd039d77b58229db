package dev.weft.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.messages;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The annotations of one parameter: {@code weft/conflicting-annotations} and
 * {@code weft/not-a-task}.
 */
class ParameterDiagnosticsTest {
  private static final String CONFLICT_RULE =
      "; a parameter reads one thing. Keep @Input for a value supplied to the run, @From for"
          + " another task's value, or @Each for one element of a collection.";

  @Test
  void conflictingAnnotations_inputAndFrom_pointsAtTheSecondAnnotation() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task int top(",
            "      @Input",
            "      @From(\"limit\")",
            "      int limit) {",
            "    return limit;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/conflicting-annotations] parameter 'limit' of top(...) carries @Input and @From"
                + CONFLICT_RULE)
        .inFile(source)
        .onLineContaining("@From(\"limit\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void conflictingAnnotations_allThree_reportedOnce() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task List<Integer> limits() { return List.of(); }",
            "  @Task int top(",
            "      @Each(\"limits\")",
            "      @Input",
            "      @From(\"limits\")",
            "      int limit) {",
            "    return limit;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/conflicting-annotations] parameter 'limit' of top(...) carries @Each, @Input"
                + " and @From"
                + CONFLICT_RULE)
        .inFile(source)
        .onLineContaining("@Input");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void notATask_eachAnnotationOnAPlainMethod() {
    JavaFileObject source =
        source(
            "Helpers",
            "class Helpers {",
            "  int limited(",
            "      @Input int limit,",
            "      @From(\"source\") int from,",
            "      @Each(\"items\") int item) {",
            "    return limit + from + item;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/not-a-task] @Input on parameter 'limit' of limited(...) has no effect, because"
                + " only task parameters are read from the graph; annotate limited(...) with @Task,"
                + " or remove @Input.")
        .inFile(source)
        .onLineContaining("@Input int limit");
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/not-a-task] @From on parameter 'from' of limited(...) has no effect, because"
                + " only task parameters are read from the graph; annotate limited(...) with @Task,"
                + " or remove @From.")
        .inFile(source)
        .onLineContaining("@From(\"source\") int from");
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/not-a-task] @Each on parameter 'item' of limited(...) has no effect, because"
                + " only task parameters are read from the graph; annotate limited(...) with @Task,"
                + " or remove @Each.")
        .inFile(source)
        .onLineContaining("@Each(\"items\") int item");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void notATask_beside_tasksOfTheSameClass() {
    JavaFileObject source =
        source(
            "Mixed",
            "class Mixed {",
            "  @Task int limit() { return 3; }",
            "  int helper(@From(\"limit\") int value) { return value; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("[weft/not-a-task] @From on parameter 'value' of helper(...) has no effect")
        .inFile(source)
        .onLineContaining("int helper(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void notATask_constructorParameter() {
    JavaFileObject source =
        source(
            "Client",
            "class Client {",
            "  Client(",
            "      @Input String url) {}",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weft/not-a-task] @Input on parameter 'url' of ")
        .inFile(source)
        .onLineContaining("@Input String url");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void notATask_constructorParameter_namesTheConstructor() {
    Compilation compilation =
        compile(
            source(
                "Client", //
                "class Client {",
                "  Client(@Input String url) {}",
                "}"));

    assertThat(compilation).hadErrorContaining("[weft/not-a-task]");
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0)).doesNotContain("<init>");
  }
}
