package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.reflect.TypeToken;
import org.jspecify.annotations.Nullable;

/**
 * Identifies one task or input of one flow, together with the exact generic type of its value.
 *
 * <p>Keys normally come from the generated {@code …Flow} classes, which hold one
 * {@code public static final Key} per task and per input ({@code WordStatsFlow.FILES},
 * {@code WordStatsFlow.CORPUS}); their type argument is the value's exact type, boxed for
 * primitives, and {@code List<R>} for a task that fans out with {@code @Each}. The type is what
 * makes {@code weft.compute(flow, key, inputs)} return a {@code T} without a cast.
 *
 * <p>Two keys are equal when their flow name, name and type are all equal, so the key of a task
 * named {@code files} in one flow is not the key of a task named {@code files} in another. Keys
 * are immutable and safe to share between threads.
 *
 * @param <T> the type of the value the task produces or the input holds
 */
public final class Key<T> {

  private final String flow;
  private final String name;
  private final TypeToken<T> type;
  // Keys are hashed on every lookup in graphs of up to a million nodes, and a parameterized
  // type's hashCode walks its type arguments each time, so the hash is computed once.
  private final int hash;

  private Key(String flow, String name, TypeToken<T> type) {
    this.flow = flow;
    this.name = name;
    this.type = type;
    this.hash = 31 * (31 * flow.hashCode() + name.hashCode()) + type.hashCode();
  }

  /**
   * Returns the key of the task or input {@code name} of flow {@code flow}, whose value has type
   * {@code type}.
   *
   * <p>This is the factory that generated {@code …Flow} classes call; user code rarely needs it.
   *
   * @param flow the flow's name, normally the fully qualified name of the class declaring its tasks
   * @param name the task's or input's name, unique within the flow
   * @param type the exact type of the value; primitives must be given as their wrapper type
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code flow} or {@code name} is empty, or {@code type} is
   *     primitive
   */
  public static <T> Key<T> of(String flow, String name, TypeToken<T> type) {
    requireNonNull(flow, "flow name of a key must not be null");
    requireNonNull(name, () -> "name of a key of flow '" + flow + "' must not be null");
    requireNonNull(
        type, () -> "type of key '" + name + "' of flow '" + flow + "' must not be null");
    if (flow.isEmpty()) {
      throw new IllegalArgumentException("flow name of key '" + name + "' must not be empty");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name of a key of flow '" + flow + "' must not be empty");
    }
    if (type.isPrimitive()) {
      throw new IllegalArgumentException("key '" + name + "' of flow '" + flow
          + "' has primitive type " + type + "; use its wrapper type " + type.wrap() + " instead");
    }
    return new Key<>(flow, name, type);
  }

  /** Returns the name of the flow this key belongs to. */
  public String flow() {
    return flow;
  }

  /** Returns the name of the task or input, unique within its flow. */
  public String name() {
    return name;
  }

  /** Returns the exact type of the value of the task or input. */
  public TypeToken<T> type() {
    return type;
  }

  /** Returns whether {@code o} is a key with the same flow, name and type. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Key)) {
      return false;
    }
    Key<?> other = (Key<?>) o;
    return hash == other.hash
        && name.equals(other.name)
        && flow.equals(other.flow)
        && type.equals(other.type);
  }

  /** Returns a hash of the flow, name and type. */
  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Returns a readable description such as {@code corpus: java.nio.file.Path (flow
   * com.example.words.WordStats)}; the format is for people and may change.
   */
  @Override
  public String toString() {
    return name + ": " + type + " (flow " + flow + ")";
  }
}
