package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exports of a small code-built flow: its name, typed and untyped tasks, and edges. Whole
 * documents are pinned by the golden files of generated flows; here the lines that come from
 * the builder are enough.
 */
class FlowBuilderExportTest {

  private final Flow flow = wordsFlow();

  /** text -> words (typed List<String>) -> count (untyped) and text -> shout (typed String). */
  private static Flow wordsFlow() {
    FlowBuilder builder = Flow.builder("words");
    Key<String> text = builder.input("text", String.class);
    Key<List<String>> words = builder.task(
        "words", new TypeToken<List<String>>() {}, line -> Arrays.asList(line.split(" ")), text);
    builder.task("count", List::size, words);
    builder.task("shout", TypeToken.of(String.class), String::toUpperCase, text);
    return builder.build();
  }

  @Test
  void toDot_showsNamesTypesAndEdges() {
    String dot = flow.toDot();

    assertThat(dot).startsWith("digraph \"words\" {\n");
    assertThat(dot).contains("  \"text\" [shape=ellipse, label=\"text\\nString\"];\n");
    assertThat(dot).contains("  \"words\" [shape=box, label=\"words\\nList<String>\"];\n");
    assertThat(dot).contains("  \"count\" [shape=box, label=\"count\\nObject\"];\n");
    assertThat(dot).contains("  \"text\" -> \"words\";\n");
    assertThat(dot).contains("  \"words\" -> \"count\";\n");
    assertThat(dot).contains("  \"text\" -> \"shout\";\n");
  }

  @Test
  void toMermaid_showsNamesTypesAndEdges() {
    String mermaid = flow.toMermaid();

    assertThat(mermaid).startsWith("flowchart LR\n");
    assertThat(mermaid).contains("  text([\"text: String\"])\n");
    assertThat(mermaid).contains("  words[\"words: List&lt;String&gt;\"]\n");
    assertThat(mermaid).contains("  count[\"count: Object\"]\n");
    assertThat(mermaid).contains("  text --> words\n");
    assertThat(mermaid).contains("  words --> count\n");
  }

  @Test
  void toJson_namesFlow_andTasksInDeclarationOrder_withFullTypes() {
    String json = flow.toJson();

    assertThat(json).startsWith("{\n  \"flow\": \"words\",\n");
    assertThat(json).contains("      \"name\": \"text\",\n"
        + "      \"type\": \"java.lang.String\",\n"
        + "      \"key\": true\n");
    assertThat(json).contains("      \"name\": \"words\",\n"
        + "      \"type\": \"java.util.List<java.lang.String>\",\n"
        + "      \"dependsOn\": [\n"
        + "        \"text\"\n"
        + "      ],\n");
    assertThat(json).contains("      \"name\": \"count\",\n"
        + "      \"type\": \"java.lang.Object\",\n");
    assertThat(json.indexOf("\"name\": \"words\"")).isLessThan(json.indexOf("\"name\": \"count\""));
    assertThat(json.indexOf("\"name\": \"count\"")).isLessThan(json.indexOf("\"name\": \"shout\""));
  }
}
