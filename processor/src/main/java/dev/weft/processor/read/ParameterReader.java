package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import dev.weft.processor.model.TaskParameter;
import dev.weft.processor.model.TaskParameter.Kind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/** Reads one parameter of a task method: which node it reads, and how it names it. */
final class ParameterReader {
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final RawTypeCheck rawTypes;

  ParameterReader(ErrorReporter reporter, Annotations annotations, RawTypeCheck rawTypes) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.rawTypes = rawTypes;
  }

  TaskParameter read(ExecutableElement method, VariableElement parameter) {
    ImmutableList<AnnotationMirror> weft = Annotations.parameterAnnotations(parameter);
    String parameterName = parameter.getSimpleName().toString();
    if (weft.isEmpty()) {
      return new TaskParameter(parameter, Kind.PLAIN, parameterName, Optional.empty(), true);
    }
    if (weft.size() > 1) {
      reporter.error(
          Diagnostic.CONFLICTING_ANNOTATIONS,
          Location.of(parameter, weft.get(1)),
          "parameter '%s' of %s carries %s; a parameter reads one thing. Keep @Input for a"
              + " value supplied to the run, @From for another task's value, or @Each for one"
              + " element of a collection.",
          parameterName,
          Names.display(method),
          listed(
              weft.stream()
                  .map(a -> "@" + a.getAnnotationType().asElement().getSimpleName())
                  .collect(ImmutableList.toImmutableList())));
    }
    AnnotationMirror annotation = weft.get(0);
    String type = Annotations.qualifiedName(annotation);
    String value = annotations.string(annotation, "value");
    if (type.equals(Annotations.INPUT)) {
      String name = value.isEmpty() ? parameterName : value;
      checkName(method, parameter, annotation, name, "input name");
      rawTypes.checkInput(method, parameter, name);
      boolean keyed = annotations.bool(annotation, "key");
      return new TaskParameter(parameter, Kind.INPUT, name, Optional.of(annotation), keyed);
    }
    checkName(method, parameter, annotation, value, "task name");
    return new TaskParameter(
        parameter,
        type.equals(Annotations.FROM) ? Kind.FROM : Kind.EACH,
        value,
        Optional.of(annotation),
        true);
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
          "%s on parameter '%s' of %s is empty; write the name of the task or input to read.",
          "@" + annotation.getAnnotationType().asElement().getSimpleName() + "(\"\")",
          parameter.getSimpleName(),
          Names.display(method));
    } else if (!Names.isValid(name)) {
      reporter.error(
          Diagnostic.NAME,
          Location.of(parameter, annotation, "value"),
          "%s '%s' on parameter '%s' of %s is not a Java identifier; task and input names are"
              + " identifiers, such as '%s'.",
          what,
          name,
          parameter.getSimpleName(),
          Names.display(method),
          Names.suggestIdentifier(name));
    }
  }

  /** {@code a and b}, {@code a, b and c}. */
  private static String listed(List<String> items) {
    return items.size() == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
