package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.Task;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import java.lang.annotation.Annotation;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Reports {@code @Input}, {@code @From} and {@code @Each} where they mean nothing: on parameters
 * of methods and constructors that are not tasks. Left alone, such a parameter would silently
 * not be what its author thinks.
 */
public final class StrayAnnotationChecker {
  private static final ImmutableList<Class<? extends Annotation>> PARAMETER_ANNOTATIONS =
      ImmutableList.of(Input.class, From.class, Each.class);

  private final ErrorReporter reporter;

  public StrayAnnotationChecker(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  public void check(RoundEnvironment round) {
    for (Class<? extends Annotation> annotation : PARAMETER_ANNOTATIONS) {
      for (Element parameter : round.getElementsAnnotatedWith(annotation)) {
        Element executable = parameter.getEnclosingElement();
        if (executable.getAnnotation(Task.class) != null) {
          continue;
        }
        String fix =
            executable.getKind() == ElementKind.CONSTRUCTOR
                ? "a constructor cannot be a task. Remove @" + annotation.getSimpleName()
                : "annotate " + Names.display(executable) + " with @Task, or remove @"
                    + annotation.getSimpleName();
        reporter.error(
            Diagnostic.NOT_A_TASK,
            Location.of(parameter),
            "@%s on parameter '%s' of %s has no effect, because only task parameters are read"
                + " from the graph; %s.",
            annotation.getSimpleName(),
            parameter.getSimpleName(),
            Names.display(executable),
            fix);
      }
    }
  }
}
