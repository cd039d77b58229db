package dev.weft.engine;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskBody;
import dev.weft.engine.internal.TaskSpec;
import java.util.function.Consumer;

/**
 * Builds flows for the scheduler's tests on {@link FlowGraph#builder}, the way generated code
 * does, so that these tests do not depend on {@link FlowBuilder}. Values are {@code Integer}s
 * unless a test gives a type.
 */
final class TestFlow {
  static final TypeToken<Integer> INT = TypeToken.of(Integer.class);

  private final String name;
  private final FlowGraph.Builder builder;

  private TestFlow(String name) {
    this.name = name;
    this.builder = FlowGraph.builder(name, null);
  }

  static TestFlow named(String name) {
    return new TestFlow(name);
  }

  /** The key of an Integer task or input of this flow, not yet declared. */
  Key<Integer> key(String keyName) {
    return Key.of(name, keyName, INT);
  }

  <T> Key<T> key(String keyName, TypeToken<T> type) {
    return Key.of(name, keyName, type);
  }

  Key<Integer> input(String inputName) {
    return input(key(inputName));
  }

  <T> Key<T> input(Key<T> key) {
    builder.input(key, true);
    return key;
  }

  /** Declares an Integer task with default settings. */
  Key<Integer> task(String taskName, TaskBody body, Key<?>... dependencies) {
    return task(key(taskName), body, spec -> {}, dependencies);
  }

  /** Declares an Integer task; {@code settings} adds retries, a timeout, limits and so on. */
  Key<Integer> task(String taskName, TaskBody body, Consumer<TaskSpec.Builder<Integer>> settings,
      Key<?>... dependencies) {
    return task(key(taskName), body, settings, dependencies);
  }

  <T> Key<T> task(Key<T> key, TaskBody body, Consumer<TaskSpec.Builder<T>> settings,
      Key<?>... dependencies) {
    TaskSpec.Builder<T> spec = TaskSpec.builder(key, body).dependsOn(dependencies);
    settings.accept(spec);
    builder.task(spec.build());
    return key;
  }

  FlowGraph build() {
    return builder.build();
  }
}
