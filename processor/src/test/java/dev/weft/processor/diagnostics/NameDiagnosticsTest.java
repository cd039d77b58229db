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
 * {@code weft/name}: task and input names are Java identifiers. Clashes between valid names are
 * in {@link DuplicateNameDiagnosticsTest}.
 */
class NameDiagnosticsTest {

  @Test
  void name_taskNameWithSpace_pointsAtTheValue() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task(",
            "      \"word count\")",
            "  int wordCount() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/name] task name 'word count' of wordCount(...) is not a Java identifier; other"
                + " tasks name it in parameters, and the generated key constant is derived from"
                + " it. Use letters, digits and underscores, such as 'word_count'.")
        .inFile(source)
        .onLineContaining("\"word count\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void name_inputNameNotAnIdentifier_pointsAtTheValue() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task int top(",
            "      @Input(\"top-n\")",
            "      int n) {",
            "    return n;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/name] input name 'top-n' on parameter 'n' of top(...) is not a Java identifier;"
                + " task and input names are identifiers, such as 'top_n'.")
        .inFile(source)
        .onLineContaining("@Input(\"top-n\")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void name_emptyFrom_pointsAtTheValue() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task int a() { return 1; }",
            "  @Task int total(",
            "      @From(\"\")",
            "      int words) {",
            "    return words;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/name] @From(\"\") on parameter 'words' of total(...) is empty; write the name of"
                + " the task or input to read.")
        .inFile(source)
        .onLineContaining("@From(\"\")");
  }

  @Test
  void name_emptyFrom_reportedOnceWithoutMeaninglessSuggestion() {
    Compilation compilation =
        compile(
            source(
                "Words",
                "class Words {",
                "  @Task int a() { return 1; }",
                "  @Task int total(@From(\"\") int words) { return words; }",
                "}"));

    assertThat(compilation).hadErrorContaining("[weft/name]");
    assertThat(compilation).hadErrorCount(1);
    assertThat(messages(compilation, Diagnostic.Kind.ERROR).get(0)).doesNotContain("'task_'");
  }

  @Test
  void name_underscore_isNotAName() {
    JavaFileObject source =
        source(
            "Words",
            "class Words {",
            "  @Task(\"_\")",
            "  int any() { return 1; }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("[weft/name] task name '_' of any(...)")
        .inFile(source)
        .onLineContaining("@Task(\"_\")");
    assertThat(compilation).hadErrorCount(1);
  }
}
