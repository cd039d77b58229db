package dev.weft.engine.caching;

import dev.weft.engine.Flow;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunHandle;
import dev.weft.engine.RunResult;
import dev.weft.engine.TaskOutcome;
import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.Weft;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading outcomes, of runs in this JVM and of runs printed by {@link CacheChild}. */
final class Results {
  /** How long a run of these tests' small flows may take before it counts as hung. */
  private static final long RUN_SECONDS = 8;

  private Results() {}

  /**
   * {@code weft.run(flow, inputs, targets)}, but a run that does not finish within {@value
   * #RUN_SECONDS} seconds is cancelled and fails the test as hung, rather than hanging it.
   */
  static RunResult run(Weft weft, Flow flow, Inputs inputs, Key<?>... targets) {
    RunHandle handle = weft.start(flow, inputs, targets);
    try {
      return handle.future().get(RUN_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      handle.cancel();
      throw new AssertionError("the run of flow '" + flow.name() + "' with targets "
          + Arrays.stream(targets).map(Key::name).toList() + " and " + inputs
          + " did not finish within " + RUN_SECONDS + " s: it hangs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      handle.cancel();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Task name to status, in the order of {@link RunResult#tasks()}. */
  static Map<String, Status> statuses(RunResult result) {
    Map<String, Status> out = new LinkedHashMap<>();
    for (TaskOutcome t : result.tasks()) {
      out.put(t.name(), t.status());
    }
    return out;
  }

  /** Task name to reason, in the order of {@link RunResult#tasks()}. */
  static Map<String, String> reasons(RunResult result) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TaskOutcome t : result.tasks()) {
      out.put(t.name(), t.reason());
    }
    return out;
  }

  /** The names of the tasks that executed. */
  static List<String> executed(RunResult result) {
    return result.tasks().stream()
        .filter(t -> t.status() == Status.EXECUTED).map(TaskOutcome::name).toList();
  }

  /** Task name to status, from the {@code outcome} lines of a child's output. */
  static Map<String, Status> childStatuses(List<String> lines) {
    Map<String, Status> out = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("outcome ")) {
        String[] parts = line.split(" ", 4);
        out.put(parts[1], Status.valueOf(parts[2]));
      }
    }
    return out;
  }

  /** The text after {@code value } in a child's output, or null if it printed none. */
  static String childValue(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("value ")) {
        return line.substring("value ".length());
      }
    }
    return null;
  }
}
