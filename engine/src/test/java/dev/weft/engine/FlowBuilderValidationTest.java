package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import org.junit.jupiter.api.Test;

/** The messages of every mistake a {@link FlowBuilder} rejects, at the call that makes it. */
class FlowBuilderValidationTest {

  private static final String OWN_KEYS = "; a task can depend only on keys returned by input(...)"
      + " or task(...) of the same FlowBuilder, or on keys of a flow it included";

  private final FlowBuilder builder = Flow.builder("mine");
  private final Key<String> text = builder.input("text", String.class);

  @Test
  void task_nameOfEarlierInput_namesBothDeclarations() {
    GraphException e =
        assertThrows(GraphException.class, () -> builder.task("text", () -> "again"));

    assertThat(e).hasMessageThat().isEqualTo("flow 'mine' declares 'text' twice, first as input"
        + " and again as task; inputs and tasks of one flow need distinct names, so rename one"
        + " of them");
  }

  @Test
  void input_nameOfEarlierTask_namesBothDeclarations() {
    builder.task("length", String::length, text);

    GraphException e =
        assertThrows(GraphException.class, () -> builder.input("length", Integer.class));

    assertThat(e).hasMessageThat().startsWith(
        "flow 'mine' declares 'length' twice, first as task and again as input; ");
  }

  @Test
  void task_nameOfEarlierTask_isRejected_andLeavesTheFlowAsItWas() {
    Key<Integer> length = builder.task("length", String::length, text);

    GraphException e =
        assertThrows(GraphException.class, () -> builder.task("length", () -> 0));

    assertThat(e).hasMessageThat().isEqualTo("flow 'mine' declares task 'length' twice;"
        + " inputs and tasks of one flow need distinct names, so rename one of them");
    assertThat(builder.build().tasks()).containsExactly(length);
  }

  @Test
  void task_keyOfAnotherFlow_namesBothFlows() {
    Key<String> foreign = Flow.builder("other").input("x", String.class);

    GraphException e =
        assertThrows(GraphException.class, () -> builder.task("len", String::length, foreign));

    assertThat(e).hasMessageThat().isEqualTo(
        "task 'len' depends on key 'x', which belongs to flow 'other', not to 'mine' nor to a"
            + " flow it included" + OWN_KEYS);
  }

  @Test
  void task_keyOfAnotherBuilderOfSameFlowName_isRejected_thoughEqual() {
    Key<String> twin = Flow.builder("mine").input("text", String.class);
    assertThat(twin).isEqualTo(text);

    GraphException e =
        assertThrows(GraphException.class, () -> builder.task("len", String::length, twin));

    assertThat(e).hasMessageThat().isEqualTo("task 'len' depends on key 'text' of flow 'mine',"
        + " which this FlowBuilder did not return (it comes from another builder or from"
        + " Key.of)" + OWN_KEYS);
  }

  @Test
  void task_keyMadeWithKeyOf_isRejected() {
    Key<String> made = Key.of("mine", "made", TypeToken.of(String.class));

    GraphException e = assertThrows(GraphException.class,
        () -> builder.task("len", (a, b) -> a.length() + b.length(), text, made));

    assertThat(e).hasMessageThat().startsWith("task 'len' depends on key 'made' of flow 'mine',"
        + " which this FlowBuilder did not return");
  }

  @Test
  void task_nullKey_namesArgumentPosition() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> builder.task("concat", (String a, String b) -> a + b, text, null));

    assertThat(e).hasMessageThat().isEqualTo("key of argument 2 of task 'concat' must not be null");
  }

  @Test
  void task_nullFunction_namesTask() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> builder.task("len", (FlowBuilder.Fn1<String, Integer>) null, text));

    assertThat(e).hasMessageThat().isEqualTo("function of task 'len' must not be null");
  }

  @Test
  void task_nullType_namesTask() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> builder.task("len", (TypeToken<Integer>) null, String::length, text));

    assertThat(e).hasMessageThat().isEqualTo("type of task 'len' must not be null");
  }

  @Test
  void input_nullType_namesInput() {
    NullPointerException byClass = assertThrows(NullPointerException.class,
        () -> builder.input("top", (Class<Integer>) null));
    NullPointerException byToken = assertThrows(NullPointerException.class,
        () -> builder.input("top", (TypeToken<Integer>) null));

    assertThat(byClass).hasMessageThat().isEqualTo("type of input 'top' must not be null");
    assertThat(byToken).hasMessageThat().isEqualTo("type of input 'top' must not be null");
  }

  @Test
  void nullAndEmptyNames_nameTheFlow() {
    NullPointerException nullTask =
        assertThrows(NullPointerException.class, () -> builder.task(null, () -> 0));
    IllegalArgumentException emptyInput =
        assertThrows(IllegalArgumentException.class, () -> builder.input("", String.class));
    NullPointerException nullFlow =
        assertThrows(NullPointerException.class, () -> Flow.builder(null));
    IllegalArgumentException emptyFlow =
        assertThrows(IllegalArgumentException.class, () -> Flow.builder(""));

    assertThat(nullTask).hasMessageThat()
        .isEqualTo("name of a task of flow 'mine' must not be null");
    assertThat(emptyInput).hasMessageThat()
        .isEqualTo("name of an input of flow 'mine' must not be empty");
    assertThat(nullFlow).hasMessageThat().isEqualTo("name of a flow must not be null");
    assertThat(emptyFlow).hasMessageThat().isEqualTo("name of a flow must not be empty");
  }

  @Test
  void declarations_afterBuild_areRejected() {
    builder.build();

    IllegalStateException input =
        assertThrows(IllegalStateException.class, () -> builder.input("top", Integer.class));
    IllegalStateException task =
        assertThrows(IllegalStateException.class, () -> builder.task("len", String::length, text));

    String message = "flow 'mine' was already built; declare every input and task before"
        + " build(), or start another with Flow.builder(...)";
    assertThat(input).hasMessageThat().isEqualTo(message);
    assertThat(task).hasMessageThat().isEqualTo(message);
  }
}
