package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is checked of one task method alone: {@code weft/private-task}, {@code weft/abstract-task},
 * {@code weft/generic-task}, {@code weft/timeout}, {@code weft/retries} and {@code weft/limits}.
 */
class MethodDiagnosticsTest {

  @Test
  void privateTask() {
    JavaFileObject source =
        source(
            "Secrets",
            "class Secrets {",
            "  @Task private int secret() { return 42; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/private-task] task method secret(...) is private; the generated flow calls it"
                + " from outside the class. Make it package-private, protected or public.")
        .inFile(source)
        .onLineContaining("private int secret()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void abstractTask_inAbstractClass() {
    JavaFileObject source =
        source(
            "Base",
            "abstract class Base {",
            "  @Task abstract int size();",
            "  @Task int twice(int size) { return 2 * size; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/abstract-task] task method size(...) is abstract; a task needs a body to run."
                + " Implement it here, or put @Task on the implementing method of a concrete"
                + " class.")
        .inFile(source)
        .onLineContaining("abstract int size()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void abstractClass_withConcreteTasks_isAllowed() {
    assertThat(
            compile(
                source(
                    "Base",
                    "abstract class Base {",
                    "  abstract int offset();",
                    "  @Task int size() { return 1 + offset(); }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void genericTask() {
    JavaFileObject source =
        source(
            "Lists",
            "class Lists {",
            "  @Task <T> List<T> empty() { return List.of(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weft/generic-task] task method empty(...) declares type parameters ")
        .inFile(source)
        .onLineContaining("List<T> empty()");
    // How the type parameters are printed is a known bug: see ClassDiagnosticsTest.
    assertThat(compilation)
        .hadErrorContaining(
            "; a task's value and parameters need concrete types for the graph to be checked."
                + " Replace the type parameters with concrete types.");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5 minutes", "0s", "10 s", "-5s", "1.5h", "30"})
  void timeout_malformed_pointsAtTheValue(String timeout) {
    JavaFileObject source =
        source(
            "Slow",
            "class Slow {",
            "  @Task(",
            "      timeout = \"" + timeout + "\")",
            "  int slow() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/timeout] timeout \""
                + timeout
                + "\" of task 'slow' is not a positive duration; write a whole number followed by"
                + " ms, s, m or h, such as \"250ms\", \"30s\" or \"5m\".")
        .inFile(source)
        .onLineContaining("timeout = ");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"250ms", "30s", "5m", "2h"})
  void timeout_wellFormed_compiles(String timeout) {
    assertThat(
            compile(
                source(
                    "Slow",
                    "class Slow {",
                    "  @Task(timeout = \"" + timeout + "\") int slow() { return 1; }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void retries_negative_pointsAtTheValue() {
    JavaFileObject source =
        source(
            "Fetch",
            "class Fetch {",
            "  @Task(",
            "      retries = -1)",
            "  String fetch() { return \"\"; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/retries] retries = -1 of task 'fetch' is negative; use 0 for no retry, or the"
                + " number of extra attempts after a failure.")
        .inFile(source)
        .onLineContaining("retries = -1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void limits_repeatedTag_pointsAtTheRepetition() {
    JavaFileObject source =
        source(
            "Store",
            "class Store {",
            "  @Task(limits = {",
            "      \"db\",",
            "      \"net\",",
            "      \"db\"})",
            "  int save() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    // The engine rejected it only when the flow was built, at run time.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/limits] task 'save' lists limit \"db\" twice; a task holds one permit of each"
                + " limit while it runs. List each limit once.")
        .inFile(source)
        .onLineContaining("\"db\"})");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void limits_blankTag_pointsAtTheTag() {
    JavaFileObject source =
        source(
            "Store",
            "class Store {",
            "  @Task(limits = {",
            "      \"db\",",
            "      \" \"})",
            "  int save() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/limits] limits of task 'save' contain a blank tag \" \"; a tag names a limit"
                + " set with Weft.Builder.limit(tag, permits). Name the limit, as in limits ="
                + " \"db\", or remove the tag.")
        .inFile(source)
        .onLineContaining("\" \"})");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void oneMethod_everyMistake_reportedTogether() {
    JavaFileObject source =
        source(
            "Many",
            "class Many {",
            "  @Task(retries = -2,",
            "      timeout = \"soon\")",
            "  private <T> int all() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("[weft/private-task]").inFile(source)
        .onLineContaining("int all()");
    assertThat(compilation).hadErrorContaining("[weft/generic-task]").inFile(source)
        .onLineContaining("int all()");
    assertThat(compilation).hadErrorContaining("[weft/retries] retries = -2").inFile(source)
        .onLineContaining("retries = -2");
    assertThat(compilation).hadErrorContaining("[weft/timeout] timeout \"soon\"").inFile(source)
        .onLineContaining("timeout = \"soon\"");
    assertThat(compilation).hadErrorCount(4);
  }
}
