package dev.weft.engine.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;

/**
 * Writes generic types as Java source spells them, for the exporters: {@link #full} with package
 * names ({@code java.util.Map.Entry<java.lang.String, java.lang.Long>}) for tools, {@link #simple}
 * without ({@code Map.Entry<String, Long>}) for diagrams people read.
 *
 * <p>{@code Type.getTypeName()} is not used because it writes nested classes with {@code $} and
 * has no short form. Types nest only a few levels, so the recursion here is shallow.
 */
final class TypeNames {

  private TypeNames() {}

  /** Returns {@code type} with fully qualified class names. */
  static String full(Type type) {
    StringBuilder out = new StringBuilder();
    append(out, type, true);
    return out.toString();
  }

  /** Returns {@code type} with class names stripped of their packages. */
  static String simple(Type type) {
    StringBuilder out = new StringBuilder();
    append(out, type, false);
    return out.toString();
  }

  private static void append(StringBuilder out, Type type, boolean qualified) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        append(out, c.getComponentType(), qualified);
        out.append("[]");
      } else {
        out.append(qualified ? qualifiedName(c) : simpleName(c));
      }
    } else if (type instanceof ParameterizedType p) {
      if (p.getOwnerType() instanceof ParameterizedType owner) {
        // An inner class of a parameterized class, Outer<A>.Inner: the owner's arguments are
        // part of the type, and the inner class may have none of its own.
        append(out, owner, qualified);
        out.append('.').append(((Class<?>) p.getRawType()).getSimpleName());
      } else {
        append(out, p.getRawType(), qualified);
      }
      if (p.getActualTypeArguments().length > 0) {
        appendAll(out, "<", ", ", p.getActualTypeArguments(), qualified);
        out.append('>');
      }
    } else if (type instanceof GenericArrayType g) {
      append(out, g.getGenericComponentType(), qualified);
      out.append("[]");
    } else if (type instanceof WildcardType w) {
      out.append('?');
      if (w.getLowerBounds().length > 0) {
        appendAll(out, " super ", " & ", w.getLowerBounds(), qualified);
      } else if (!(w.getUpperBounds().length == 1 && w.getUpperBounds()[0] == Object.class)) {
        appendAll(out, " extends ", " & ", w.getUpperBounds(), qualified);
      }
    } else if (type instanceof TypeVariable<?> v) {
      out.append(v.getName());
    } else {
      out.append(type.getTypeName());
    }
  }

  private static void appendAll(
      StringBuilder out, String prefix, String separator, Type[] types, boolean qualified) {
    out.append(prefix);
    for (int i = 0; i < types.length; i++) {
      out.append(i == 0 ? "" : separator);
      append(out, types[i], qualified);
    }
  }

  private static String qualifiedName(Class<?> c) {
    // Local and anonymous classes have no canonical name; their binary name is still unique.
    String canonical = c.getCanonicalName();
    return canonical != null ? canonical : c.getName();
  }

  private static String simpleName(Class<?> c) {
    if (c.isMemberClass()) {
      Class<?> enclosing = c.getEnclosingClass();
      if (enclosing != null) {
        return simpleName(enclosing) + "." + c.getSimpleName();
      }
    }
    if (c.isAnonymousClass() || c.getSimpleName().isEmpty()) {
      String packageName = c.getPackageName();
      return packageName.isEmpty() ? c.getName() : c.getName().substring(packageName.length() + 1);
    }
    return c.getSimpleName();
  }
}
