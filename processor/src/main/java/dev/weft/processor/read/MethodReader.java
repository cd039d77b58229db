package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.base.Names;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import dev.weft.processor.read.SettingsReader.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Task} method into a {@link TaskMethod} and checks what can be checked of it
 * alone: visibility, abstractness, type parameters, the types of its signature, the {@code @Task}
 * values and each parameter's annotations. Rules that need the other tasks of the class live in
 * the graph stage.
 *
 * <p>A method with errors is still read, as well as it can be, so that the graph rules do not
 * add follow-up errors ("names no task") about tasks that do exist.
 */
final class MethodReader {
  private final ErrorReporter reporter;
  private final MoreTypes types;
  private final Elements elements;
  private final Annotations annotations;
  private final SettingsReader settings;
  private final ParameterReader parameters;
  private final RawTypeCheck rawTypes;
  private final UncacheableTypes uncacheable;

  MethodReader(
      ErrorReporter reporter, MoreTypes types, Elements elements, Annotations annotations) {
    this.reporter = reporter;
    this.types = types;
    this.elements = elements;
    this.annotations = annotations;
    this.settings = new SettingsReader(reporter, annotations);
    this.rawTypes = new RawTypeCheck(reporter, types);
    this.parameters = new ParameterReader(reporter, annotations, rawTypes);
    this.uncacheable = new UncacheableTypes(reporter, types, elements);
  }

  TaskMethod read(ExecutableElement method, AnnotationMirror annotation) {
    String value = annotations.string(annotation, "value");
    String name = value.isEmpty() ? method.getSimpleName().toString() : value;
    checkModifiers(method);
    checkSignatureTypes(method);
    if (!Names.isValid(name)) {
      reporter.error(
          Diagnostic.NAME,
          Location.of(method, annotation, "value"),
          "task name '%s' of %s is not a Java identifier; other tasks name it in parameters, and"
              + " the generated key constant is derived from it. Use letters, digits and"
              + " underscores, such as '%s'.",
          name,
          Names.display(method),
          Names.suggestIdentifier(name));
    }
    Settings read = settings.read(method, annotation, name);

    TypeMirror returnType = method.getReturnType();
    Optional<TypeMirror> stageValue =
        types.typeArgumentOf(returnType, "java.util.concurrent.CompletionStage");
    TypeMirror valueType = types.boxed(stageValue.orElse(returnType));
    boolean raw =
        returnType.getKind() != TypeKind.VOID && rawTypes.checkTask(method, name, returnType);
    if (read.cache() && !raw) {
      uncacheable.check(method, name, returnType, valueType, stageValue.isPresent());
    }

    return new TaskMethod(
        method,
        annotation,
        name,
        valueType,
        stageValue.isPresent(),
        method.getModifiers().contains(Modifier.STATIC),
        read.cache(),
        read.version(),
        read.retries(),
        read.timeout(),
        read.limits(),
        readParameters(method, name));
  }

  private ImmutableList<TaskParameter> readParameters(ExecutableElement method, String name) {
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
    return read.build();
  }

  private void checkModifiers(ExecutableElement method) {
    String display = Names.display(method);
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
        boolean isPrivate = hidden.get().getModifiers().contains(Modifier.PRIVATE);
        reporter.error(
            Diagnostic.INACCESSIBLE_TYPE,
            Location.of(method),
            "task method %s uses %s, which is %s; the generated flow, in package %s, must name"
                + " the types of a task's value and parameters. Make %s %s.",
            Names.display(method),
            hidden.get().getQualifiedName(),
            isPrivate ? "private" : "protected in another package",
            here.getQualifiedName(),
            hidden.get().getSimpleName(),
            // Package-private would hide a class of another package just as well as protected.
            isPrivate ? "package-private or public" : "public");
        return;
      }
    }
  }
}
