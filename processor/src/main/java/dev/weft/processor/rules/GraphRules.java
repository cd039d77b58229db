package dev.weft.processor.rules;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.MoreTypes;

/** The rules every class's task graph is checked against, in the order they report. */
public final class GraphRules {
  private GraphRules() {}

  public static ImmutableList<GraphRule> all(ErrorReporter reporter, MoreTypes types) {
    return ImmutableList.of(
        new DuplicateTaskRule(reporter),
        new InputShadowsTaskRule(reporter),
        new InputConflictRule(reporter, types),
        new ConstantClashRule(reporter),
        new MissingDependencyRule(reporter),
        new TypeMismatchRule(reporter, types),
        new EachRule(reporter, types),
        new CycleRule(reporter));
  }
}
