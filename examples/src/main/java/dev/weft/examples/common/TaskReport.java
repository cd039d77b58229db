package dev.weft.examples.common;

import dev.weft.engine.Cache;
import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did, task by task — executed and why, loaded from which cache, failed or skipped,
 * and how long that took — and a closing line with the run's time and the cache. A first run of
 * the words example, then the same run again when nothing changed:
 *
 * <pre>
 *   files   executed        0.29 s  new
 *   counts  executed        3.65 s  new; once per file, 80 times, on 2 worker threads
 *   total   executed        0.09 s  new
 *   report  executed        0.09 s  new
 * Ran 4 tasks in 4.32 s: 4 executed, none from the cache (.weft/cache: 16 entries, 261 KB)
 *
 *   files   disk cache      0.09 s  unchanged
 *   counts  not run                 not needed: what reads it came from the cache
 *   total   disk cache      0.08 s  unchanged
 *   report  disk cache      0.08 s  unchanged
 * Ran 3 tasks in 0.15 s: none executed, 3 from the cache (.weft/cache: 16 entries, 261 KB)
 * </pre>
 *
 * <p>A task of the flow that the run did not touch, because what reads it came from the cache,
 * is "not run". The summary counts failed and skipped tasks when there are any ({@code , 1
 * failed, 1 skipped}). An example adds what only it knows to a task's line with {@link #detail}.
 */
public final class TaskReport {
  /** How the engine's reason for a fan-out ends when some of its elements were loaded. */
  private static final String ELEMENTS_CACHED = " elements cached";

  private final Flow flow;
  private final RunResult result;
  private final Map<String, String> details = new HashMap<>();

  private TaskReport(Flow flow, RunResult result) {
    this.flow = flow;
    this.result = result;
  }

  /** The report of {@code result}, a run of {@code flow}. */
  public static TaskReport of(Flow flow, RunResult result) {
    return new TaskReport(flow, result);
  }

  /**
   * Adds {@code detail} after the reason on the line of fan-out task {@code task} when it executed
   * every element: {@code new; 1,226 jars on 2 worker threads}. When some elements came from the
   * cache the reason already says how many ({@code 1225 of 1226 elements cached}), and a detail
   * that counts all of them would be wrong, so it is left out; so it is on other statuses.
   */
  public TaskReport detail(String task, String detail) {
    details.put(task, detail);
    return this;
  }

  /** The line per task of the flow, in the flow's order, names padded to one width. */
  public List<String> taskLines() {
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
              outcome.duration().toNanos() / 1e9, why(outcome))));
    }
    return lines;
  }

  /**
   * The closing line, for a run that took {@code elapsedNanos}, with {@code cache} — from {@link
   * #describeCache(Optional, Weft)} — in parentheses: {@code Ran 3 tasks in 0.05 s: none
   * executed, 3 from the cache (.weft/cache: 10 entries, 21 KB)}.
   */
  public String summary(long elapsedNanos, String cache) {
    int[] counts = new int[Status.values().length];
    result.tasks().forEach(outcome -> counts[outcome.status().ordinal()]++);
    int tasks = result.tasks().size();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "Ran %d %s in %.2f s: %s executed, %s from the cache", tasks,
        tasks == 1 ? "task" : "tasks", elapsedNanos / 1e9, none(counts[Status.EXECUTED.ordinal()]),
        none(counts[Status.MEMORY_HIT.ordinal()] + counts[Status.DISK_HIT.ordinal()])));
    for (Status status : List.of(Status.FAILED, Status.SKIPPED)) {
      if (counts[status.ordinal()] > 0) {
        line.append(", ").append(counts[status.ordinal()]).append(' ').append(status(status));
      }
    }
    return line.append(" (").append(cache).append(')').toString();
  }

  /** {@link #taskLines()}, then the {@link #summary}. */
  public List<String> lines(long elapsedNanos, String cache) {
    List<String> lines = taskLines();
    lines.add(summary(elapsedNanos, cache));
    return lines;
  }

  /**
   * The cache of a run in {@code weft}, as the summaries name it: {@code caching off} when {@code
   * cacheDir} is empty, else the directory with its size on disk, {@code .weft/cache: 2,468
   * entries, 805 KB}.
   */
  public static String describeCache(Optional<Path> cacheDir, Weft weft) {
    return cacheDir.map(dir -> describeCache(dir, weft.cache().stats())).orElse("caching off");
  }

  /** {@code dir} with the size of its disk tier in {@code stats}. */
  static String describeCache(Path dir, Cache.Stats stats) {
    return String.format(Locale.ROOT, "%s: %,d entries, %s", dir, stats.diskEntries(),
        size(stats.diskBytes()));
  }

  /** {@code 812 bytes}, {@code 21 KB}, {@code 3.4 MB}, {@code 1.23 GB}: decimal units. */
  public static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    if (bytes < 1_000_000) {
      return (bytes + 500) / 1000 + " KB";
    }
    if (bytes < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
  }

  private String why(TaskOutcome outcome) {
    String detail = details.get(outcome.name());
    return detail == null || outcome.status() != Status.EXECUTED
        || outcome.reason().endsWith(ELEMENTS_CACHED)
        ? outcome.reason() : outcome.reason() + "; " + detail;
  }

  private static String status(Status status) {
    return switch (status) {
      case MEMORY_HIT -> "memory cache";
      case DISK_HIT -> "disk cache";
      default -> status.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String none(int count) {
    return count == 0 ? "none" : Integer.toString(count);
  }
}
