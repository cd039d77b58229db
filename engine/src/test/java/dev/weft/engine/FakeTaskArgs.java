package dev.weft.engine;

import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskArgs;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a task invocation without the engine: a map from keys to values, so that a
 * test can call a code-built task's body and see what its function received.
 */
final class FakeTaskArgs implements TaskArgs {

  // By identity, as the engine matches keys: a lookup by an equal key of another builder fails.
  private final Map<Key<?>, Object> values = new IdentityHashMap<>();

  <T> FakeTaskArgs with(Key<T> key, T value) {
    values.put(key, value);
    return this;
  }

  /** Calls the body of {@code task} of {@code flow} with these arguments. */
  @Nullable Object call(Flow flow, Key<?> task) throws Exception {
    return ((FlowGraph) flow).task(task.name()).orElseThrow().body().call(this);
  }

  @Override
  @SuppressWarnings("unchecked") // with(...) stored a T under a Key<T>
  public <T> T get(Key<T> key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("no value for " + key);
    }
    return (T) values.get(key);
  }

  @Override
  public <E> E each(Key<? extends Collection<? extends E>> source) {
    throw new UnsupportedOperationException("code-built tasks do not fan out yet");
  }
}
