package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.model.TaskMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The first stage: reads a class's {@code @Task} methods into a {@link TaskClass}, validating the
 * class and each method on its own.
 */
public final class TaskClassReader {
  private final MoreTypes types;
  private final Annotations annotations;
  private final ClassValidator classValidator;
  private final MethodReader methodReader;

  public TaskClassReader(ErrorReporter reporter, MoreTypes types, Elements elements) {
    this.types = types;
    this.annotations = new Annotations(elements);
    this.classValidator = new ClassValidator(reporter);
    this.methodReader = new MethodReader(reporter, types, elements, annotations);
  }

  /**
   * Whether something the class's tasks use is not resolved yet — a type of a signature or a
   * supertype of one, a supertype of the class (which may hold overloads of its tasks), or a
   * value of a Weft annotation — perhaps because another processor generates it in this round,
   * so that reading should wait for the next round.
   */
  public boolean needsLaterRound(TypeElement type) {
    if (types.containsError(type.asType())) {
      return true;
    }
    for (ExecutableElement method : taskMethods(type)) {
      if (annotations.isUnresolved(Annotations.find(method, Annotations.TASK).orElseThrow())
          || types.containsError(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (types.containsError(parameter.asType())
            || Annotations.parameterAnnotations(parameter).stream()
                .anyMatch(annotations::isUnresolved)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The class's tasks, or empty when the class itself cannot hold tasks (already reported). */
  public Optional<TaskClass> read(TypeElement type) {
    if (!classValidator.validate(type)) {
      return Optional.empty();
    }
    ImmutableList.Builder<TaskMethod> tasks = ImmutableList.builder();
    for (ExecutableElement method : taskMethods(type)) {
      AnnotationMirror task = Annotations.find(method, Annotations.TASK).orElseThrow();
      tasks.add(methodReader.read(method, task));
    }
    return Optional.of(new TaskClass(type, tasks.build(), inheritedTasks(type)));
  }

  /**
   * The tasks of the class's superclasses, by name. A superclass whose annotations do not resolve
   * is skipped: it is only read to explain a missing dependency.
   */
  private ImmutableMap<String, ExecutableElement> inheritedTasks(TypeElement type) {
    Map<String, ExecutableElement> inherited = new LinkedHashMap<>();
    for (TypeMirror s = type.getSuperclass();
        s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      for (ExecutableElement method : taskMethods((TypeElement) ((DeclaredType) s).asElement())) {
        AnnotationMirror task = Annotations.find(method, Annotations.TASK).orElseThrow();
        if (!annotations.isUnresolved(task)) {
          String value = annotations.string(task, "value");
          String name = value.isEmpty() ? method.getSimpleName().toString() : value;
          inherited.putIfAbsent(name, method);
        }
      }
    }
    return ImmutableMap.copyOf(inherited);
  }

  private static ImmutableList<ExecutableElement> taskMethods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(Annotations::isTask)
        .collect(ImmutableList.toImmutableList());
  }
}
