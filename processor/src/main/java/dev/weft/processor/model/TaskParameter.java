package dev.weft.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One parameter of a task method and the node of the graph it reads.
 *
 * @param element the parameter
 * @param kind how the parameter names its source
 * @param source the name of the task or input it reads
 * @param annotation the {@code @Input}, {@code @From} or {@code @Each} annotation; empty for a
 *     plain parameter
 * @param keyed for an input, {@code @Input(key)}; {@code true} otherwise
 */
public record TaskParameter(
    VariableElement element,
    Kind kind,
    String source,
    Optional<AnnotationMirror> annotation,
    boolean keyed) {

  /** How a parameter names the node it reads. */
  public enum Kind {
    /** No annotation: the task or input named like the parameter. */
    PLAIN,
    /** {@code @From("name")}. */
    FROM,
    /** {@code @Input}: an input of the flow. */
    INPUT,
    /** {@code @Each("name")}: one element of that node's collection. */
    EACH
  }

  /** The parameter's declared type. */
  public TypeMirror type() {
    return element.asType();
  }

  /** The parameter's name in the source. */
  public String parameterName() {
    return element.getSimpleName().toString();
  }
}
