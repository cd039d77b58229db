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
            "input '%s' is declared as %s by %s but as %s by %s; an input has one value, so every"
                + " declaration needs the same type. Use %s here too, or rename one of them.",
            input.name(),
            input.parameter().type(),
            declaredBy(input),
            first.parameter().type(),
            declaredBy(first),
            first.parameter().type());
      } else if (first.keyed() != input.keyed()) {
        reporter.error(
            Diagnostic.INPUT_CONFLICT,
            here,
            "input '%s' is declared with key = %s by %s but key = %s by %s; whether an input is"
                + " part of the cache key must be the same everywhere. Use key = %s here too.",
            input.name(),
            input.keyed(),
            declaredBy(input),
            first.keyed(),
            declaredBy(first),
            first.keyed());
      }
    }
  }

  /** {@code parameter 'limit' of top(...)}: one task may declare an input twice. */
  private static String declaredBy(InputNode input) {
    return "parameter '" + input.parameter().parameterName() + "' of " + input.task().displayName();
  }
}
