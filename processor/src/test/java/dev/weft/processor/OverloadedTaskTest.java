package dev.weft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.GeneratedFlowTest.compile;
import static dev.weft.processor.GeneratedFlowTest.run;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A task method with overloads — declared beside it, inherited from a superclass or from an
 * interface's default method — is the method the generated body calls, and the generated code
 * casts no argument that needs no cast ({@code -Xlint:cast} would warn of it).
 */
class OverloadedTaskTest {

  @Test
  void overloadInSuperclass_taskMethodIsCalled() throws Exception {
    JavaFileObject base =
        JavaFileObjects.forSourceLines(
            "test.Base",
            "package test;",
            "import java.util.List;",
            "public class Base {",
            "  public String count(List<String> words) { return \"Base.count(List)\"; }",
            "}");
    JavaFileObject sub =
        JavaFileObjects.forSourceLines(
            "test.Sub",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.*;",
            "public class Sub extends Base {",
            "  @Task public List<String> words() { return List.of(\"a\"); }",
            "  @Task public String count(Collection<String> words) {",
            "    return \"Sub.count(Collection)\";",
            "  }",
            "}");

    Compilation compilation = compile(base, sub);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Sub", Map.of()))
        .containsEntry("count", "Sub.count(Collection)");
  }

  @Test
  void overloadInInterfaceDefault_taskMethodIsCalled() throws Exception {
    JavaFileObject counting =
        JavaFileObjects.forSourceLines(
            "test.Counting",
            "package test;",
            "import java.util.List;",
            "public interface Counting {",
            "  default String count(List<String> words) { return \"Counting.count(List)\"; }",
            "}");
    JavaFileObject words =
        JavaFileObjects.forSourceLines(
            "test.Words",
            "package test;",
            "import dev.weft.Task;",
            "import java.util.*;",
            "public class Words implements Counting {",
            "  @Task public List<String> words() { return List.of(\"a\"); }",
            "  @Task public String count(Collection<String> words) {",
            "    return \"Words.count(Collection)\";",
            "  }",
            "}");

    Compilation compilation = compile(counting, words);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Words", Map.of()))
        .containsEntry("count", "Words.count(Collection)");
  }

  @Test
  void overloadsWithArgumentsOfTheParameterTypes_noRedundantCast() throws Exception {
    Compilation compilation =
        compile(
            "test.Over",
            "package test;",
            "import dev.weft.*;",
            "import java.util.*;",
            "public class Over {",
            "  @Task public List<String> words(@Input String text) { return List.of(text); }",
            // The key's type is the parameter's: a cast here was redundant, and -Xlint said so.
            "  @Task public String count(List<String> words) { return \"count(List)\"; }",
            "  public String count(Set<String> words) { return \"count(Set)\"; }",
            "  @Task public String each(@Each(\"words\") String word) { return \"each(String)\"; }",
            "  public String each(Integer word) { return \"each(Integer)\"; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Over", Map.of("text", "a")))
        .containsAtLeast("count", "count(List)", "each", List.of("each(String)"));
  }

  @Test
  void overloadsThatWouldWinWithoutACast_taskMethodIsCalled() throws Exception {
    Compilation compilation =
        compile(
            "test.Over",
            "package test;",
            "import dev.weft.*;",
            "import java.util.*;",
            "public class Over {",
            "  @Task public List<Integer> sizes() { return List.of(7); }",
            "  @Task public int size() { return 3; }",
            // An Integer argument would pick the Object overload, a List one the List overload.
            "  @Task public String boxed(int size) { return \"boxed(int)\"; }",
            "  public String boxed(Object size) { return \"boxed(Object)\"; }",
            "  @Task public String wide(Collection<Integer> sizes) {",
            "    return \"wide(Collection)\";",
            "  }",
            "  public String wide(List<Integer> sizes) { return \"wide(List)\"; }",
            "  @Task public String each(@Each(\"sizes\") long size) { return \"each(long)\"; }",
            "  public String each(Integer size) { return \"each(Integer)\"; }",
            "  @Task public String any(@Each(\"sizes\") Number size) { return \"any(Number)\"; }",
            "  public String any(Integer size) { return \"any(Integer)\"; }",
            "}");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(run(compilation, "test.Over", Map.of()))
        .containsAtLeast(
            "boxed", "boxed(int)",
            "wide", "wide(Collection)",
            "each", List.of("each(long)"),
            "any", List.of("any(Number)"));
  }
}
