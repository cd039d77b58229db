package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a task parameter as an input of the flow: a value supplied by the caller when the flow
 * is run (with {@code Inputs.of(key, value)}), not computed by a task.
 *
 * <p>Several tasks may read the same input, and one task may read it through several parameters;
 * every declaration of an input must agree on its type ({@code int} and {@code Integer} agree)
 * and on {@link #key()}, or the processor reports {@code weft/input-conflict}. An input's type is
 * its key's, so it may not be or contain a raw type ({@code weft/raw-type}). An input may not
 * share its name with a task of the same class. The generated {@code …Flow} class has a typed key
 * for each input, named after it in UPPER_SNAKE_CASE.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Input {

  /** The input's name. Defaults to the parameter's name. */
  String value() default "";

  /**
   * Whether the input's value is part of the cache key of the tasks that read it. Set
   * {@code false} for values that do not change what a task computes — clients, connections,
   * thread pools, loggers: changing them then does not invalidate cached results. Every
   * declaration of the input must give the same {@code key}.
   */
  boolean key() default true;
}
