package dev.weft.processor.rules;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;
import dev.weft.processor.model.TaskParameter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every parameter that is not an {@code @Input} reads a task or input of the same class: by its
 * own name, by {@code @From} or by {@code @Each}.
 */
final class MissingDependencyRule implements GraphRule {
  private final ErrorReporter reporter;

  MissingDependencyRule(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void check(TaskGraph graph) {
    for (TaskMethod task : graph.source().tasks()) {
      for (TaskParameter parameter : task.parameters()) {
        // An input names itself; a name that is not one was reported by the reader already.
        if (parameter.kind() == TaskParameter.Kind.INPUT
            || graph.keyTypes().containsKey(parameter.source())
            || !Names.isValid(parameter.source())) {
          continue;
        }
        String suggestion =
            inherited(graph, parameter.source())
                .orElseGet(() -> didYouMean(graph, parameter.source(), task.name()));
        if (parameter.kind() == TaskParameter.Kind.PLAIN) {
          reporter.error(
              Diagnostic.MISSING,
              Location.of(parameter.element()),
              "parameter '%s' of %s names no task or input of %s%s Add @Input to read it from"
                  + " the run's inputs, or @From(\"task\") to read a task of another name.",
              parameter.parameterName(),
              task.displayName(),
              graph.source().simpleName(),
              suggestion);
        } else {
          String annotation = parameter.kind() == TaskParameter.Kind.FROM ? "@From" : "@Each";
          reporter.error(
              Diagnostic.MISSING,
              Location.of(parameter.element(), parameter.annotation().orElseThrow(), "value"),
              "%s(\"%s\") on parameter '%s' of %s names no task or input of %s%s Name one of"
                  + " its tasks, or declare the value as an input with @Input.",
              annotation,
              parameter.source(),
              parameter.parameterName(),
              task.displayName(),
              graph.source().simpleName(),
              suggestion);
        }
      }
    }
  }

  /**
   * The end of the message's first sentence when {@code missing} is a task of a superclass, which
   * the author may well have expected to be inherited.
   */
  private static Optional<String> inherited(TaskGraph graph, String missing) {
    return Optional.ofNullable(graph.source().inheritedTasks().get(missing))
        .map(
            method ->
                String.format(
                    "; '%s' is a task of superclass %s, but tasks of superclasses are not part of"
                        + " this class's flow (override %s here and annotate it with @Task).",
                    missing,
                    method.getEnclosingElement().getSimpleName(),
                    Names.display(method)));
  }

  /**
   * The end of the message's first sentence: {@code "; did you mean 'lines'?"} with the nearest
   * names, or {@code "."} when none is near. The reading task itself is never suggested: reading
   * it would be a cycle.
   */
  private static String didYouMean(TaskGraph graph, String missing, String reader) {
    // One edit in four letters is a typo; two in two letters is another word ('i2' is not 'c').
    int limit = Math.max(1, Math.min(3, missing.length() / 3));
    ImmutableList<String> near =
        graph.keyTypes().keySet().stream()
            .filter(name -> !name.equals(reader))
            .filter(name -> EditDistance.between(missing, name) <= limit)
            .sorted(
                Comparator.comparingInt((String name) -> EditDistance.between(missing, name))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(3)
            .collect(ImmutableList.toImmutableList());
    if (near.isEmpty()) {
      return ".";
    }
    return near.stream()
        .map(n -> "'" + n + "'")
        .collect(Collectors.joining(" or ", "; did you mean ", "?"));
  }
}
