package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.Task;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.model.TaskClass;
import dev.weft.processor.model.TaskMethod;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The first stage: reads a class's {@code @Task} methods into a {@link TaskClass}, validating the
 * class and each method on its own.
 */
public final class TaskClassReader {
  private static final String TASK = Task.class.getCanonicalName();

  private final MoreTypes types;
  private final ClassValidator classValidator;
  private final MethodReader methodReader;

  public TaskClassReader(ErrorReporter reporter, MoreTypes types, Elements elements) {
    this.types = types;
    this.classValidator = new ClassValidator(reporter);
    this.methodReader = new MethodReader(reporter, types, elements);
  }

  /**
   * Whether a type the class's tasks use is not resolved yet — perhaps another processor
   * generates it in this round — so that reading should wait for the next round.
   */
  public boolean needsLaterRound(TypeElement type) {
    for (ExecutableElement method : taskMethods(type)) {
      if (types.containsError(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (types.containsError(parameter.asType())) {
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
      tasks.add(methodReader.read(method, taskAnnotation(method)));
    }
    return Optional.of(new TaskClass(type, tasks.build()));
  }

  private static ImmutableList<ExecutableElement> taskMethods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getAnnotation(Task.class) != null)
        .collect(ImmutableList.toImmutableList());
  }

  private static AnnotationMirror taskAnnotation(ExecutableElement method) {
    return method.getAnnotationMirrors().stream()
        .filter(
            a ->
                ((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(TASK))
        .findFirst()
        .orElseThrow();
  }
}
