package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.internal.TestFlows.builder;
import static dev.weft.engine.internal.TestFlows.key;
import static dev.weft.engine.internal.TestFlows.task;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Key;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exports of flows that code (not the processor) could build: names that are not identifiers,
 * Mermaid keywords, characters that DOT, Mermaid or HTML give a meaning, and every task setting.
 */
class ExportEscapingTest {

  @Test
  void toDot_escapesQuotesBackslashesAndNewlines() {
    Key<String> key = Key.of("say \"hi\"", "a\\b\nc", TypeToken.of(String.class));
    FlowGraph flow = FlowGraph.builder("say \"hi\"", null)
        .task(TaskSpec.builder(key, args -> "").build())
        .build();

    assertThat(flow.toDot()).isEqualTo("digraph \"say \\\"hi\\\"\" {\n"
        + "  rankdir=LR;\n"
        + "  \"a\\\\b\\nc\" [shape=box, label=\"a\\\\b\\nc\\nString\"];\n"
        + "}\n");
  }

  @Test
  void toMermaid_givesGeneratedIds_toUnusualAndReservedNames() {
    // "n2" is a plain identifier, but the scheme's own ids look like it: it must not take one.
    FlowGraph flow = builder()
        .input(key("my input"), true)
        .task(task("end", key("my input")))
        .task(task("n0", key("end")))
        .task(task("ok", key("n0")))
        .build();

    assertThat(flow.toMermaid()).isEqualTo("flowchart LR\n"
        + "  n0([\"my input: String\"])\n"
        + "  n1[\"end: String\"]\n"
        + "  n2[\"n0: String\"]\n"
        + "  ok[\"ok: String\"]\n"
        + "  n0 --> n1\n"
        + "  n1 --> n2\n"
        + "  n2 --> ok\n");
  }

  @Test
  void toMermaid_escapesHtmlInLabels() {
    Key<List<String>> key = Key.of("f", "a&b\"c", new TypeToken<List<String>>() {});
    FlowGraph flow = builder().task(TaskSpec.builder(key, args -> "").build()).build();

    assertThat(flow.toMermaid()).isEqualTo("flowchart LR\n"
        + "  n0[\"a&amp;b&quot;c: List&lt;String&gt;\"]\n");
  }

  @Test
  void toJson_writesEverySetting_andOmitsUnsetOnes() {
    Key<List<String>> urls = Key.of("f", "urls", new TypeToken<List<String>>() {});
    Key<List<String>> pages = Key.of("f", "pages", new TypeToken<List<String>>() {});
    FlowGraph flow = builder()
        .input(key("client"), false)
        .input(urls, true)
        .task(TaskSpec.builder(pages, args -> "")
            .dependsOn(key("client"), urls)
            .each(urls)
            .cache(false)
            .version("2")
            .retries(3)
            .timeout(Duration.ofSeconds(30))
            .limits("db", "net")
            .async()
            .build())
        .build();

    assertThat(flow.toJson()).isEqualTo("{\n"
        + "  \"flow\": \"f\",\n"
        + "  \"inputs\": [\n"
        + "    {\n"
        + "      \"name\": \"client\",\n"
        + "      \"type\": \"java.lang.String\",\n"
        + "      \"key\": false\n"
        + "    },\n"
        + "    {\n"
        + "      \"name\": \"urls\",\n"
        + "      \"type\": \"java.util.List<java.lang.String>\",\n"
        + "      \"key\": true\n"
        + "    }\n"
        + "  ],\n"
        + "  \"tasks\": [\n"
        + "    {\n"
        + "      \"name\": \"pages\",\n"
        + "      \"type\": \"java.util.List<java.lang.String>\",\n"
        + "      \"dependsOn\": [\n"
        + "        \"client\",\n"
        + "        \"urls\"\n"
        + "      ],\n"
        + "      \"each\": \"urls\",\n"
        + "      \"cache\": false,\n"
        + "      \"version\": \"2\",\n"
        + "      \"retries\": 3,\n"
        + "      \"timeoutMillis\": 30000,\n"
        + "      \"limits\": [\n"
        + "        \"db\",\n"
        + "        \"net\"\n"
        + "      ],\n"
        + "      \"async\": true\n"
        + "    }\n"
        + "  ]\n"
        + "}\n");
  }
}
