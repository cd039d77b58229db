package dev.weft.engine.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Key;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds the keys of generated flows from type descriptions written out in the source —
 * {@code parameterized(List.class, Path.class)} for {@code List<Path>} — instead of one anonymous
 * {@code TypeToken} subclass per key, which would cost every user a class file, and javac time,
 * per task.
 *
 * <p>The types built here are equal to (and print like) those the JDK's reflection returns, so a
 * key built here equals one built from {@code new TypeToken<List<Path>>() {}}.
 */
public final class GeneratedKeys {
  private GeneratedKeys() {}

  /**
   * The key of task or input {@code name} of flow {@code flow}, whose value has type {@code type}.
   * {@code T} is inferred from the constant being initialised; the processor guarantees that it
   * is {@code type}.
   */
  @SuppressWarnings("unchecked") // T is the type that `type` describes, by construction
  public static <T> Key<T> key(String flow, String name, Type type) {
    return Key.of(flow, name, (TypeToken<T>) TypeToken.of(type));
  }

  /** {@code raw<arguments>}, such as {@code Map<String, Long>}. */
  public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
    requireNonNull(raw, "raw");
    if (raw.getTypeParameters().length != arguments.length) {
      throw new IllegalArgumentException(
          raw.getName() + " takes " + raw.getTypeParameters().length + " type arguments, not "
              + arguments.length);
    }
    return new Parameterized(raw, raw.getDeclaringClass(), arguments.clone());
  }

  /** {@code ? extends bound}; {@code subtypeOf(Object.class)} is {@code ?}. */
  public static WildcardType subtypeOf(Type bound) {
    return new Wildcard(new Type[] {requireNonNull(bound, "bound")}, new Type[0]);
  }

  /** {@code ? super bound}. */
  public static WildcardType supertypeOf(Type bound) {
    return new Wildcard(new Type[] {Object.class}, new Type[] {requireNonNull(bound, "bound")});
  }

  /** {@code component[]} for a generic component type, such as {@code List<String>[]}. */
  public static GenericArrayType arrayOf(Type component) {
    return new GenericArray(requireNonNull(component, "component"));
  }

  private record Parameterized(Class<?> raw, @Nullable Class<?> owner, Type[] arguments)
      implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public @Nullable Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof ParameterizedType p
          && raw.equals(p.getRawType())
          && Objects.equals(owner, p.getOwnerType())
          && Arrays.equals(arguments, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      // The JDK's formula, so that equal types hash alike whoever made them.
      return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      String name = owner == null ? raw.getName() : owner.getTypeName() + "$" + raw.getSimpleName();
      return Arrays.stream(arguments)
          .map(Type::getTypeName)
          .collect(Collectors.joining(", ", name + "<", ">"));
    }
  }

  private record Wildcard(Type[] upper, Type[] lower) implements WildcardType {
    @Override
    public Type[] getUpperBounds() {
      return upper.clone();
    }

    @Override
    public Type[] getLowerBounds() {
      return lower.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof WildcardType w
          && Arrays.equals(upper, w.getUpperBounds())
          && Arrays.equals(lower, w.getLowerBounds());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
    }

    @Override
    public String toString() {
      if (lower.length > 0) {
        return "? super " + lower[0].getTypeName();
      }
      return upper[0] == Object.class ? "?" : "? extends " + upper[0].getTypeName();
    }
  }

  private record GenericArray(Type component) implements GenericArrayType {
    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof GenericArrayType a && component.equals(a.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return component.getTypeName() + "[]";
    }
  }
}
