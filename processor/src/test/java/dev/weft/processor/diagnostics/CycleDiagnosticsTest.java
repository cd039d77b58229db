package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code weft/cycle}: one error per cycle, printed as the path of tasks it runs through. */
class CycleDiagnosticsTest {
  private static final String RULE =
      " (each task reads the one before it). A task can only read tasks that do not read it back;"
          + " remove one of these dependencies.";

  @Test
  void cycle_threeTasks_printedAsPathAndReportedOnce() {
    JavaFileObject source =
        source(
            "Loop",
            "class Loop {",
            "  @Task int a(int c) { return c; }",
            "  @Task int b(int a) { return a; }",
            "  @Task int c(int b) { return b; }",
            "  @Task int reader(int c) { return c; }", // reads the cycle without being on it
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/cycle] tasks of Loop depend on each other in a cycle: a -> b -> c -> a" + RULE)
        .inFile(source)
        .onLineContaining("int a(int c)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cycle_selfLoop_printedAsPathFromTheTaskToItself() {
    JavaFileObject source =
        source(
            "Self", //
            "class Self {",
            "  @Task int depth(int depth) { return depth + 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/cycle] task 'depth' of Self reads its own value: depth -> depth. A task cannot"
                + " read itself; read another task, or an input with @Input.")
        .inFile(source)
        .onLineContaining("int depth(int depth)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cycle_throughFrom_pointsAtTheAnnotationValue() {
    JavaFileObject source =
        source(
            "Report",
            "class Report {",
            "  @Task int total(",
            "      @From(\"report\")",
            "      String summary) {",
            "    return summary.length();",
            "  }",
            "  @Task String report(int total) { return \"n=\" + total; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/cycle] tasks of Report depend on each other in a cycle:"
                + " total -> report -> total"
                + RULE)
        .inFile(source)
        .onLineContaining("@From(\"report\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cycle_twoSeparateCycles_oneErrorEach() {
    JavaFileObject source =
        source(
            "Twice",
            "class Twice {",
            "  @Task int a(int b) { return b; }",
            "  @Task int b(int a) { return a; }",
            "  @Task int x(int y) { return y; }",
            "  @Task int y(int x) { return x; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weft/cycle] tasks of Twice depend on each other in a cycle: a -> b -> a")
        .inFile(source)
        .onLineContaining("int a(int b)");
    assertThat(compilation)
        .hadErrorContaining("[weft/cycle] tasks of Twice depend on each other in a cycle: x -> y -> x")
        .inFile(source)
        .onLineContaining("int x(int y)");
    assertThat(compilation).hadErrorCount(2);
  }
}
