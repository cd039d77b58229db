package dev.weft.examples.words;

import dev.weft.engine.Cache;
import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of the pipeline did, task by task — executed and why, or loaded from which cache,
 * and how long that took — and a closing line with the run's time. A first run:
 *
 * <pre>
 *   files   executed        0.29 s  new
 *   counts  executed        3.65 s  new; once per file, 80 times, on 2 worker threads
 *   total   executed        0.09 s  new
 *   report  executed        0.09 s  new
 * Ran 4 tasks in 4.32 s: 4 executed, none from the cache (.weft/cache: 16 entries, 261 KB)
 * </pre>
 *
 * <p>and the same run again, when nothing changed:
 *
 * <pre>
 *   files   disk cache      0.09 s  unchanged
 *   counts  not run                 not needed: what reads it came from the cache
 *   total   disk cache      0.08 s  unchanged
 *   report  disk cache      0.08 s  unchanged
 * Ran 3 tasks in 0.15 s: none executed, 3 from the cache (.weft/cache: 16 entries, 261 KB)
 * </pre>
 *
 * <p>A task the run did not touch, because what reads it came from the cache, is "not run".
 */
final class StageReport {
  private final Flow flow;
  private final RunResult result;
  private final int files;
  private final int workers;

  StageReport(Flow flow, RunResult result, int files, int workers) {
    this.flow = flow;
    this.result = result;
    this.files = files;
    this.workers = workers;
  }

  /**
   * The lines: one per task of the flow, then the summary, which names the cache directory and
   * its size when there is one.
   */
  List<String> lines(long elapsedNanos, Optional<Path> cacheDir, Optional<Cache.Stats> stats) {
    Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
    for (TaskOutcome outcome : result.tasks()) {
      outcomes.put(outcome.name(), outcome);
    }
    int width = flow.tasks().stream().mapToInt(k -> k.name().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Key<?> task : flow.tasks()) {
      TaskOutcome outcome = outcomes.get(task.name());
      String name = String.format(Locale.ROOT, "  %-" + width + "s  ", task.name());
      if (outcome == null) {
        lines.add(name + String.format(Locale.ROOT, "%-12s  %6s    %s", "not run", "",
            "not needed: what reads it came from the cache"));
      } else {
        lines.add(name + String.format(Locale.ROOT, "%-12s  %6.2f s  %s", status(outcome),
            outcome.duration().toNanos() / 1e9, why(outcome)));
      }
    }
    lines.add(summary(elapsedNanos, cacheDir, stats));
    return lines;
  }

  private static String status(TaskOutcome outcome) {
    return switch (outcome.status()) {
      case EXECUTED -> "executed";
      case MEMORY_HIT -> "memory cache";
      case DISK_HIT -> "disk cache";
      default -> outcome.status().name().toLowerCase(Locale.ROOT);
    };
  }

  private String why(TaskOutcome outcome) {
    if (outcome.status() == Status.EXECUTED && outcome.name().equals("counts")) {
      return String.format(Locale.ROOT, "%s; once per file, %d %s, on %d worker %s",
          outcome.reason(), files, files == 1 ? "time" : "times", workers,
          workers == 1 ? "thread" : "threads");
    }
    return outcome.reason();
  }

  /**
   * {@code Ran 3 tasks in 0.05 s: none executed, 3 from the cache (.weft/cache: 10 entries, 21
   * KB)}.
   */
  private String summary(long elapsedNanos, Optional<Path> cacheDir,
      Optional<Cache.Stats> stats) {
    List<TaskOutcome> tasks = result.tasks();
    long executed = tasks.stream().filter(t -> t.status() == Status.EXECUTED).count();
    long cached = tasks.stream()
        .filter(t -> t.status() == Status.MEMORY_HIT || t.status() == Status.DISK_HIT).count();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "Ran %d %s in %.2f s: %s executed, %s from the cache", tasks.size(),
        tasks.size() == 1 ? "task" : "tasks", elapsedNanos / 1e9, none(executed), none(cached)));
    if (cacheDir.isEmpty()) {
      line.append(" (caching off)");
    } else if (stats.isPresent()) {
      line.append(String.format(Locale.ROOT, " (%s: %d entries, %s)", cacheDir.get(),
          stats.get().diskEntries(), size(stats.get().diskBytes())));
    }
    return line.toString();
  }

  private static String none(long count) {
    return count == 0 ? "none" : Long.toString(count);
  }

  /** {@code 812 bytes}, {@code 21 KB}, {@code 3.4 MB}. */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    if (bytes < 1_000_000) {
      return (bytes + 500) / 1000 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
