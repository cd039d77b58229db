package dev.weft.engine.internal;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Key;

/** Small string-valued keys and tasks of a flow called {@code f}, for graph-shape tests. */
final class TestFlows {

  static final String FLOW = "f";
  private static final TypeToken<String> STRING = TypeToken.of(String.class);

  private TestFlows() {}

  static Key<String> key(String name) {
    return Key.of(FLOW, name, STRING);
  }

  static TaskSpec<String> task(String name, Key<?>... dependencies) {
    return TaskSpec.builder(key(name), args -> name).dependsOn(dependencies).build();
  }

  static FlowGraph.Builder builder() {
    return FlowGraph.builder(FLOW, null);
  }
}
