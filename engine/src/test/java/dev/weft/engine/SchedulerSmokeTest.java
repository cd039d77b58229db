package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SchedulerSmokeTest {
  static final TypeToken<Integer> INT = TypeToken.of(Integer.class);
  static final Key<Integer> X = Key.of("s", "x", INT);
  static final Key<Integer> A = Key.of("s", "a", INT);
  static final Key<Integer> B = Key.of("s", "b", INT);
  static final Key<Integer> C = Key.of("s", "c", INT);
  static final Key<List<Integer>> L = Key.of("s", "l", new TypeToken<List<Integer>>() {});
  static final Key<List<Integer>> E = Key.of("s", "e", new TypeToken<List<Integer>>() {});

  static FlowGraph flow(boolean failB) {
    return FlowGraph.builder("s", null)
        .input(X, true)
        .task(TaskSpec.builder(A, args -> args.get(X) + 1).dependsOn(X).build())
        .task(TaskSpec.builder(B, args -> {
          if (failB) {
            throw new IllegalStateException("b broke");
          }
          return CompletableFuture.supplyAsync(() -> args.get(A) * 2);
        }).dependsOn(A).async().build())
        .task(TaskSpec.builder(C, args -> args.get(A) * 3).dependsOn(A).build())
        .task(TaskSpec.builder(L, args -> List.of(args.get(B), args.get(C))).dependsOn(B, C).build())
        .task(TaskSpec.<List<Integer>>builder(E, args -> args.<Integer>each(L) + 100).dependsOn(L).each(L).build())
        .build();
  }

  @Test
  void runs() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      RunResult r = weft.run(flow(false), Inputs.of(X, 1));
      assertThat(r.get(E)).containsExactly(104, 106).inOrder();
      assertThat(r.tasks()).hasSize(5);
      assertThat(weft.compute(flow(false), C, Inputs.of(X, 1))).isEqualTo(6);
    }
  }

  @Test
  void failFast() {
    try (Weft weft = Weft.builder().parallelism(2).build()) {
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> weft.run(flow(true), Inputs.of(X, 1)));
      assertThat(e).hasMessageThat().isEqualTo(
          "task 'b' failed: java.lang.IllegalStateException: b broke (needed by b -> l -> e)");
    }
  }

  @Test
  void keepGoing() {
    try (Weft weft = Weft.builder().parallelism(2).keepGoing(true).build()) {
      RunResult r = weft.run(flow(true), Inputs.of(X, 1));
      assertThat(r.toString()).isEqualTo("RunResult{s: 2 executed, 1 failed, 2 skipped}");
      assertThat(r.outcome("e").reason()).isEqualTo("upstream 'b' failed");
    }
  }
}
