package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fans a task out over a collection: the task runs once per element of the named task's (or
 * input's) value, in parallel, and receives the element in this parameter.
 *
 * <p>The source's type must be a {@link java.util.Collection} whose element type is assignable to
 * the parameter. The task's value — what its dependents receive — is a {@code List} of its
 * results, in the order of the elements; an empty collection gives an empty list. Each element's
 * result is cached on its own, so changing one element recomputes only that element.
 *
 * <pre>{@code
 * @Task
 * Map<String, Long> counts(@Each("files") Path file) { ... }   // value: List<Map<String, Long>>
 * }</pre>
 *
 * <p>A task has at most one {@code @Each} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Each {

  /** The name of the task or input whose collection value this task fans out over. */
  String value();
}
