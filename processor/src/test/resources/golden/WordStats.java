package com.example.words;

import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

public class WordStats {
  @Task
  public List<Path> files(@Input Path corpus) throws IOException {
    return List.of(corpus);
  }

  @Task(retries = 2, timeout = "30s", limits = {"disk"})
  public Map<String, Long> counts(@Each("files") Path file) throws IOException {
    return Map.of(file.toString(), 1L);
  }

  @Task(version = "2")
  public Map<String, Long> total(List<Map<String, Long>> counts) {
    return counts.get(0);
  }

  @Task("summary")
  public CompletableFuture<Integer> size(@From("total") Map<String, Long> words) {
    return CompletableFuture.completedFuture(words.size());
  }

  @Task(cache = false)
  public String report(Map<String, Long> total, @Input int top, @Input(key = false) Object log) {
    return total.toString() + top + log;
  }

  @Task
  public static int answer() {
    return 42;
  }

  @Task
  void announce(int answer, int summary) {}
}
