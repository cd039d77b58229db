package dev.weft.benchmarks;

import dev.weft.engine.Flow;
import dev.weft.engine.FlowBuilder;
import dev.weft.engine.Inputs;
import dev.weft.engine.Key;
import dev.weft.engine.RunResult;
import dev.weft.engine.Weft;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Dag} as a Weft {@link Flow}, built with {@link FlowBuilder} as a user would write it:
 * one task per node, named {@code n<i>}, whose function takes the values of the nodes it reads
 * (up to six, the most a {@code FlowBuilder} task takes) and calls {@link Body#apply} on their
 * sum. Built once; {@link #run} runs it with the exits as targets, and the caller sums the exits'
 * values, as the {@code CompletableFuture} peer sums its futures after {@code allOf}.
 */
public final class DagFlow {
  private final Flow flow;
  private final Key<?>[] exits;
  private final List<Key<Integer>> exitKeys;

  private DagFlow(Flow flow, List<Key<Integer>> exitKeys) {
    this.flow = flow;
    this.exitKeys = exitKeys;
    this.exits = exitKeys.toArray(new Key<?>[0]);
  }

  /** Declares one task per node of {@code dag}, each calling {@code body}. */
  public static DagFlow of(Dag dag, Body body) {
    FlowBuilder builder = Flow.builder(dag.name());
    List<Key<Integer>> keys = new ArrayList<>(dag.size());
    for (int i = 0; i < dag.size(); i++) {
      keys.add(task(builder, "n" + i, dag.deps(i), keys, body));
    }
    List<Key<Integer>> exitKeys = new ArrayList<>();
    for (int exit : dag.exits()) {
      exitKeys.add(keys.get(exit));
    }
    return new DagFlow(builder.build(), exitKeys);
  }

  private static Key<Integer> task(
      FlowBuilder b, String name, int[] deps, List<Key<Integer>> keys, Body body) {
    switch (deps.length) {
      case 0:
        return b.task(name, () -> body.apply(0));
      case 1:
        return b.task(name, (Integer x) -> body.apply(x), keys.get(deps[0]));
      case 2:
        return b.task(name, (Integer x, Integer y) -> body.apply(x + y),
            keys.get(deps[0]), keys.get(deps[1]));
      case 3:
        return b.task(name, (Integer x, Integer y, Integer z) -> body.apply(x + y + z),
            keys.get(deps[0]), keys.get(deps[1]), keys.get(deps[2]));
      default:
        throw new IllegalArgumentException("node " + name + " reads " + deps.length
            + " nodes; the shapes here read at most three");
    }
  }

  /** The flow, for a caller that runs it otherwise. */
  public Flow flow() {
    return flow;
  }

  /** Runs the exits and what they need on {@code weft}; returns the sum of the exits' values. */
  public int run(Weft weft) {
    RunResult result = weft.run(flow, Inputs.empty(), exits);
    int sum = 0;
    for (Key<Integer> exit : exitKeys) {
      sum += result.get(exit);
    }
    return sum;
  }
}
