package dev.weft.engine.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.engine.Key;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks of one {@link TaskSpec.Builder}, kept apart so the builder reads as the
 * list of settings it is. Every message names the task, because a flow has many and the stack
 * trace of a generated {@code …Flow.of(...)} does not say which one is wrong.
 */
final class TaskSpecChecks {

  /** The builder's marker for "retries not given"; any real value is zero or more. */
  static final int UNSET = -1;

  private final String task;

  TaskSpecChecks(Key<?> task) {
    this.task = task.name();
  }

  /** Rejects a second value for one setting, naming the first, as Caffeine's builders do. */
  void unset(String setting, boolean alreadySet, @Nullable Object earlier) {
    if (alreadySet) {
      // Every plural setting name (dependencies, limits, retries) ends in "s"; the rest do not.
      String verb = setting.endsWith("s") ? "were" : "was";
      throw new IllegalStateException(
          setting + " of task '" + task + "' " + verb + " already set to " + earlier);
    }
  }

  <V> V notNull(String setting, V value) {
    return requireNonNull(value, () -> setting + " of task '" + task + "' must not be null");
  }

  String descriptor(String name, String descriptor) {
    notNull("method name", name);
    notNull("method descriptor", descriptor);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("method name of task '" + task + "' must not be empty");
    }
    if (!descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
      throw new IllegalArgumentException("method descriptor of task '" + task
          + "' must be a JVM method descriptor such as (Ljava/nio/file/Path;)Ljava/util/List;"
          + " but was '" + descriptor + "'");
    }
    return descriptor;
  }

  ImmutableList<Key<?>> dependencies(Key<?>[] keys) {
    notNull("dependencies", keys);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.length; i++) {
      Key<?> key = keys[i];
      if (key == null) {
        throw new NullPointerException("dependency " + i + " of task '" + task + "' is null");
      }
      if (!seen.add(key.name())) {
        throw new IllegalArgumentException("task '" + task + "' depends on '" + key.name()
            + "' twice; list each dependency once");
      }
    }
    return ImmutableList.copyOf(keys);
  }

  /** Checks a fan-out task at build time, when both its source and dependencies are known. */
  void each(Key<?> taskKey, Key<?> source, List<Key<?>> dependencies) {
    if (!dependencies.contains(source)) {
      throw new IllegalArgumentException("task '" + task + "' fans out over '" + source.name()
          + "', which is not among its dependencies " + names(dependencies)
          + "; list the fan-out source in dependsOn(...) too");
    }
    if (taskKey.type().getRawType() != List.class) {
      throw new IllegalArgumentException("task '" + task + "' fans out over '" + source.name()
          + "', so its key's type must be java.util.List of its results, but is "
          + taskKey.type());
    }
  }

  int retries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException(
          "retries of task '" + task + "' must be zero or more, but was " + retries);
    }
    return retries;
  }

  Duration timeout(Duration timeout) {
    notNull("timeout", timeout);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "timeout of task '" + task + "' must be positive, but was " + timeout);
    }
    return timeout;
  }

  ImmutableSet<String> limits(String[] tags) {
    notNull("limits", tags);
    ImmutableSet.Builder<String> set = ImmutableSet.builderWithExpectedSize(tags.length);
    Set<String> seen = new HashSet<>();
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) {
        throw new IllegalArgumentException("limits of task '" + task
            + "' contain a blank tag; name each limit, as in limits(\"db\")");
      }
      if (!seen.add(tag)) {
        throw new IllegalArgumentException(
            "task '" + task + "' lists limit '" + tag + "' twice; list each limit once");
      }
      set.add(tag);
    }
    return set.build();
  }

  static List<String> names(@Nullable List<Key<?>> keys) {
    return keys == null ? List.of() : keys.stream().map(Key::name).toList();
  }
}
