package dev.weft.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.assertNoWeftDiagnostic;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.weft.processor.WeftProcessor;
import dev.weft.processor.diagnostics.TestProcessors.TypesAtEnd;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One class's errors neither stop the other classes nor add noise: javac's own errors stand
 * alone, and a failure of the processor itself is reported at the class ({@code weft/internal}).
 */
class RobustnessTest {
  private final TypesAtEnd flows =
      new TypesAtEnd("test.GoodFlow", "test.BadFlow", "test.BrokenFlow");

  private static JavaFileObject good() {
    return source(
        "Good",
        "class Good {",
        "  @Task List<String> lines() { return List.of(\"a b\"); }",
        "  @Task int total(List<String> lines) { return lines.size(); }",
        "}");
  }

  /** A class that compiles only if GoodFlow was generated. */
  private static JavaFileObject usesGoodFlow() {
    return source(
        "UsesGood",
        "class UsesGood {",
        "  dev.weft.engine.Flow flow = GoodFlow.of(new Good());",
        "}");
  }

  private Compilation compileObservingFlows(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new WeftProcessor(), flows).compile(sources);
  }

  @Test
  void unknownTypeInTaskSignature_onlyJavacReportsIt() {
    JavaFileObject broken =
        source(
            "Broken",
            "class Broken {",
            "  @Task Missing thing() { return null; }",
            // 'count' names no task, but Weft says nothing of a class until its types resolve.
            "  @Task int size(Missing thing, int count) { return count; }",
            "}");

    Compilation compilation = compile(broken);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("Missing thing()");
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("int size(Missing thing");
    assertThat(compilation).hadErrorCount(2);
    assertNoWeftDiagnostic(compilation);
  }

  @Test
  void unknownTypeInOneClass_otherClassStillGetsItsFlow() {
    JavaFileObject broken =
        source(
            "Broken", //
            "class Broken {",
            "  @Task Missing thing() { return null; }",
            "}");

    Compilation compilation = compileObservingFlows(broken, good(), usesGoodFlow());

    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(broken);
    assertThat(compilation).hadErrorCount(1);
    assertNoWeftDiagnostic(compilation);
    assertThat(flows.found).containsExactly("test.GoodFlow");
  }

  @Test
  void weftErrorInOneClass_otherClassStillGetsItsFlow() {
    JavaFileObject bad =
        source(
            "Bad", //
            "class Bad {",
            "  @Task int a(int a) { return a; }",
            "}");

    Compilation compilation = compileObservingFlows(bad, good(), usesGoodFlow());

    assertThat(compilation).hadErrorContaining("[weft/cycle]").inFile(bad).onLineContaining("int a(");
    assertThat(compilation).hadErrorCount(1); // UsesGood found GoodFlow
    assertThat(flows.found).containsExactly("test.GoodFlow");
  }

  @Test
  void errorInOneClass_reportsOnlyThatClassesErrors() {
    JavaFileObject bad =
        source(
            "Bad",
            "class Bad {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> lnes) { return lnes.size(); }",
            "}");
    JavaFileObject alike =
        source(
            "Alike",
            "class Alike {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> lines) { return lines.size(); }",
            "}");

    Compilation compilation = compile(bad, alike);

    assertThat(compilation)
        .hadErrorContaining("[weft/missing] parameter 'lnes' of total(...) names no task or input"
            + " of Bad;")
        .inFile(bad)
        .onLineContaining("List<String> lnes");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation.diagnostics()).hasSize(1);
  }

  @Test
  void internalError_reportedAtTheClass_andOtherClassesContinue() {
    JavaFileObject bad =
        source(
            "Bad", //
            "class Bad {",
            "  @Task int one() { return 1; }",
            "}");

    Compilation compilation =
        Compiler.javac()
            .withProcessors(TestProcessors.weftFailingToWrite("test.BadFlow"), flows)
            .compile(bad, good(), usesGoodFlow());

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/internal] Weft's processor failed on this class; this is a bug in Weft, please"
                + " report it with the class that triggers it."
                + " java.lang.IllegalStateException: simulated failure")
        .inFile(bad)
        .onLineContaining("class Bad");
    assertThat(compilation).hadErrorCount(1);
    assertThat(flows.found).containsExactly("test.GoodFlow");
  }

  @Test
  void malformedAnnotationValue_onlyJavacReportsIt() {
    JavaFileObject broken =
        source(
            "Broken",
            "class Broken {",
            "  @Task(retries = \"three\") int one() { return 1; }",
            "}");

    Compilation compilation = compile(broken);

    assertThat(compilation)
        .hadErrorContaining("incompatible types")
        .inFile(broken)
        .onLineContaining("retries = \"three\"");
    assertThat(compilation).hadErrorCount(1);
    assertNoWeftDiagnostic(compilation);
  }

  @Test
  void flowNameTakenByAnotherClass_isReportedAsSuch() {
    JavaFileObject words =
        source(
            "Words", //
            "class Words {",
            "  @Task int one() { return 1; }",
            "}");
    JavaFileObject taken = source("WordsFlow", "class WordsFlow {}");

    Compilation compilation = compile(words, taken);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/flow-name-taken] cannot generate test.WordsFlow for the tasks of Words: a class"
                + " of that name already exists. Rename that class, or this one.")
        .inFile(words)
        .onLineContaining("class Words");
    assertThat(compilation).hadErrorCount(1);
    for (String message : Sources.messages(compilation, javax.tools.Diagnostic.Kind.ERROR)) {
      assertThat(message).doesNotContain("[weft/internal]");
    }
  }

  @Test
  void privateTypeInTaskSignature_isReportedAtTheTask() {
    JavaFileObject source =
        source(
            "P",
            "class P {",
            "  private record Row(int n) {}",
            "  @Task Row row() { return new Row(1); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/inaccessible-type] task method row(...) uses test.P.Row, which is private; the"
                + " generated flow, in package test, must name the types of a task's value and"
                + " parameters. Make Row package-private or public.")
        .inFile(source)
        .onLineContaining("Row row()");
    assertThat(compilation).hadErrorCount(1);
  }
}
