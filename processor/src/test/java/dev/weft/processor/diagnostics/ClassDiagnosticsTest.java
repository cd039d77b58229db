package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code weft/task-class}: the generated flow must reach the class's tasks, so the class is a
 * class or record, not generic, not private and not inner. Local and anonymous classes are in
 * {@link LocalClassDiagnosticsTest}.
 */
class ClassDiagnosticsTest {
  private static final String REACH =
      "generated flows call @Task methods from the class's package, so the class must be a"
          + " top-level or static nested class that is not private";

  @Test
  void taskClass_privateNestedClass() {
    JavaFileObject source =
        source(
            "Outer",
            "class Outer {",
            "  private static class Hidden {",
            "    @Task int one() { return 1; }",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/task-class] class Hidden is private; "
                + REACH
                + ". Make it package-private or public.")
        .inFile(source)
        .onLineContaining("class Hidden");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_nestedInPrivateClass_namesTheEnclosingClass() {
    JavaFileObject source =
        source(
            "Outer",
            "class Outer {",
            "  private static class Middle {",
            "    static class Inner {",
            "      @Task int one() { return 1; }",
            "    }",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("[weft/task-class] class Middle is private and encloses Inner; ")
        .inFile(source)
        .onLineContaining("static class Inner");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_nonStaticInnerClass() {
    JavaFileObject source =
        source(
            "Outer",
            "class Outer {",
            "  class Inner {",
            "    @Task int one() { return 1; }",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/task-class] class Inner is a non-static inner class; "
                + REACH
                + ". Make it static.")
        .inFile(source)
        .onLineContaining("class Inner");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_staticClassInsideInnerClass_isReachable() {
    assertThat(
            compile(
                source(
                    "Outer",
                    "class Outer {",
                    "  class Inner {",
                    "    static class Nested {",
                    "      @Task int one() { return 1; }",
                    "    }",
                    "  }",
                    "}")))
        .succeededWithoutWarnings();
  }

  @Test
  void taskClass_typeParameters() {
    JavaFileObject source =
        source(
            "Box", //
            "class Box<T> {",
            "  @Task int one() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weft/task-class] class Box declares type parameters ")
        .inFile(source)
        .onLineContaining("class Box<T>");
    assertThat(compilation)
        .hadErrorContaining(
            "; each task's key needs one concrete type. Remove the type parameters, or declare"
                + " the tasks in a subclass that fixes them.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_typeParameters_printedAsDeclared() {
    Compilation compilation =
        compile(
            source(
                "Pair", //
                "class Pair<K, V> {",
                "  @Task int one() { return 1; }",
                "}"),
            source(
                "Maps",
                "class Maps {",
                "  @Task <K, V> Map<K, V> empty() { return Map.of(); }",
                "}"));

    assertThat(compilation).hadErrorContaining("class Pair declares type parameters <K, V>;");
    assertThat(compilation)
        .hadErrorContaining("task method empty(...) declares type parameters <K, V>;");
  }

  @Test
  void taskClass_interface() {
    JavaFileObject source =
        source(
            "Api",
            "interface Api {",
            "  @Task default int one() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/task-class] Api is an interface; @Task methods must be declared in a class or"
                + " record. Move them to a class.")
        .inFile(source)
        .onLineContaining("interface Api");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_enum() {
    JavaFileObject source =
        source(
            "Mode",
            "enum Mode {",
            "  FAST;",
            "  @Task int one() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("[weft/task-class] Mode is an enum; @Task methods must be declared")
        .inFile(source)
        .onLineContaining("enum Mode");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void taskClass_record_isAllowed() {
    assertThat(
            compile(
                source(
                    "Config",
                    "record Config(int size) {",
                    "  @Task int twice() { return 2 * size; }",
                    "}")))
        .succeededWithoutWarnings();
  }
}
