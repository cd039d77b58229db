package dev.weft.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * Calls a user's task method. Generated code supplies one per task as a lambda that reads the
 * method's arguments from {@link TaskArgs} and calls the method on the flow's instance:
 *
 * <pre>{@code
 * args -> instance.files(args.get(CORPUS))
 * }</pre>
 *
 * <p>The engine calls it from worker threads, possibly concurrently for different tasks of one
 * instance, and once per element for a fan-out ({@code @Each}) task. It declares
 * {@code throws Exception} so that a task method's checked exceptions reach the engine
 * unwrapped, where they become the cause of the run's failure.
 */
@FunctionalInterface
public interface TaskBody {

  /**
   * Invokes the task method with arguments read from {@code args} and returns its result: the
   * task's value, or a {@link java.util.concurrent.CompletionStage} of it for an
   * {@linkplain TaskSpec#async() async} task. It returns {@code null} only for a {@code void}
   * method, whose task's key has type {@link Void}.
   *
   * @throws Exception whatever the task method throws
   */
  @Nullable Object call(TaskArgs args) throws Exception;
}
