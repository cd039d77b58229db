package dev.weft.processor.rules;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.graph.TaskGraph;
import dev.weft.processor.model.TaskMethod;

/** Task names are unique within a class: dependencies name the task they read. */
final class DuplicateTaskRule implements GraphRule {
  private final ErrorReporter reporter;

  DuplicateTaskRule(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void check(TaskGraph graph) {
    for (TaskMethod task : graph.source().tasks()) {
      TaskMethod first = graph.tasks().get(task.name());
      if (first != task) {
        reporter.error(
            Diagnostic.DUPLICATE_TASK,
            Location.of(task.element(), task.annotation(), "value"),
            "task name '%s' of %s is already taken by %s; task names must be unique in %s, because"
                + " dependencies name the task they read. Rename one with @Task(\"...\").",
            task.name(),
            task.signature(),
            first.signature(),
            graph.source().simpleName());
      }
    }
  }
}
