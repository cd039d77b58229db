package dev.weft.engine;

import dev.weft.engine.TaskOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary of a finished run, as {@link ConsoleProgress} prints it: its tasks counted by status,
 * the time it took, and its first failures.
 */
final class RunSummary {
  private final int tasks;
  private final int[] byStatus = new int[Status.values().length];
  private final List<TaskOutcome> failures = new ArrayList<>();

  RunSummary(RunResult result, int maxFailuresListed) {
    int count = 0;
    for (TaskOutcome outcome : result.tasks()) {
      count++;
      byStatus[outcome.status().ordinal()]++;
      if (outcome.status() == Status.FAILED && failures.size() < maxFailuresListed) {
        failures.add(outcome);
      }
    }
    this.tasks = count;
  }

  /** The summary's lines: the counts, then a line per failed task. */
  List<String> lines(String flow, long elapsedNanos) {
    StringBuilder parts = new StringBuilder();
    count(parts, of(Status.EXECUTED), "executed");
    count(parts, of(Status.MEMORY_HIT) + of(Status.DISK_HIT), "cached");
    count(parts, of(Status.FAILED), "failed");
    count(parts, of(Status.SKIPPED), "skipped");
    count(parts, of(Status.CANCELLED), "cancelled");
    List<String> lines = new ArrayList<>();
    lines.add(flow + ": " + tasks + (tasks == 1 ? " task" : " tasks") + " in "
        + elapsed(elapsedNanos) + (parts.length() == 0 ? "" : ":" + parts.substring(1)));
    for (TaskOutcome failure : failures) {
      lines.add("  failed: " + failure.name() + ": "
          + failure.reason().lines().findFirst().orElse(""));
    }
    int unlisted = of(Status.FAILED) - failures.size();
    if (unlisted > 0) {
      lines.add("  and " + unlisted + " more failed");
    }
    return lines;
  }

  private int of(Status status) {
    return byStatus[status.ordinal()];
  }

  static void count(StringBuilder text, long count, String what) {
    if (count > 0) {
      text.append(", ").append(count).append(' ').append(what);
    }
  }

  /** {@code 0.4 s}, {@code 12.0 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
  static String elapsed(long nanos) {
    long tenths = (Math.max(0, nanos) + 50_000_000L) / 100_000_000L; // rounded
    if (tenths < 600) {
      return tenths / 10 + "." + tenths % 10 + " s";
    }
    long seconds = tenths / 10;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
