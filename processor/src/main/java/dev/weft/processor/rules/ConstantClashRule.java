package dev.weft.processor.rules;

import dev.weft.processor.base.ConstantNames;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.graph.TaskGraph;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Two names may not map to one constant of the generated flow ({@code wordCount} and
 * {@code word_count} both give {@code WORD_COUNT}).
 */
final class ConstantClashRule implements GraphRule {
  private final ErrorReporter reporter;

  ConstantClashRule(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void check(TaskGraph graph) {
    Map<String, String> owners = new HashMap<>();
    for (String name : graph.keyTypes().keySet()) {
      String constant = ConstantNames.of(name);
      String owner = owners.putIfAbsent(constant, name);
      if (owner != null) {
        reporter.error(
            Diagnostic.CONSTANT_CLASH,
            Location.of(elementOf(graph, name)),
            "%s and %s would both be the constant %s of the generated flow; rename one of them.",
            graph.describe(name),
            graph.describe(owner),
            constant);
      }
    }
  }

  private static Element elementOf(TaskGraph graph, String name) {
    return graph.tasks().containsKey(name)
        ? graph.tasks().get(name).element()
        : graph.inputs().get(name).parameter().element();
  }
}
