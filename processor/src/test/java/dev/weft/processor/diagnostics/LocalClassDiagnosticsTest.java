package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code weft/task-class} for tasks in local and anonymous classes, which annotation processing
 * never shows to a processor: {@code LocalTaskScanner} finds them in the syntax trees.
 */
class LocalClassDiagnosticsTest {

  @Test
  void taskClass_localClass_foundInTheSyntaxTree() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "test.Outer",
            "package test;",
            "import dev.weft.Task;",
            "class Outer {",
            "  void run() {",
            "    class Local {",
            "      @Task int one() { return 1; }",
            "    }",
            "  }",
            "}");

    Compilation compilation = compile(source, visibleTasks());

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/task-class] task method one(...) is declared in a local class, which annotation"
                + " processing never sees, so no flow would contain it. Move it to a top-level or"
                + " static nested class.")
        .inFile(source)
        .onLineContaining("int one()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_anonymousClass_foundInTheSyntaxTree() {
    JavaFileObject source =
        source(
            "Outer",
            "class Outer {",
            "  Object make() {",
            "    return new Object() {",
            "      @Task int one() { return 1; }",
            "    };",
            "  }",
            "}");

    Compilation compilation = compile(source, visibleTasks());

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/task-class] task method one(...) is declared in an anonymous class, which"
                + " annotation processing never sees")
        .inFile(source)
        .onLineContaining("int one()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_localClass_fullyQualifiedAnnotationWithoutImport() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "test.Outer",
            "package test;",
            "class Outer {",
            "  static final Runnable TASK = () -> {",
            "    class Local {",
            "      @dev.weft.Task int one() { return 1; }",
            "    }",
            "  };",
            "}");

    Compilation compilation = compile(source, visibleTasks());

    assertThat(compilation)
        .hadErrorContaining("[weft/task-class] task method one(...) is declared in a local class")
        .inFile(source)
        .onLineContaining("int one()");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * A class with a visible task: javac runs Weft's processor only when a compilation has one (a
   * limitation documented on LocalTaskScanner).
   */
  private static JavaFileObject visibleTasks() {
    return source(
        "Visible", //
        "class Visible {",
        "  @Task int one() { return 1; }",
        "}");
  }
}
