package dev.weft.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.diagnostics.Sources.compile;
import static dev.weft.processor.diagnostics.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code weft/input-conflict}: every declaration of one input agrees on its type and key flag. */
class InputConflictDiagnosticsTest {

  @Test
  void inputConflict_typeDiffers_pointsAtTheLaterDeclaration() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task int top(@Input int limit) { return limit; }",
            "  @Task String label(",
            "      @Input String limit) {",
            "    return limit;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/input-conflict] input 'limit' is declared as java.lang.String by parameter"
                + " 'limit' of label(...) but as int by parameter 'limit' of top(...); an input has"
                + " one value, so every declaration needs the same type. Use int here too, or"
                + " rename one of them.")
        .inFile(source)
        .onLineContaining("@Input String limit");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inputConflict_keyFlagDiffers_pointsAtTheLaterDeclaration() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task int top(@Input int limit) { return limit; }",
            "  @Task int twice(",
            "      @Input(key = false) int limit) {",
            "    return 2 * limit;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/input-conflict] input 'limit' is declared with key = false by parameter"
                + " 'limit' of twice(...) but key = true by parameter 'limit' of top(...); whether"
                + " an input is part of the cache key must be the same everywhere. Use key = true"
                + " here too.")
        .inFile(source)
        .onLineContaining("@Input(key = false) int limit");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inputConflict_renamedInputsCompared_byTheirInputName() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task int top(@Input(\"limit\") int max) { return max; }",
            "  @Task long twice(",
            "      @Input(\"limit\") long bound) {",
            "    return 2 * bound;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[weft/input-conflict] input 'limit' is declared as long by parameter 'bound' of"
                + " twice(...) but as int by parameter 'max' of top(...);")
        .inFile(source)
        .onLineContaining("@Input(\"limit\") long bound");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inputConflict_withinOneTask_namesBothParameters() {
    JavaFileObject source =
        source(
            "Limits",
            "class Limits {",
            "  @Task long g(",
            "      @Input(\"n\") int a,",
            "      @Input(\"n\") long b) {",
            "    return a + b;",
            "  }",
            "}");

    Compilation compilation = compile(source);

    // "declared as long in g(...) but as int in g(...)" left the reader to find the two.
    assertThat(compilation)
        .hadErrorContaining(
            "[weft/input-conflict] input 'n' is declared as long by parameter 'b' of g(...) but as"
                + " int by parameter 'a' of g(...); an input has one value, so every declaration"
                + " needs the same type. Use int here too, or rename one of them.")
        .inFile(source)
        .onLineContaining("@Input(\"n\") long b");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noConflict_intAndInteger_agreeAfterBoxing() {
    assertThat(
            compile(
                source(
                    "Limits",
                    "class Limits {",
                    "  @Task int top(@Input int limit) { return limit; }",
                    "  @Task int twice(@Input Integer limit) { return 2 * limit; }",
                    "}")))
        .succeededWithoutWarnings();
  }
}
