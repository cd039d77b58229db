package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a task parameter depend on the task (or input) with the given name, for when the
 * parameter's own name differs from it. An unannotated parameter depends on the task whose name
 * equals the parameter's name.
 *
 * <pre>{@code
 * @Task
 * Report report(@From("total") Map<String, Long> counts) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface From {

  /** The name of the task this parameter receives the value of. */
  String value();
}
