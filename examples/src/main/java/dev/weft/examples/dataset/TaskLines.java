package dev.weft.examples.dataset;

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
 * A line per task of a run — executed and why, or loaded from which cache, and how long that
 * took — and a closing line with the run's time and the cache's size, as the words example prints
 * them. A later run with another query:
 *
 * <pre>
 *   index  disk cache    0.41 s  unchanged
 *   query  executed      0.03 s  input 'pattern' changed
 * Ran 2 tasks in 0.45 s: 1 executed, 1 from the cache (.weft/cache: 4 entries, 3.9 MB)
 * </pre>
 */
final class TaskLines {
  private TaskLines() {}

  /**
   * The lines for {@code result}, a run of {@code flow} that took {@code elapsedNanos}; the
   * summary names the cache directory and its size when there is one. A task of the flow that the
   * run did not touch, because what reads it came from the cache, is "not run".
   */
  static List<String> of(Flow flow, RunResult result, long elapsedNanos,
      Optional<Path> cacheDir, Optional<Cache.Stats> stats) {
    Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
    result.tasks().forEach(outcome -> outcomes.put(outcome.name(), outcome));
    int width = flow.tasks().stream().mapToInt(k -> k.name().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Key<?> task : flow.tasks()) {
      TaskOutcome outcome = outcomes.get(task.name());
      String name = String.format(Locale.ROOT, "  %-" + width + "s  ", task.name());
      lines.add(name + (outcome == null
          ? String.format(Locale.ROOT, "%-12s  %6s    %s", "not run", "",
              "not needed: what reads it came from the cache")
          : String.format(Locale.ROOT, "%-12s  %6.2f s  %s", status(outcome.status()),
              outcome.duration().toNanos() / 1e9, outcome.reason())));
    }
    long executed = count(result, Status.EXECUTED);
    long cached = count(result, Status.MEMORY_HIT) + count(result, Status.DISK_HIT);
    int tasks = result.tasks().size();
    String summary = String.format(Locale.ROOT, "Ran %d %s in %.2f s: %s executed, %s from the"
        + " cache", tasks, tasks == 1 ? "task" : "tasks", elapsedNanos / 1e9, none(executed),
        none(cached));
    if (cacheDir.isEmpty()) {
      summary += " (caching off)";
    } else if (stats.isPresent()) {
      summary += String.format(Locale.ROOT, " (%s: %d entries, %s)", cacheDir.get(),
          stats.get().diskEntries(), size(stats.get().diskBytes()));
    }
    lines.add(summary);
    return lines;
  }

  private static String status(Status status) {
    return switch (status) {
      case EXECUTED -> "executed";
      case MEMORY_HIT -> "memory cache";
      case DISK_HIT -> "disk cache";
      default -> status.name().toLowerCase(Locale.ROOT);
    };
  }

  private static long count(RunResult result, Status status) {
    return result.tasks().stream().filter(t -> t.status() == status).count();
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
