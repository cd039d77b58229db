package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The values of a flow's inputs for one run, by input name. Immutable: {@link #and} returns a new
 * instance, so one {@code Inputs} can be shared by several runs and threads.
 *
 * <pre>{@code
 * Inputs in = Inputs.of(WordStatsFlow.CORPUS, Path.of("docs")).and(WordStatsFlow.TOP, 10);
 * }</pre>
 *
 * <p>Each input takes exactly one non-null value. Inputs are matched to a flow by name when it
 * runs; a value for a name the flow does not read is ignored, and a missing or wrongly typed value
 * is reported by a {@link GraphException} before any task runs. Equality is by names and values.
 */
public final class Inputs {

  // Error messages quote the earlier value; a huge collection would bury the message.
  private static final int MAX_VALUE_TEXT = 60;
  private static final Inputs EMPTY = new Inputs(ImmutableMap.of());

  private final ImmutableMap<String, Object> values;

  private Inputs(ImmutableMap<String, Object> values) {
    this.values = values;
  }

  /** Returns inputs with no values, for flows that read none. */
  public static Inputs empty() {
    return EMPTY;
  }

  /**
   * Returns inputs holding only {@code value} for the input named by {@code key}.
   *
   * @throws NullPointerException if {@code key} or {@code value} is null
   */
  public static <T> Inputs of(Key<T> key, T value) {
    return EMPTY.and(key, value);
  }

  /**
   * Returns these inputs plus {@code value} for the input named by {@code key}; the key's type
   * checks the value's type at compile time.
   *
   * @throws NullPointerException if {@code key} or {@code value} is null
   * @throws IllegalArgumentException if an input of that name already has a value
   */
  public <T> Inputs and(Key<T> key, T value) {
    requireNonNull(key, "key of an input must not be null");
    return and(key.name(), value);
  }

  /**
   * Returns these inputs plus {@code value} for the input called {@code name}. Prefer the
   * {@link #and(Key, Object) Key overload} where a key exists: this one checks the value's type
   * only when the flow runs.
   *
   * @throws NullPointerException if {@code name} or {@code value} is null
   * @throws IllegalArgumentException if {@code name} is empty or already has a value
   */
  public Inputs and(String name, Object value) {
    requireNonNull(name, "name of an input must not be null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name of an input must not be empty");
    }
    if (value == null) {
      throw new NullPointerException("input '" + name + "' is null; inputs cannot be null "
          + "(declare the input as an Optional and pass Optional.empty() for no value)");
    }
    Object earlier = values.get(name);
    if (earlier != null) {
      throw new IllegalArgumentException("input '" + name + "' was already set to "
          + describe(earlier) + "; each input takes one value per run");
    }
    return new Inputs(ImmutableMap.<String, Object>builderWithExpectedSize(values.size() + 1)
        .putAll(values)
        .put(name, value)
        .buildOrThrow());
  }

  /** Returns whether the input called {@code name} has a value. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** Returns the value of the input called {@code name}, or empty if it has none. */
  public Optional<Object> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Returns the names of the inputs that have a value, in the order they were added. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Returns whether {@code o} is an {@code Inputs} with the same names and equal values. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Inputs && values.equals(((Inputs) o).values);
  }

  /** Returns a hash of the names and values. */
  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Returns the names and (abbreviated) values, such as {@code Inputs{corpus=docs, top=10}}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Inputs{");
    String separator = "";
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      text.append(separator).append(entry.getKey()).append('=').append(describe(entry.getValue()));
      separator = ", ";
    }
    return text.append('}').toString();
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() <= MAX_VALUE_TEXT ? text : text.substring(0, MAX_VALUE_TEXT) + "…";
  }
}
