package dev.weft.processor;

import dev.weft.engine.Flow;
import dev.weft.engine.Key;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskArgs;
import dev.weft.engine.internal.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Calls the task bodies of a generated flow one after another, in topological order, so that the
 * processor's tests can check that the generated lambdas call the right methods with the right
 * arguments. Test support only: the engine's scheduler is what runs flows.
 */
final class SequentialTestRunner {
  private SequentialTestRunner() {}

  /** Every task's value, by name, given the inputs' values by name. */
  static Map<String, Object> runAll(Flow flow, Map<String, Object> inputs) throws Exception {
    FlowGraph graph = (FlowGraph) flow;
    Map<Key<?>, Object> values = new HashMap<>();
    for (Key<?> input : graph.inputs()) {
      values.put(input, inputs.get(input.name()));
    }
    Map<String, Object> byName = new HashMap<>();
    for (TaskSpec<?> task : graph.taskSpecs()) {
      Object value;
      if (task.each().isPresent()) {
        List<Object> results = new ArrayList<>();
        for (Object element : (Collection<?>) values.get(task.each().get())) {
          results.add(unwrap(task, task.body().call(new Args(values, element))));
        }
        value = results;
      } else {
        value = unwrap(task, task.body().call(new Args(values, null)));
      }
      values.put(task.key(), value);
      byName.put(task.name(), value);
    }
    return byName;
  }

  private static Object unwrap(TaskSpec<?> task, Object result) {
    return task.async()
        ? ((CompletionStage<?>) result).toCompletableFuture().join()
        : result;
  }

  private record Args(Map<Key<?>, Object> values, Object element) implements TaskArgs {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
      return (T) values.get(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> E each(Key<? extends Collection<? extends E>> source) {
      return (E) element;
    }
  }
}
