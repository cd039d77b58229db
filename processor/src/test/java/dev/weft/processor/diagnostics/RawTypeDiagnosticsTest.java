package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code weft/raw-type}: a key carries its value's full type, so a task's value and an input may
 * not be or contain a raw type. Raw types elsewhere — a plain parameter reading a key — are
 * javac's business.
 */
class RawTypeDiagnosticsTest {

  @Test
  void rawType_taskReturnsRawType_pointsAtTheTask() {
    JavaFileObject source =
        source(
            "Raw",
            "class Raw {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Task List raw() { return List.of(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/raw-type] task 'raw' returns the raw type java.util.List; a key needs the full"
                + " type. Give List its type arguments, such as List<String>.")
        .inFile(source)
        .onLineContaining("List raw()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rawType_inATypeArgument_namesTheRawPart() {
    JavaFileObject source =
        source(
            "Raw",
            "class Raw {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Task Set<Map> maps() { return Set.of(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/raw-type] task 'maps' returns java.util.Set<java.util.Map>, which contains the"
                + " raw type java.util.Map; a key needs the full type. Give Map its type"
                + " arguments, such as Map<String, String>.")
        .inFile(source)
        .onLineContaining("Set<Map> maps()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rawType_asyncTask_rawCompletableFuture() {
    JavaFileObject source =
        source(
            "Raw",
            "import java.util.concurrent.CompletableFuture;",
            "class Raw {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Task CompletableFuture later() { return CompletableFuture.completedFuture(1); }",
            "}");

    Compilation compilation = compile(source);

    // One error, not also weft/uncacheable for the Object a raw CompletableFuture completes with.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/raw-type] task 'later' returns the raw type"
                + " java.util.concurrent.CompletableFuture; a key needs the full type. Give"
                + " CompletableFuture its type arguments, such as CompletableFuture<String>.")
        .inFile(source)
        .onLineContaining("CompletableFuture later()");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void rawType_input_pointsAtTheParameter() {
    JavaFileObject source =
        source(
            "Raw",
            "class Raw {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Task int size(",
            "      @Input Map.Entry entry) {",
            "    return 1;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/raw-type] input 'entry' of size(...) has the raw type java.util.Map.Entry; a key"
                + " needs the full type. Give Map.Entry its type arguments, such as"
                + " Map.Entry<String, String>.")
        .inFile(source)
        .onLineContaining("@Input Map.Entry entry");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rawType_boundedTypeParameter_suggestsAWildcard() {
    JavaFileObject source =
        source(
            "Raw",
            "class Raw {",
            "  static class Node<N extends Number> {}",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Task int size(@Input List<Node> nodes) { return nodes.size(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/raw-type] input 'nodes' of size(...) has type java.util.List<test.Raw.Node>,"
                + " which contains the raw type test.Raw.Node; a key needs the full type. Give"
                + " Raw.Node its type arguments, such as Raw.Node<?>.")
        .inFile(source)
        .onLineContaining("List<Node> nodes");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noError_rawPlainParameterReadingAFullType() {
    assertThat(
            compile(
                source(
                    "Lines",
                    "class Lines {",
                    "  @Task List<String> lines() { return List.of(); }",
                    "  @SuppressWarnings(\"rawtypes\")",
                    "  @Task int count(List lines) { return lines.size(); }",
                    "}")))
        .succeededWithoutWarnings();
  }
}
