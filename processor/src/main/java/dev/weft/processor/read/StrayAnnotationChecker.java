package dev.weft.processor.read;

import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Reports {@code @Input}, {@code @From} and {@code @Each} where they mean nothing: on parameters
 * of methods and constructors that are not tasks. Left alone, such a parameter would silently
 * not be what its author thinks.
 */
public final class StrayAnnotationChecker {
  private static final List<Class<? extends Annotation>> PARAMETER_ANNOTATIONS =
      List.of(Input.class, From.class, Each.class);

  private final ErrorReporter reporter;

  public StrayAnnotationChecker(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Every element of the round carrying {@code @Input}, {@code @From} or {@code @Each}. */
  public static Set<Element> annotatedParameters(RoundEnvironment round) {
    Set<Element> parameters = new LinkedHashSet<>();
    for (Class<? extends Annotation> annotation : PARAMETER_ANNOTATIONS) {
      parameters.addAll(round.getElementsAnnotatedWith(annotation));
    }
    return parameters;
  }

  /** Reports each Weft annotation of {@code parameter} if its method is not a task. */
  public void check(Element parameter) {
    Element executable = parameter.getEnclosingElement();
    if (Annotations.isTask(executable)) {
      return;
    }
    for (AnnotationMirror annotation : Annotations.parameterAnnotations(parameter)) {
      String simpleName = annotation.getAnnotationType().asElement().getSimpleName().toString();
      String fix =
          executable.getKind() == ElementKind.CONSTRUCTOR
              ? "a constructor cannot be a task. Remove @" + simpleName
              : "annotate " + Names.display(executable) + " with @Task, or remove @" + simpleName;
      reporter.error(
          Diagnostic.NOT_A_TASK,
          Location.of(parameter),
          "@%s on parameter '%s' of %s has no effect, because only task parameters are read"
              + " from the graph; %s.",
          simpleName,
          parameter.getSimpleName(),
          Names.display(executable),
          fix);
    }
  }
}
