package dev.weft.processor.rules;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @Each} fans out over a {@code Collection}, and the collection's elements are assignable
 * to the parameter receiving them.
 */
final class EachRule implements GraphRule {
  private static final String COLLECTION = "java.util.Collection";

  private final ErrorReporter reporter;
  private final MoreTypes types;

  EachRule(ErrorReporter reporter, MoreTypes types) {
    this.reporter = reporter;
    this.types = types;
  }

  @Override
  public void check(TaskGraph graph) {
    for (TaskMethod task : graph.source().tasks()) {
      for (TaskParameter parameter : task.parameters()) {
        if (parameter.kind() == TaskParameter.Kind.EACH) {
          graph.keyType(parameter.source()).ifPresent(source -> check(graph, task, parameter, source));
        }
      }
    }
  }

  private void check(TaskGraph graph, TaskMethod task, TaskParameter parameter, TypeMirror source) {
    Optional<TypeMirror> element = types.typeArgumentOf(source, COLLECTION);
    if (element.isEmpty()) {
      reporter.error(
          Diagnostic.EACH_SOURCE,
          Location.of(parameter.element(), parameter.annotation().orElseThrow(), "value"),
          "@Each(\"%s\") of %s fans out over %s, whose type %s is not a Collection. Make '%s' a"
              + " List, Set or other Collection, or fan out over another task.",
          parameter.source(),
          task.displayName(),
          graph.describe(parameter.source()),
          source,
          parameter.source());
      return;
    }
    if (!types.types().isAssignable(element.get(), parameter.type())) {
      reporter.error(
          Diagnostic.EACH_TYPE,
          Location.of(parameter.element()),
          "parameter '%s' of %s has type %s, but the elements of %s are %s, which is not"
              + " assignable to it. Change the parameter's type to %s.",
          parameter.parameterName(),
          task.displayName(),
          parameter.type(),
          graph.describe(parameter.source()),
          element.get(),
          element.get());
    }
  }
}
