package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import dev.weft.processor.model.TaskParameter;
import dev.weft.processor.model.TaskParameter.Kind;
import java.util.Optional;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Reads one parameter of a task method: which node it reads, and how it names it. */
final class ParameterReader {
  private static final String INPUT = Input.class.getCanonicalName();
  private static final String FROM = From.class.getCanonicalName();
  private static final String EACH = Each.class.getCanonicalName();

  private final ErrorReporter reporter;

  ParameterReader(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  TaskParameter read(ExecutableElement method, VariableElement parameter) {
    ImmutableList<AnnotationMirror> weft = weftAnnotations(parameter);
    String parameterName = parameter.getSimpleName().toString();
    if (weft.isEmpty()) {
      return new TaskParameter(parameter, Kind.PLAIN, parameterName, Optional.empty(), true);
    }
    if (weft.size() > 1) {
      reporter.error(
          Diagnostic.CONFLICTING_ANNOTATIONS,
          Location.of(parameter, weft.get(1)),
          "parameter '%s' of %s(...) carries %s; a parameter reads one thing. Keep @Input for a"
              + " value supplied to the run, @From for another task's value, or @Each for one"
              + " element of a collection.",
          parameterName,
          method.getSimpleName(),
          listed(
              weft.stream()
                  .map(a -> "@" + a.getAnnotationType().asElement().getSimpleName())
                  .collect(ImmutableList.toImmutableList())));
    }
    AnnotationMirror annotation = weft.get(0);
    String type = qualifiedName(annotation);
    if (type.equals(INPUT)) {
      Input input = parameter.getAnnotation(Input.class);
      String name = input.value().isEmpty() ? parameterName : input.value();
      checkName(method, parameter, annotation, name, "input name");
      return new TaskParameter(parameter, Kind.INPUT, name, Optional.of(annotation), input.key());
    }
    String source =
        type.equals(FROM)
            ? parameter.getAnnotation(From.class).value()
            : parameter.getAnnotation(Each.class).value();
    checkName(method, parameter, annotation, source, "task name");
    return new TaskParameter(
        parameter, type.equals(FROM) ? Kind.FROM : Kind.EACH, source, Optional.of(annotation), true);
  }

  private void checkName(
      ExecutableElement method,
      VariableElement parameter,
      AnnotationMirror annotation,
      String name,
      String what) {
    if (name.isEmpty()) {
      reporter.error(
          Diagnostic.NAME,
          Location.of(parameter, annotation, "value"),
          "%s on parameter '%s' of %s(...) is empty; write the name of the task or input to"
              + " read.",
          "@" + annotation.getAnnotationType().asElement().getSimpleName() + "(\"\")",
          parameter.getSimpleName(),
          method.getSimpleName());
    } else if (!Names.isValid(name)) {
      reporter.error(
          Diagnostic.NAME,
          Location.of(parameter, annotation, "value"),
          "%s '%s' on parameter '%s' of %s(...) is not a Java identifier; task and input names"
              + " are identifiers, such as '%s'.",
          what,
          name,
          parameter.getSimpleName(),
          method.getSimpleName(),
          Names.suggestIdentifier(name));
    }
  }

  /** {@code a and b}, {@code a, b and c}. */
  private static String listed(List<String> items) {
    return items.size() == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static ImmutableList<AnnotationMirror> weftAnnotations(VariableElement parameter) {
    return parameter.getAnnotationMirrors().stream()
        .filter(
            a -> {
              String name = qualifiedName(a);
              return name.equals(INPUT) || name.equals(FROM) || name.equals(EACH);
            })
        .collect(ImmutableList.toImmutableList());
  }

  private static String qualifiedName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
