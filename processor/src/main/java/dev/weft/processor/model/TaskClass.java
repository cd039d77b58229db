package dev.weft.processor.model;

import com.google.common.collect.ImmutableList;
import javax.lang.model.element.TypeElement;

/**
 * A class with {@code @Task} methods, as read from its elements.
 *
 * @param element the class
 * @param tasks its task methods, in declaration order
 */
public record TaskClass(TypeElement element, ImmutableList<TaskMethod> tasks) {

  /** The simple name the messages use for the class. */
  public String simpleName() {
    return element.getSimpleName().toString();
  }

  /** Whether every task is static, so that the flow needs no instance. */
  public boolean allStatic() {
    return tasks.stream().allMatch(TaskMethod::isStatic);
  }
}
