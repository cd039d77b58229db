package dev.weft.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link Dag} wired by hand with {@link CompletableFuture}, the peer every Weft figure is a ratio
 * to: {@code supplyAsync} for a node that reads nothing, {@code thenApplyAsync} for one input,
 * {@code thenCombineAsync} for two, {@code allOf(…).thenApplyAsync} for more, every stage on the
 * given executor (a {@code ForkJoinPool(2)} in the benchmarks) and calling the same {@link Body}.
 * A future completes once, so the graph is wired anew for every run; the wiring is part of what
 * is measured, as it is part of what a user of futures pays per run.
 */
public final class DagFutures {
  private DagFutures() {}

  /** Wires {@code dag}, waits for every exit with {@code allOf}, and returns their sum. */
  public static int run(Dag dag, Body body, Executor executor) {
    List<CompletableFuture<Integer>> nodes = new ArrayList<>(dag.size());
    for (int i = 0; i < dag.size(); i++) {
      nodes.add(stage(dag.deps(i), nodes, body, executor));
    }
    int[] exitNodes = dag.exits();
    CompletableFuture<?>[] exits = new CompletableFuture<?>[exitNodes.length];
    for (int k = 0; k < exits.length; k++) {
      exits[k] = nodes.get(exitNodes[k]);
    }
    CompletableFuture.allOf(exits).join();
    int sum = 0;
    for (int exit : exitNodes) {
      sum += nodes.get(exit).join();
    }
    return sum;
  }

  private static CompletableFuture<Integer> stage(
      int[] deps, List<CompletableFuture<Integer>> nodes, Body body, Executor executor) {
    switch (deps.length) {
      case 0:
        return CompletableFuture.supplyAsync(() -> body.apply(0), executor);
      case 1:
        return nodes.get(deps[0]).thenApplyAsync(body::apply, executor);
      case 2:
        return nodes.get(deps[0]).thenCombineAsync(nodes.get(deps[1]), (x, y) -> body.apply(x + y),
            executor);
      default:
        CompletableFuture<?>[] inputs = new CompletableFuture<?>[deps.length];
        for (int k = 0; k < deps.length; k++) {
          inputs[k] = nodes.get(deps[k]);
        }
        return CompletableFuture.allOf(inputs).thenApplyAsync(ignored -> {
          int sum = 0;
          for (int dep : deps) {
            sum += nodes.get(dep).join();
          }
          return body.apply(sum);
        }, executor);
    }
  }
}
