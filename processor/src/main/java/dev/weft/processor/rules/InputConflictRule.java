package dev.weft.processor.rules;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.graph.InputNode;
import dev.weft.processor.graph.TaskGraph;

/**
 * Every declaration of one input agrees on its type (after boxing: {@code int} and
 * {@code Integer} agree) and on whether it is part of the cache key.
 */
final class InputConflictRule implements GraphRule {
  private final ErrorReporter reporter;
  private final MoreTypes types;

  InputConflictRule(ErrorReporter reporter, MoreTypes types) {
    this.reporter = reporter;
    this.types = types;
  }

  @Override
  public void check(TaskGraph graph) {
    for (InputNode input : graph.inputDeclarations()) {
      InputNode first = graph.inputs().get(input.name());
      if (first == null || first == input) {
        continue;
      }
      Location here =
          Location.of(input.parameter().element(), input.parameter().annotation().orElseThrow());
      if (!types.types().isSameType(first.type(), input.type())) {
        reporter.error(
            Diagnostic.INPUT_CONFLICT,
            here,
            "input '%s' is declared as %s in %s but as %s in %s; an input has one value, so every"
                + " declaration needs the same type. Use %s here too, or rename one of them.",
            input.name(),
            input.parameter().type(),
            input.task().displayName(),
            first.parameter().type(),
            first.task().displayName(),
            first.parameter().type());
      } else if (first.keyed() != input.keyed()) {
        reporter.error(
            Diagnostic.INPUT_CONFLICT,
            here,
            "input '%s' is declared with key = %s in %s but key = %s in %s; whether an input is"
                + " part of the cache key must be the same everywhere. Use key = %s here too.",
            input.name(),
            input.keyed(),
            input.task().displayName(),
            first.keyed(),
            first.task().displayName(),
            first.keyed());
      }
    }
  }
}
