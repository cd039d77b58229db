package dev.weft.processor.model;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Names;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Task} method.
 *
 * @param element the method
 * @param annotation its {@code @Task} annotation, for pointing diagnostics at its values
 * @param name the task's name: {@code @Task(value)} or the method's name
 * @param valueType the type of one result: the return type, boxed, and unwrapped from
 *     {@code CompletionStage<T>} when {@link #async}; {@code Void} for a void method
 * @param async whether the method returns a {@code CompletionStage}
 * @param isStatic whether the method is static
 * @param cache {@code @Task(cache)}
 * @param version {@code @Task(version)}
 * @param retries {@code @Task(retries)}
 * @param timeout {@code @Task(timeout)}, parsed; empty when absent or malformed
 * @param limits {@code @Task(limits)}
 * @param parameters the parameters, in order
 */
public record TaskMethod(
    ExecutableElement element,
    AnnotationMirror annotation,
    String name,
    TypeMirror valueType,
    boolean async,
    boolean isStatic,
    boolean cache,
    String version,
    int retries,
    Optional<Duration> timeout,
    ImmutableList<String> limits,
    ImmutableList<TaskParameter> parameters) {

  /** The parameter fanned out over with {@code @Each}, if any. */
  public Optional<TaskParameter> eachParameter() {
    return parameters.stream().filter(p -> p.kind() == TaskParameter.Kind.EACH).findFirst();
  }

  /** How messages name the method: {@code files(...)}. */
  public String displayName() {
    return Names.display(element);
  }

  /**
   * The method with its parameter types, {@code count(java.lang.String)}, for messages that must
   * tell overloads apart.
   */
  public String signature() {
    return parameters.stream()
        .map(p -> p.type().toString())
        .collect(Collectors.joining(", ", element.getSimpleName() + "(", ")"));
  }
}
