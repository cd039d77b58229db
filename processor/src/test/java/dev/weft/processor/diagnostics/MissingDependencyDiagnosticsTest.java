package dev.weft.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.messages;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code weft/missing}: a parameter, {@code @From} or {@code @Each} that names nothing. */
class MissingDependencyDiagnosticsTest {
  private static final String PLAIN_FIX =
      " Add @Input to read it from the run's inputs, or @From(\"task\") to read a task of another"
          + " name.";
  private static final String ANNOTATION_FIX =
      " Name one of its tasks, or declare the value as an input with @Input.";

  @Test
  void missingDependency_plainParameter_suggestsNearestName() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> lnes) { return lnes.size(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] parameter 'lnes' of total(...) names no task or input of Words;"
                + " did you mean 'lines'?"
                + PLAIN_FIX)
        .inFile(source)
        .onLineContaining("List<String> lnes");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDependency_plainParameter_suggestsInputsAndSeveralNamesInOrder() {
    JavaFileObject source =
        source(
            "Counts",
            "class Counts {",
            "  @Task int counts() { return 1; }",
            "  @Task int top(@Input int mount) { return mount; }",
            "  @Task int total(int count) { return count; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] parameter 'count' of total(...) names no task or input of Counts;"
                + " did you mean 'counts' or 'mount'?"
                + PLAIN_FIX)
        .inFile(source)
        .onLineContaining("int total(int count)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDependency_plainParameter_noNearName_noSuggestion() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> paragraphs) { return paragraphs.size(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] parameter 'paragraphs' of total(...) names no task or input of Words.")
        .inFile(source)
        .onLineContaining("List<String> paragraphs");
    assertThat(compilation).hadErrorContaining(PLAIN_FIX);
    assertThat(compilation).hadErrorCount(1);
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0)).doesNotContain("did you mean");
  }

  @Test
  void missingDependency_plainParameter_noNearName_sentenceEndsBeforeTheFix() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> paragraphs) { return paragraphs.size(); }",
            "}");

    assertThat(compile(source))
        .hadErrorContaining(
            "[weft/missing] parameter 'paragraphs' of total(...) names no task or input of Words."
                + PLAIN_FIX);
  }

  @Test
  void missingDependency_doesNotSuggestTheTaskItself() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(List<String> totl) { return totl.size(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("[weft/missing] parameter 'totl' of total(...)");
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0))
        .doesNotContain("did you mean 'total'");
  }

  @Test
  void missingDependency_shortName_suggestsNoUnrelatedOneLetterNames() {
    JavaFileObject source =
        source(
            "Short",
            "class Short {",
            "  @Task int c() { return 1; }",
            "  @Task int n() { return 2; }",
            "  @Task int s() { return 3; }",
            "  @Task int sum(int i2) { return i2; }",
            "}");

    Compilation compilation = compile(source);

    // Two edits turn 'i2' into any one-letter name; the limit once allowed two.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] parameter 'i2' of sum(...) names no task or input of Short."
                + PLAIN_FIX)
        .inFile(source)
        .onLineContaining("int sum(int i2)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDependency_taskOfASuperclass_saysTasksAreNotInherited() {
    JavaFileObject base =
        source(
            "Base", //
            "class Base {",
            "  @Task List<String> words() { return List.of(); }",
            "}");
    JavaFileObject sub =
        source(
            "Sub",
            "class Sub extends Base {",
            "  @Task int count(List<String> words) { return words.size(); }",
            "}");

    Compilation compilation = compile(base, sub);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] parameter 'words' of count(...) names no task or input of Sub; 'words'"
                + " is a task of superclass Base, but tasks of superclasses are not part of this"
                + " class's flow (override words(...) here and annotate it with @Task)."
                + PLAIN_FIX)
        .inFile(sub)
        .onLineContaining("List<String> words)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDependency_from_pointsAtTheAnnotationValue() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task List<String> lines() { return List.of(); }",
            "  @Task int total(",
            "      @From(\"lnes\")",
            "      List<String> words) {",
            "    return words.size();",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] @From(\"lnes\") on parameter 'words' of total(...) names no task or"
                + " input of Words; did you mean 'lines'?"
                + ANNOTATION_FIX)
        .inFile(source)
        .onLineContaining("@From(\"lnes\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDependency_each_pointsAtTheAnnotationValue() {
    JavaFileObject source =
        source(
            "Files",
            "class Files {",
            "  @Task List<String> files() { return List.of(); }",
            "  @Task int size(",
            "      @Each(\"documents\")",
            "      String file) {",
            "    return file.length();",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/missing] @Each(\"documents\") on parameter 'file' of size(...) names no task or"
                + " input of Files."
                + ANNOTATION_FIX)
        .inFile(source)
        .onLineContaining("@Each(\"documents\")");
    assertThat(compilation).hadErrorCount(1);
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0)).doesNotContain("did you mean");
  }
}
