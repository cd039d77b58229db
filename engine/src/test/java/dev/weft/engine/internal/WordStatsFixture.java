package dev.weft.engine.internal;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Key;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The word-stats flow of DESIGN.md section 2, built by hand exactly as the processor's generated
 * {@code WordStatsFlow.of(...)} builds it, so that tests pin what generated code will produce.
 */
final class WordStatsFixture {

  static final String FLOW = "com.example.words.WordStats";

  static final Key<Path> CORPUS = Key.of(FLOW, "corpus", TypeToken.of(Path.class));
  static final Key<Integer> TOP = Key.of(FLOW, "top", TypeToken.of(Integer.class));
  static final Key<List<Path>> FILES = Key.of(FLOW, "files", new TypeToken<List<Path>>() {});
  static final Key<List<Map<String, Long>>> COUNTS =
      Key.of(FLOW, "counts", new TypeToken<List<Map<String, Long>>>() {});
  static final Key<Map<String, Long>> TOTAL =
      Key.of(FLOW, "total", new TypeToken<Map<String, Long>>() {});
  static final Key<String> REPORT = Key.of(FLOW, "report", TypeToken.of(String.class));

  private WordStatsFixture() {}

  /** Stands in for the user's class; the bodies are never called by these tests. */
  static final class WordStats {
    List<Path> files(Path corpus) {
      return List.of(corpus);
    }

    Map<String, Long> counts(Path file) {
      return Map.of(file.toString(), 1L);
    }

    Map<String, Long> total(List<Map<String, Long>> counts) {
      return counts.isEmpty() ? Map.of() : counts.get(0);
    }

    String report(Map<String, Long> total, Integer top) {
      return total.size() + " words, top " + top;
    }
  }

  static FlowGraph flow() {
    WordStats instance = new WordStats();
    return FlowGraph.builder(FLOW, WordStats.class)
        .input(CORPUS, true)
        .input(TOP, true)
        .task(TaskSpec.builder(FILES, args -> instance.files(args.get(CORPUS)))
            .method("files", "(Ljava/nio/file/Path;)Ljava/util/List;")
            .dependsOn(CORPUS)
            .build())
        .task(TaskSpec.builder(COUNTS, args -> instance.counts(args.each(FILES)))
            .method("counts", "(Ljava/nio/file/Path;)Ljava/util/Map;")
            .dependsOn(FILES)
            .each(FILES)
            .build())
        .task(TaskSpec.builder(TOTAL, args -> instance.total(args.get(COUNTS)))
            .method("total", "(Ljava/util/List;)Ljava/util/Map;")
            .dependsOn(COUNTS)
            .build())
        .task(TaskSpec.builder(REPORT, args -> instance.report(args.get(TOTAL), args.get(TOP)))
            .method("report", "(Ljava/util/Map;I)Ljava/lang/String;")
            .dependsOn(TOTAL, TOP)
            .cache(false)
            .build())
        .build();
  }
}
