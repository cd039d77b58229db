package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Fan-out with {@code @Each}: {@code weft/each-source}, {@code weft/each-type} and
 * {@code weft/each-count}.
 */
class EachDiagnosticsTest {

  @Test
  void eachSource_taskValueNotACollection_pointsAtTheValue() {
    JavaFileObject source =
        source(
            "Text",
            "class Text {",
            "  @Task String text() { return \"\"; }",
            "  @Task int code(",
            "      @Each(\"text\")",
            "      char c) {",
            "    return c;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/each-source] @Each(\"text\") of code(...) fans out over task 'text', whose type"
                + " java.lang.String is not a Collection. Make 'text' a List, Set or other"
                + " Collection, or fan out over another task.")
        .inFile(source)
        .onLineContaining("@Each(\"text\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void eachSource_inputNotACollection_namesTheInput() {
    JavaFileObject source =
        source(
            "Text",
            "class Text {",
            "  @Task Map<String, Integer> index(@Input Map<String, Integer> counts) {",
            "    return counts;",
            "  }",
            "  @Task int total(",
            "      @Each(\"counts\")",
            "      Integer count) {",
            "    return count;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/each-source] @Each(\"counts\") of total(...) fans out over input 'counts', whose"
                + " type java.util.Map<java.lang.String,java.lang.Integer> is not a Collection.")
        .inFile(source)
        .onLineContaining("@Each(\"counts\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void eachType_elementDoesNotFit_pointsAtTheParameter() {
    JavaFileObject source =
        source(
            "Files",
            "class Files {",
            "  @Task List<String> files() { return List.of(); }",
            "  @Task int size(",
            "      @Each(\"files\")",
            "      Integer file) {",
            "    return file;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/each-type] parameter 'file' of size(...) has type java.lang.Integer, but the"
                + " elements of task 'files' are java.lang.String, which is not assignable to it."
                + " Change the parameter's type to java.lang.String.")
        .inFile(source)
        .onLineContaining("Integer file");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void eachType_superWildcard_elementsAreOnlyObjects() {
    JavaFileObject source =
        source(
            "Nums",
            "class Nums {",
            "  @Task List<? super Integer> sink() { return new ArrayList<Number>(); }",
            "  @Task int twice(@Each(\"sink\") Integer n) { return 2 * n; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/each-type] parameter 'n' of twice(...) has type java.lang.Integer, but the"
                + " elements of task 'sink' are java.lang.Object")
        .inFile(source)
        .onLineContaining("Integer n)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void each_extendsWildcardFeedingSupertype_compiles() {
    assertThat(
            compile(
                source(
                    "Nums",
                    "class Nums {",
                    "  @Task List<? extends Integer> nums() { return List.of(1, 2); }",
                    "  @Task int twice(@Each(\"nums\") Number n) { return 2 * n.intValue(); }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void each_boxedElementsIntoPrimitiveAndSetSource_compiles() {
    assertThat(
            compile(
                source(
                    "Nums",
                    "class Nums {",
                    "  @Task Set<Integer> nums() { return Set.of(1, 2); }",
                    "  @Task long twice(@Each(\"nums\") long n) { return 2 * n; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void eachCount_twoEachParameters_pointsAtTheSecond() {
    JavaFileObject source =
        source(
            "Pairs",
            "class Pairs {",
            "  @Task List<Integer> xs() { return List.of(); }",
            "  @Task List<Integer> ys() { return List.of(); }",
            "  @Task int sum(",
            "      @Each(\"xs\") int x,",
            "      @Each(\"ys\") int y) {",
            "    return x + y;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/each-count] task 'sum' has a second @Each parameter 'y'; a task fans out over"
                + " one collection. Combine the collections in an upstream task, or split this"
                + " task in two.")
        .inFile(source)
        .onLineContaining("@Each(\"ys\")");
    assertThat(compilation).hadErrorCount(1);
  }
}
