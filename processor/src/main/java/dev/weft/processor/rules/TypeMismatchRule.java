package dev.weft.processor.rules;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import javax.lang.model.type.TypeMirror;

/**
 * A producer's value must be assignable to every parameter reading it, as in a method call:
 * generics and wildcards as javac checks them ({@code ArrayList<String>} feeds
 * {@code Collection<? extends CharSequence>}), boxing and unboxing ({@code int} feeds
 * {@code Integer}), nothing else ({@code String} does not feed {@code Integer}).
 */
final class TypeMismatchRule implements GraphRule {
  private final ErrorReporter reporter;
  private final MoreTypes types;

  TypeMismatchRule(ErrorReporter reporter, MoreTypes types) {
    this.reporter = reporter;
    this.types = types;
  }

  @Override
  public void check(TaskGraph graph) {
    for (TaskMethod task : graph.source().tasks()) {
      for (TaskParameter parameter : task.parameters()) {
        if (parameter.kind() != TaskParameter.Kind.PLAIN
            && parameter.kind() != TaskParameter.Kind.FROM) {
          continue;
        }
        graph
            .keyType(parameter.source())
            .filter(produced -> !types.types().isAssignable(produced, parameter.type()))
            .ifPresent(produced -> report(graph, task, parameter, produced));
      }
    }
  }

  private void report(
      TaskGraph graph, TaskMethod task, TaskParameter parameter, TypeMirror produced) {
    String producer = graph.describe(parameter.source());
    reporter.error(
        Diagnostic.TYPE_MISMATCH,
        Location.of(parameter.element()),
        "parameter '%s' of %s has type %s, but %s %s %s, which is not assignable to it. Change"
            + " the parameter's type to %s, or read another task with @From.",
        parameter.parameterName(),
        task.displayName(),
        parameter.type(),
        producer,
        graph.tasks().containsKey(parameter.source()) ? "produces" : "has type",
        produced,
        produced);
  }
}
