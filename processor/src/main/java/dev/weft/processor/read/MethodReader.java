package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.Task;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Task} method into a {@link TaskMethod} and checks what can be checked of it
 * alone: visibility, abstractness, type parameters, the {@code @Task} values and each parameter's
 * annotations. Rules that need the other tasks of the class live in the graph stage.
 *
 * <p>A method with errors is still read, as well as it can be, so that the graph rules do not
 * add follow-up errors ("names no task") about tasks that do exist.
 */
final class MethodReader {
  private final ErrorReporter reporter;
  private final MoreTypes types;
  private final ParameterReader parameters;
  private final UncacheableTypes uncacheable;
  private final Elements elements;

  MethodReader(ErrorReporter reporter, MoreTypes types, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
    this.types = types;
    this.parameters = new ParameterReader(reporter);
    this.uncacheable = new UncacheableTypes(types, elements);
  }

  TaskMethod read(ExecutableElement method, AnnotationMirror annotation) {
    Task task = method.getAnnotation(Task.class);
    String name = task.value().isEmpty() ? method.getSimpleName().toString() : task.value();
    checkModifiers(method);
    checkSignatureTypes(method);
    if (!Names.isValid(name)) {
      reporter.error(
          Diagnostic.NAME,
          Location.of(method, annotation, "value"),
          "task name '%s' of %s(...) is not a Java identifier; other tasks name it in"
              + " parameters, and the generated key constant is derived from it. Use letters,"
              + " digits and underscores, such as '%s'.",
          name,
          method.getSimpleName(),
          Names.suggestIdentifier(name));
    }
    if (task.retries() < 0) {
      reporter.error(
          Diagnostic.RETRIES,
          Location.of(method, annotation, "retries"),
          "retries = %d of task '%s' is negative; use 0 for no retry, or the number of extra"
              + " attempts after a failure.",
          task.retries(),
          name);
    }
    Optional<Duration> timeout = readTimeout(method, annotation, task, name);

    TypeMirror returnType = method.getReturnType();
    Optional<TypeMirror> stageValue =
        types.typeArgumentOf(returnType, "java.util.concurrent.CompletionStage");
    TypeMirror valueType = types.boxed(stageValue.orElse(returnType));
    if (task.cache()) {
      uncacheable
          .whyNot(valueType)
          .ifPresent(
              why ->
                  reporter.warning(
                      Diagnostic.UNCACHEABLE,
                      Location.of(method),
                      "task '%s' returns %s, which cannot be stored in the disk cache: %s. Set"
                          + " @Task(cache = false) to compute it on every run, or return data"
                          + " such as a List or a record.",
                      name,
                      valueType,
                      why));
    }

    ImmutableList.Builder<TaskParameter> read = ImmutableList.builder();
    boolean sawEach = false;
    for (VariableElement parameter : method.getParameters()) {
      TaskParameter p = parameters.read(method, parameter);
      if (p.kind() == TaskParameter.Kind.EACH) {
        if (sawEach) {
          reporter.error(
              Diagnostic.EACH_COUNT,
              Location.of(parameter, p.annotation().orElseThrow()),
              "task '%s' has a second @Each parameter '%s'; a task fans out over one collection."
                  + " Combine the collections in an upstream task, or split this task in two.",
              name,
              p.parameterName());
        }
        sawEach = true;
      }
      read.add(p);
    }
    return new TaskMethod(
        method,
        annotation,
        name,
        valueType,
        stageValue.isPresent(),
        method.getModifiers().contains(Modifier.STATIC),
        task.cache(),
        task.version(),
        task.retries(),
        timeout,
        ImmutableList.copyOf(task.limits()),
        read.build());
  }

  private void checkModifiers(ExecutableElement method) {
    String display = method.getSimpleName() + "(...)";
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(
          Diagnostic.PRIVATE_TASK,
          Location.of(method),
          "task method %s is private; the generated flow calls it from outside the class. Make"
              + " it package-private, protected or public.",
          display);
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(
          Diagnostic.ABSTRACT_TASK,
          Location.of(method),
          "task method %s is abstract; a task needs a body to run. Implement it here, or put"
              + " @Task on the implementing method of a concrete class.",
          display);
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(
          Diagnostic.GENERIC_TASK,
          Location.of(method),
          "task method %s declares type parameters %s; a task's value and parameters need"
              + " concrete types for the graph to be checked. Replace the type parameters with"
              + " concrete types.",
          display,
          Names.typeParameters(method.getTypeParameters()));
    }
  }

  /** The generated flow, in the class's package, must be able to name every signature type. */
  private void checkSignatureTypes(ExecutableElement method) {
    PackageElement here = elements.getPackageOf(method);
    List<TypeMirror> signature = new ArrayList<>();
    signature.add(method.getReturnType());
    method.getParameters().forEach(p -> signature.add(p.asType()));
    for (TypeMirror type : signature) {
      Optional<TypeElement> hidden = types.inaccessibleFrom(type, here);
      if (hidden.isPresent()) {
        reporter.error(
            Diagnostic.INACCESSIBLE_TYPE,
            Location.of(method),
            "task method %s uses %s, which is %s; the generated flow, in package %s, must name"
                + " the types of a task's value and parameters. Make %s package-private or"
                + " public.",
            Names.display(method),
            hidden.get().getQualifiedName(),
            hidden.get().getModifiers().contains(Modifier.PRIVATE) ? "private" : "protected",
            here.getQualifiedName(),
            hidden.get().getSimpleName());
        return;
      }
    }
  }

  private Optional<Duration> readTimeout(
      ExecutableElement method, AnnotationMirror annotation, Task task, String name) {
    if (task.timeout().isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> timeout = Timeouts.parse(task.timeout());
    if (timeout.isEmpty()) {
      reporter.error(
          Diagnostic.TIMEOUT,
          Location.of(method, annotation, "timeout"),
          "timeout \"%s\" of task '%s' is not a positive duration; write a whole number followed"
              + " by ms, s, m or h, such as \"250ms\", \"30s\" or \"5m\".",
          task.timeout(),
          name);
    }
    return timeout;
  }
}
