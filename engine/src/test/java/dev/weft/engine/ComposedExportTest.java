package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exports of composed flows: each joined flow a cluster, fan-out tasks marked. */
class ComposedExportTest {

  private static Flow composed() {
    FlowBuilder words = Flow.builder("words");
    Key<String> text = words.input("text", String.class);
    words.task("words", new TypeToken<List<String>>() {}, t -> List.of(t.split(" ")), text);
    FlowBuilder stats = Flow.builder("stats");
    Key<List<String>> list = stats.input("words", new TypeToken<List<String>>() {});
    stats.each("lengths", TypeToken.of(Integer.class), String::length, list);
    return Flow.compose(words.build(), stats.build());
  }

  @Test
  void dotDrawsEachJoinedFlowAsAClusterAndBindingsAsEdges() {
    assertThat(composed().toDot()).isEqualTo("""
        digraph "words + stats" {
          rankdir=LR;
          "text" [shape=ellipse, label="text\\nString"];
          subgraph "cluster_0" {
            label="words";
            style=rounded;
            "words" [shape=box, label="words\\nList<String>"];
          }
          subgraph "cluster_1" {
            label="stats";
            style=rounded;
            "lengths" [shape=box3d, label="lengths\\nList<Integer>"];
          }
          "text" -> "words";
          "words" -> "lengths" [style=bold, label="each"];
        }
        """);
  }

  @Test
  void mermaidDrawsEachJoinedFlowAsASubgraph() {
    assertThat(composed().toMermaid()).isEqualTo("""
        flowchart LR
          text(["text: String"])
          subgraph n3["words"]
            words["words: List&lt;String&gt;"]
          end
          subgraph n4["stats"]
            lengths[["lengths: List&lt;Integer&gt;"]]
          end
          text --> words
          words -- each --> lengths
        """);
  }

  @Test
  void jsonNamesTheJoinedFlowsAndEachTasksFlow() {
    assertThat(composed().toJson()).isEqualTo("""
        {
          "flow": "words + stats",
          "joins": [
            "words",
            "stats"
          ],
          "inputs": [
            {
              "name": "text",
              "type": "java.lang.String",
              "key": true
            }
          ],
          "tasks": [
            {
              "name": "words",
              "flow": "words",
              "type": "java.util.List<java.lang.String>",
              "dependsOn": [
                "text"
              ],
              "cache": true,
              "retries": 0,
              "limits": [],
              "async": false
            },
            {
              "name": "lengths",
              "flow": "stats",
              "type": "java.util.List<java.lang.Integer>",
              "dependsOn": [
                "words"
              ],
              "each": "words",
              "cache": true,
              "retries": 0,
              "limits": [],
              "async": false
            }
          ]
        }
        """);
  }

  @Test
  void aFlowOfOnePartIsDrawnWithoutClusters() {
    FlowBuilder words = Flow.builder("words");
    words.task("one", TypeToken.of(Integer.class), () -> 1);
    Flow flow = words.build();
    assertThat(flow.toDot()).doesNotContain("subgraph");
    assertThat(flow.toMermaid()).doesNotContain("subgraph");
    assertThat(flow.toJson()).doesNotContain("joins");
  }
}
