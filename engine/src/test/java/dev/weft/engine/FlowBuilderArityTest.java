package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@code task} overload, with and without a type: the body it builds reads the keys'
 * values and hands them to the function in argument order, returns the function's value, and
 * lets the function's checked exceptions through unwrapped. Values are "1" to "6", so a wrong
 * order shows in the joined result.
 */
class FlowBuilderArityTest {

  private static final TypeToken<String> STRING = TypeToken.of(String.class);

  private final FlowBuilder builder = Flow.builder("arity");
  private final FakeTaskArgs args = new FakeTaskArgs();
  private Key<String> k1;
  private Key<String> k2;
  private Key<String> k3;
  private Key<String> k4;
  private Key<String> k5;
  private Key<String> k6;

  @BeforeEach
  void declareSixInputs() {
    k1 = input(1);
    k2 = input(2);
    k3 = input(3);
    k4 = input(4);
    k5 = input(5);
    k6 = input(6);
  }

  @Test
  void task_noArguments_returnsFunctionsValue() throws Exception {
    Key<String> untyped = builder.task("untyped", () -> "0");
    Key<String> typed = builder.task("typed", STRING, () -> "0");

    assertCalls(untyped, "0");
    assertCalls(typed, "0");
  }

  @Test
  void task_oneArgument_passesKeysValue() throws Exception {
    Key<String> untyped = builder.task("untyped", a -> a + "!", k1);
    Key<String> typed = builder.task("typed", STRING, a -> a + "?", k1);

    assertCalls(untyped, "1!", k1);
    assertCalls(typed, "1?", k1);
  }

  @Test
  void task_twoArguments_passesValuesInOrder() throws Exception {
    Key<String> untyped = builder.task("untyped", (a, b) -> a + b, k1, k2);
    Key<String> typed = builder.task("typed", STRING, (a, b) -> a + b, k2, k1);

    assertCalls(untyped, "12", k1, k2);
    assertCalls(typed, "21", k2, k1);
  }

  @Test
  void task_threeArguments_passesValuesInOrder() throws Exception {
    Key<String> untyped = builder.task("untyped", (a, b, c) -> a + b + c, k1, k2, k3);
    Key<String> typed = builder.task("typed", STRING, (a, b, c) -> a + b + c, k3, k1, k2);

    assertCalls(untyped, "123", k1, k2, k3);
    assertCalls(typed, "312", k3, k1, k2);
  }

  @Test
  void task_fourArguments_passesValuesInOrder() throws Exception {
    Key<String> untyped =
        builder.task("untyped", (a, b, c, d) -> a + b + c + d, k1, k2, k3, k4);
    Key<String> typed =
        builder.task("typed", STRING, (a, b, c, d) -> a + b + c + d, k4, k3, k2, k1);

    assertCalls(untyped, "1234", k1, k2, k3, k4);
    assertCalls(typed, "4321", k4, k3, k2, k1);
  }

  @Test
  void task_fiveArguments_passesValuesInOrder() throws Exception {
    Key<String> untyped =
        builder.task("untyped", (a, b, c, d, e) -> a + b + c + d + e, k1, k2, k3, k4, k5);
    Key<String> typed =
        builder.task("typed", STRING, (a, b, c, d, e) -> a + b + c + d + e, k5, k1, k4, k2, k3);

    assertCalls(untyped, "12345", k1, k2, k3, k4, k5);
    assertCalls(typed, "51423", k5, k1, k4, k2, k3);
  }

  @Test
  void task_sixArguments_passesValuesInOrder() throws Exception {
    Key<String> untyped = builder.task("untyped",
        (a, b, c, d, e, f) -> a + b + c + d + e + f, k1, k2, k3, k4, k5, k6);
    Key<String> typed = builder.task("typed", STRING,
        (a, b, c, d, e, f) -> a + b + c + d + e + f, k6, k5, k4, k3, k2, k1);

    assertCalls(untyped, "123456", k1, k2, k3, k4, k5, k6);
    assertCalls(typed, "654321", k6, k5, k4, k3, k2, k1);
  }

  @Test
  void task_mixedArgumentTypes_eachArgumentGetsItsKeysValue() throws Exception {
    Key<Integer> count = builder.input("count", Integer.class);
    Key<List<String>> names = builder.input("names", new TypeToken<List<String>>() {});
    args.with(count, 2).with(names, List.of("x", "y", "z"));

    Key<String> joined = builder.task("joined", (prefix, n, all) -> prefix + all.subList(0, n),
        k1, count, names);

    assertCalls(joined, "1[x, y]", k1, count, names);
  }

  @Test
  void body_functionThrowsCheckedException_throwsItUnwrapped() {
    IOException failure = new IOException("disk gone");
    Key<String> none = builder.task("none", () -> {
      throw failure;
    });
    Key<String> one = builder.task("one", STRING, a -> {
      throw failure;
    }, k1);
    Flow flow = builder.build();

    assertThat(assertThrows(IOException.class, () -> args.call(flow, none)))
        .isSameInstanceAs(failure);
    assertThat(assertThrows(IOException.class, () -> args.call(flow, one)))
        .isSameInstanceAs(failure);
  }

  private Key<String> input(int i) {
    Key<String> key = builder.input("k" + i, String.class);
    args.with(key, String.valueOf(i));
    return key;
  }

  /** Asserts that {@code task} reads {@code reads}, in this order, and computes {@code value}. */
  private void assertCalls(Key<?> task, Object value, Key<?>... reads) throws Exception {
    // build() returns the same flow every time, so a test can check several tasks this way.
    Flow flow = builder.build();

    assertThat(((FlowGraph) flow).task(task.name()).orElseThrow().dependencies())
        .containsExactlyElementsIn(reads).inOrder();
    assertThat(args.call(flow, task)).isEqualTo(value);
  }
}
