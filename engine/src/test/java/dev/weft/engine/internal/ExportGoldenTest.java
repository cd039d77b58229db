package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the three exports of the word-stats flow to committed golden files, compared as exact
 * strings. A change to an exporter shows up here as a diff to review; when it is intended,
 * replace the golden file with the new output.
 */
class ExportGoldenTest {

  private final FlowGraph flow = WordStatsFixture.flow();

  @Test
  void toDot_matchesGolden() {
    assertThat(flow.toDot()).isEqualTo(golden("word-stats.dot"));
  }

  @Test
  void toMermaid_matchesGolden() {
    assertThat(flow.toMermaid()).isEqualTo(golden("word-stats.mmd"));
  }

  @Test
  void toJson_matchesGolden() {
    assertThat(flow.toJson()).isEqualTo(golden("word-stats.json"));
  }

  @Test
  void exports_useOnlyLineFeeds() {
    // The goldens are normalised to \n on reading, so this is what keeps the exports themselves
    // free of the platform's line separator.
    assertThat(flow.toDot() + flow.toMermaid() + flow.toJson()).doesNotContain("\r");
  }

  /** Reads a golden file, with line endings normalised in case a checkout converted them. */
  static String golden(String name) {
    try (InputStream in = ExportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file src/test/resources/golden/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
