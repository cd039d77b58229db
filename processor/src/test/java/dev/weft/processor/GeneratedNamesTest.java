package dev.weft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.GeneratedFlowTest.compile;
import static dev.weft.processor.GeneratedFlowTest.run;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.engine.Flow;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names the generated code writes mean what the writer meant, whatever the user's classes are
 * called: a class of the flow's package does not take the place of a {@code java.lang} type, and
 * a task class does not collide with the generated code's variables or key constants.
 */
class GeneratedNamesTest {

  @Test
  void classesNamedLikeJavaLangTypes_inTheFlowsPackage_doNotReplaceThem() throws Exception {
    JavaFileObject character =
        JavaFileObjects.forSourceLines(
            "test.Character", "package test;", "public class Character {}");
    JavaFileObject integer =
        JavaFileObjects.forSourceLines("test.Integer", "package test;", "public class Integer {}");
    JavaFileObject game =
        JavaFileObjects.forSourceLines(
            "test.Game",
            "package test;",
            "import dev.weft.Task;",
            "public class Game {",
            "  @Task public char initial() { return 'a'; }",
            "  @Task public int score() { return 7; }",
            "  @Task public java.lang.String name(char initial, int score) {",
            "    return \"\" + initial + score;",
            "  }",
            "}");

    // Key<Character> and Integer.class must mean java.lang's, not test.Character and test.Integer.
    Compilation compilation = compile(character, integer, game);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Game", Map.of())).containsEntry("name", "a7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flow", "args", "instance"})
  void taskClassNamedLikeALocalOfTheGeneratedCode_compilesAndRuns(String name) throws Exception {
    Compilation compilation =
        compile(
            "test." + name,
            "package test;",
            "import dev.weft.Task;",
            "@SuppressWarnings(\"all\") // a lower-case class name",
            "public class " + name + " {",
            "  @Task public static int a() { return 1; }",
            "  @Task public int b(int a) { return a + 1; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test." + name, Map.of())).containsExactly("a", 1, "b", 2);
  }

  @Test
  void taskClassNamedLikeAKeyConstant_staticTaskIsStillCalledOnTheClass() throws Exception {
    Compilation compilation =
        compile(
            "test.URL",
            "package test;",
            "import dev.weft.Task;",
            "public final class URL {",
            "  private URL() {}",
            // Task 'url' has the constant URL, which would take the place of class URL in
            // URL.url().
            "  @Task public static String url() { return \"https://example.com\"; }",
            "  @Task public static int length(String url) { return url.length(); }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    Flow flow =
        (Flow) GeneratedFlowTest.load(compilation, "test.URLFlow").getMethod("of").invoke(null);
    assertThat(SequentialTestRunner.runAll(flow, Map.of())).containsEntry("length", 19);
  }
}
