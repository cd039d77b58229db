package dev.weft.engine.values;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The checks a type must pass before Jackson is asked to encode a value of it: every part of the
 * type is known, and no part is a resource or a computation rather than data.
 *
 * <p>Jackson would otherwise fail late or, worse, succeed: it writes a {@code Stream} as the bean
 * {@code {"parallel":false}} and an unresolved {@code T} as {@code Object}.
 */
final class TypeChecks {

  private TypeChecks() {}

  /** Returns why values of {@code type} cannot be encoded, or null if they may be. */
  static @Nullable String problem(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? problem(c.getComponentType()) : notData(c);
    }
    if (type instanceof ParameterizedType p) {
      String problem = problem(p.getRawType());
      for (Type argument : p.getActualTypeArguments()) {
        problem = problem != null ? problem : problem(argument);
      }
      return problem;
    }
    if (type instanceof GenericArrayType a) {
      return problem(a.getGenericComponentType());
    }
    if (type instanceof WildcardType w) {
      return w.getUpperBounds().length == 0 ? null : problem(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return "its type variable " + v.getName() + " is not resolved, and decoding needs the "
          + "exact type";
    }
    return "it is an unknown kind of type (" + type.getClass().getName() + ")";
  }

  /** Returns why {@code c} is not data, or null if it may be. */
  static @Nullable String notData(Class<?> c) {
    if (AutoCloseable.class.isAssignableFrom(c) // streams, readers, channels, connections
        || Iterator.class.isAssignableFrom(c)
        || Spliterator.class.isAssignableFrom(c)
        || Future.class.isAssignableFrom(c)
        || Thread.class.isAssignableFrom(c)) {
      return "a " + c.getName() + " is a resource or a computation, not data; return the data "
          + "it yields instead (collect a Stream into a List)";
    }
    return null;
  }
}
