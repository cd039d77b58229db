package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a task: a node of the dependency graph whose value is the method's return
 * value.
 *
 * <p>Each parameter of a task is one of:
 * <ul>
 *   <li>unannotated: the value of the task (or input) whose name equals the parameter's name;
 *   <li>{@link From @From("name")}: the value of the task of that name;
 *   <li>{@link Input @Input}: a value supplied when the flow is run;
 *   <li>{@link Each @Each("name")}: one element of that task's collection value — the task then
 *       runs once per element and its value is the {@code List} of results, in element order.
 * </ul>
 *
 * <p>The processor checks at compile time that every dependency exists, that its type is
 * assignable to the parameter (with boxing and generics, as a method call would be) and that the
 * graph has no cycle, and generates a {@code …Flow} class with a typed key per task and input.
 * Within one run, each task runs at most once; independent tasks run concurrently, so a task
 * must be safe to call concurrently with the other tasks of the same instance.
 *
 * <p>A task method must not be private, abstract or generic, and its class must be a top-level
 * or static nested class that is not private. A task's value type is its key's, so it may not be
 * or contain a raw type. Tasks are not inherited: a {@code @Task} method of a superclass belongs
 * to the superclass's flow, not to its subclasses'. A task returning {@code CompletableFuture<T>}
 * (or any {@code CompletionStage<T>}) produces a {@code T} without a thread waiting on it. A task
 * may throw checked exceptions; they fail the task and reach the caller as the cause of the run's
 * failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {

  /**
   * The task's name, which other tasks use to depend on it. Defaults to the method's name. Names
   * are Java identifiers, unique among the tasks and inputs of a class.
   */
  String value() default "";

  /**
   * Whether the task's value is memoized. Set {@code false} for tasks with side effects, clocks,
   * randomness, or values that cannot be stored: such a task runs every time it is needed. The
   * processor warns ({@code weft/uncacheable}) about a cached task whose value cannot be stored,
   * such as a {@code Stream} or {@code Object}; {@code @SuppressWarnings("weft/uncacheable")} on
   * the method or its class silences it.
   */
  boolean cache() default true;

  /**
   * A version that replaces the automatic code fingerprint in the task's cache key: while it stays
   * the same, edits to the task's code do not invalidate its cached values; change it to
   * invalidate them. Empty (the default) means the code fingerprint is used.
   */
  String version() default "";

  /**
   * How many more times a failing invocation is retried, with exponential backoff between
   * attempts. Zero (the default) means no retry; negative values are a compile error.
   */
  int retries() default 0;

  /**
   * The longest one attempt may run, as a positive whole number followed by a unit: {@code ms},
   * {@code s}, {@code m} or {@code h} — for example {@code "250ms"}, {@code "30s"}, {@code "5m"}.
   * An attempt that runs longer is interrupted and fails with a message naming the task and the
   * limit. Empty (the default) means no limit. A malformed duration is a compile error.
   */
  String timeout() default "";

  /**
   * Concurrency tags: while this task runs it holds one permit of each tag, so at most as many
   * tasks with a tag run at once as the engine's {@code Weft.Builder.limit(tag, permits)} allows.
   * Tags without a configured limit do not restrict anything. A blank or repeated tag is a compile
   * error.
   */
  String[] limits() default {};
}
