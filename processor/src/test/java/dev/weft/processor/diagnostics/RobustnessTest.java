package dev.weft.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.assertNoWeftDiagnostic;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
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
  void unresolvedTaskName_onlyJavacReportsIt() {
    JavaFileObject broken =
        source(
            "Broken",
            "class Broken {",
            "  @Task(value = Other.NAME) int one() { return 1; }",
            "}");

    Compilation compilation = compile(broken);

    // Read through getAnnotation(), the value threw inside the processor: a weft/internal error.
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("Other.NAME");
    assertThat(compilation).hadErrorCount(1);
    assertNoWeftDiagnostic(compilation);
  }

  @Test
  void unresolvedFromAndSettings_onlyJavacReportsThem() {
    JavaFileObject broken =
        source(
            "Broken",
            "class Broken {",
            "  @Task int one() { return 1; }",
            "  @Task(retries = Other.RETRIES, limits = {\"db\", Other.TAG})",
            "  int two(@From(MISSING) int value) { return value; }",
            "}");

    Compilation compilation = compile(broken);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("@From(MISSING)");
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("Other.RETRIES");
    assertThat(compilation).hadErrorCount(3);
    assertNoWeftDiagnostic(compilation);
  }

  @Test
  void unresolvedSupertypeOfATaskType_onlyJavacReportsIt() {
    JavaFileObject broken =
        source(
            "Broken",
            "class Broken {",
            "  static class MyList extends MissingBase {}",
            "  @Task MyList files() { return null; }",
            // Whether MyList is a Collection is unknown until MissingBase resolves.
            "  @Task int count(@Each(\"files\") String file) { return 1; }",
            "}");

    Compilation compilation = compile(broken);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("extends MissingBase");
    assertThat(compilation).hadErrorCount(1);
    assertNoWeftDiagnostic(compilation);
  }

  @Test
  void constantAndSupertypeGeneratedByAnotherProcessor_flowIsWrittenInALaterRound() {
    JavaFileObject waiting =
        source(
            "Waiting",
            "class Waiting {",
            "  static class Files extends GeneratedBase {}",
            "  @Task(GeneratedNames.FILES) Files listed() { return new Files(); }",
            "  @Task int count(@Each(GeneratedNames.FILES) String file) { return 1; }",
            "}");
    JavaFileObject usesFlow =
        source(
            "UsesWaiting", //
            "class UsesWaiting {",
            "  dev.weft.engine.Flow flow = WaitingFlow.of(new Waiting());",
            "}");
    TestProcessors.GeneratesInFirstRound generator =
        new TestProcessors.GeneratesInFirstRound(
            java.util.Map.of(
                "test.GeneratedNames",
                "package test; public final class GeneratedNames {"
                    + " public static final String FILES = \"files\"; }",
                "test.GeneratedBase",
                "package test; public class GeneratedBase extends java.util.ArrayList<String> {"
                    + " private static final long serialVersionUID = 1L; }"));

    Compilation compilation =
        Compiler.javac().withProcessors(generator, new WeftProcessor()).compile(waiting, usesFlow);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void internalErrorInStrayAnnotationCheck_reportedAtTheClass_andOtherClassesContinue() {
    JavaFileObject stray =
        source(
            "Stray",
            "class Stray {",
            "  int helper(@Input int value) { return value; }",
            "}");

    Compilation compilation =
        Compiler.javac()
            .withProcessors(TestProcessors.weftFailingToReport("weft/not-a-task"), flows)
            .compile(stray, good(), usesGoodFlow());

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/internal] Weft's processor failed on this class; this is a bug in Weft, please"
                + " report it with the class that triggers it."
                + " java.lang.IllegalStateException: simulated failure")
        .inFile(stray)
        .onLineContaining("class Stray");
    assertThat(compilation).hadErrorCount(1);
    assertThat(flows.found).containsExactly("test.GoodFlow");
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
            "[weft/flow-name-taken] cannot generate test.WordsFlow for the tasks of Words: the name"
                + " is taken, by a class of that name or by the flow of another class (A.B and A_B"
                + " both give A_BFlow). Rename that class, or this one.")
        .inFile(words)
        .onLineContaining("class Words");
    assertThat(compilation).hadErrorCount(1);
    for (String message : Sources.messages(compilation, javax.tools.Diagnostic.Kind.ERROR)) {
      assertThat(message).doesNotContain("[weft/internal]");
    }
  }

  @Test
  void flowNameTakenByTheFlowOfAnotherClass_isReportedAsSuch() {
    JavaFileObject outer =
        source(
            "Outer", //
            "class Outer {",
            "  static class Inner {",
            "    @Task int one() { return 1; }",
            "  }",
            "}");
    JavaFileObject underscored =
        source(
            "Outer_Inner", //
            "class Outer_Inner {",
            "  @Task int two() { return 2; }",
            "}");

    Compilation compilation = compile(outer, underscored);

    // Outer.Inner and Outer_Inner both have the flow Outer_InnerFlow; the second one reports it.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/flow-name-taken] cannot generate test.Outer_InnerFlow for the tasks of"
                + " Outer_Inner: the name is taken, by a class of that name or by the flow of"
                + " another class (A.B and A_B both give A_BFlow). Rename that class, or this one.")
        .inFile(underscored)
        .onLineContaining("class Outer_Inner");
    assertThat(compilation).hadErrorCount(1);
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

  @Test
  void protectedTypeOfAnotherPackageInTaskSignature_isReportedAtTheTask() {
    JavaFileObject base =
        JavaFileObjects.forSourceLines(
            "other.Base",
            "package other;",
            "public class Base {",
            "  protected static class Node {}",
            "}");
    JavaFileObject sub =
        source(
            "Sub", //
            "class Sub extends other.Base {",
            "  @Task Node node() { return new Node(); }",
            "}");

    Compilation compilation = compile(base, sub);

    // Package-private would not help: the flow is in package test, Node in package other.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/inaccessible-type] task method node(...) uses other.Base.Node, which is"
                + " protected in another package; the generated flow, in package test, must name"
                + " the types of a task's value and parameters. Make Node public.")
        .inFile(sub)
        .onLineContaining("Node node()");
    assertThat(compilation).hadErrorCount(1);
  }
}
