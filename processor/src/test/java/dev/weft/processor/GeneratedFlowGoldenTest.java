package dev.weft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.io.Resources;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated source of one flow that uses every feature of the annotations, so that a
 * change to the writer shows up as a reviewable diff of {@code golden/WordStatsFlow.java}.
 */
class GeneratedFlowGoldenTest {

  @Test
  void wordStats_generatesGoldenFlow() throws IOException {
    JavaFileObject source = JavaFileObjects.forResource("golden/WordStats.java");

    Compilation compilation = GeneratedFlowTest.compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        compilation
            .generatedSourceFile("com.example.words.WordStatsFlow")
            .orElseThrow()
            .getCharContent(false)
            .toString();
    // On a mismatch the new output is left in target/ so that it can be reviewed and copied over.
    Path actual = Path.of("target", "golden-actual", "WordStatsFlow.java");
    Files.createDirectories(actual.getParent());
    Files.writeString(actual, generated, StandardCharsets.UTF_8);
    String golden =
        Resources.toString(
            Resources.getResource("golden/WordStatsFlow.java"), StandardCharsets.UTF_8);
    assertThat(generated).isEqualTo(golden);
  }
}
