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

/**
 * One name, one node: {@code weft/duplicate-task}, {@code weft/input-shadows-task} and
 * {@code weft/constant-clash}.
 */
class DuplicateNameDiagnosticsTest {

  @Test
  void duplicateTask_sameExplicitName_pointsAtTheSecondValue() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task(\"count\")",
            "  int countWords() { return 1; }",
            "  @Task(cache = false, value = \"count\")",
            "  int countLines() { return 2; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/duplicate-task] task name 'count' of countLines() is already taken by"
                + " countWords(); task names must be unique in Words, because dependencies"
                + " name the task they read. Rename one with @Task(\"...\").")
        .inFile(source)
        .onLineContaining("cache = false, value = \"count\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateTask_overloads_pointsAtTheSecondAnnotation() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task String text() { return \"\"; }",
            "  @Task int count() { return 0; }",
            "  @Task(version = \"2\")",
            "  int count(String text) { return text.length(); }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[weft/duplicate-task] task name 'count' of count(")
        .inFile(source)
        .onLineContaining("@Task(version = \"2\")");
    assertThat(compilation)
        .hadErrorContaining(
            "; task names must be unique in Words, because dependencies name the task they read."
                + " Rename one with @Task(\"...\").");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void duplicateTask_overloads_messageTellsTheMethodsApart() {
    Compilation compilation =
        compile(
            source(
                "Words",
                "class Words {",
                "  @Task String text() { return \"\"; }",
                "  @Task int count() { return 0; }",
                "  @Task int count(String text) { return text.length(); }",
                "}"));

    assertThat(compilation).hadErrorContaining("[weft/duplicate-task]");
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0))
        .doesNotContain("of count(...) is already taken by count(...)");
  }

  @Test
  void inputShadowsTask_pointsAtTheInputAnnotation() {
    JavaFileObject source =
        source(
            "Files",
            "class Files {",
            "  @Task List<String> files() { return List.of(); }",
            "  @Task int total(",
            "      @Input",
            "      List<String> files) {",
            "    return files.size();",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/input-shadows-task] input 'files' of total(...) has the name of task 'files'"
                + " (files(...)); a name refers to one node of the graph. Remove @Input to read"
                + " the task's value, or rename the input with @Input(\"...\").")
        .inFile(source)
        .onLineContaining("@Input");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void constantClash_camelCaseAndSnakeCase() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task int wordCount() { return 1; }",
            "  @Task int word_count() { return 2; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/constant-clash] task 'word_count' and task 'wordCount' would both be the"
                + " constant WORD_COUNT of the generated flow; rename one of them.")
        .inFile(source)
        .onLineContaining("int word_count()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void constantClash_inputAndTask() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task int top(@Input int maxWords) { return maxWords; }",
            "  @Task int max_words() { return 2; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/constant-clash] task 'max_words' and input 'maxWords' would both be the"
                + " constant MAX_WORDS of the generated flow; rename one of them.")
        .inFile(source)
        .onLineContaining("int max_words()");
    assertThat(compilation).hadErrorCount(1);
  }
}
