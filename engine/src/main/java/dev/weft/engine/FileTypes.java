package dev.weft.engine;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which value types may hold files: {@link Path}s or {@link File}s, directly or in a
 * collection, array, record or bean field.
 *
 * <p>Such a value names files without containing them. Its encoding, and so its digest, says
 * only which files; a task downstream that reads them must rerun when they change, so the digest
 * that goes into its key also covers the files' fingerprints (size and modification time, or
 * content). See {@link RunCache}.
 */
final class FileTypes {
  private static final Map<Type, Boolean> known = new ConcurrentHashMap<>();

  private FileTypes() {}

  /** Whether a value of {@code type} may hold a {@code Path} or a {@code File}. */
  static boolean mayHoldFiles(Type type) {
    Boolean answer = known.get(type);
    if (answer == null) {
      answer = walk(type, new HashSet<>());
      known.put(type, answer);
    }
    return answer;
  }

  private static boolean walk(Type type, Set<Class<?>> seen) {
    if (type instanceof Class<?> c) {
      return holds(c, seen);
    }
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        if (walk(argument, seen)) {
          return true;
        }
      }
      return walk(p.getRawType(), seen);
    }
    if (type instanceof GenericArrayType a) {
      return walk(a.getGenericComponentType(), seen);
    }
    if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        if (walk(bound, seen)) {
          return true;
        }
      }
    }
    return false; // a type variable: its values are fingerprinted, not encoded (Memo.digest)
  }

  private static boolean holds(Class<?> c, Set<Class<?>> seen) {
    if (Path.class.isAssignableFrom(c) || File.class.isAssignableFrom(c)) {
      return true;
    }
    if (c.isArray()) {
      return holds(c.getComponentType(), seen);
    }
    if (c.isPrimitive() || c.isEnum() || c.getName().startsWith("java.") || !seen.add(c)) {
      return false; // a JDK class holds files only through type arguments, seen above
    }
    for (Class<?> k = c; k != null && !k.getName().startsWith("java."); k = k.getSuperclass()) {
      for (Field field : k.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && walk(field.getGenericType(), seen)) {
          return true;
        }
      }
    }
    return false;
  }
}
