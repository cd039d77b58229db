package dev.weft.engine.internal;

import dev.weft.engine.Key;
import java.util.Collection;

/**
 * The arguments of one invocation of a {@link TaskBody}: the values of the task's dependencies,
 * and for a fan-out task the current element. The engine provides it; generated code only reads
 * from it, one call per method parameter.
 */
public interface TaskArgs {

  /**
   * Returns the value of the dependency {@code key}, a task or input that the task's
   * {@linkplain TaskSpec#dependencies() dependencies} list.
   *
   * @throws IllegalArgumentException if {@code key} is not a dependency of the running task
   */
  <T> T get(Key<T> key);

  /**
   * Returns the element of {@code source}'s collection that this invocation of a fan-out task
   * handles. Only meaningful in a task whose {@linkplain TaskSpec#each() each} is {@code source};
   * the engine invokes such a task once per element.
   *
   * @throws IllegalArgumentException if the running task does not fan out over {@code source}
   */
  <E> E each(Key<? extends Collection<? extends E>> source);
}
