package dev.weft.processor.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A class with {@code @Task} methods, as read from its elements.
 *
 * @param element the class
 * @param tasks its task methods, in declaration order
 * @param inheritedTasks the {@code @Task} methods of its superclasses, by task name, nearest
 *     superclass first: they are not part of this class's flow, but a parameter naming one
 *     deserves to be told so
 */
public record TaskClass(
    TypeElement element,
    ImmutableList<TaskMethod> tasks,
    ImmutableMap<String, ExecutableElement> inheritedTasks) {

  /** The simple name the messages use for the class. */
  public String simpleName() {
    return element.getSimpleName().toString();
  }

  /** Whether every task is static, so that the flow needs no instance. */
  public boolean allStatic() {
    return tasks.stream().allMatch(TaskMethod::isStatic);
  }
}
