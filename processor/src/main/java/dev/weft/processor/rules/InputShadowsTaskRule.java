package dev.weft.processor.rules;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.graph.InputNode;
import dev.weft.processor.graph.TaskGraph;

/** An input and a task of one class cannot share a name: a name refers to one node. */
final class InputShadowsTaskRule implements GraphRule {
  private final ErrorReporter reporter;

  InputShadowsTaskRule(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void check(TaskGraph graph) {
    for (InputNode input : graph.inputDeclarations()) {
      if (graph.tasks().containsKey(input.name())) {
        reporter.error(
            Diagnostic.INPUT_SHADOWS_TASK,
            Location.of(input.parameter().element(), input.parameter().annotation().orElseThrow()),
            "input '%s' of %s has the name of task '%s' (%s); a name refers to one node of the"
                + " graph. Remove @Input to read the task's value, or rename the input with"
                + " @Input(\"...\").",
            input.name(),
            input.task().displayName(),
            input.name(),
            graph.tasks().get(input.name()).displayName());
      }
    }
  }
}
