package dev.weft.engine;

import dev.weft.Task;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a class can be memoized by subclassing it, and finds the methods to memoize: the
 * {@code @Task} methods of the class and its superclasses that are cached and return a value.
 * Every refusal is an {@link IllegalArgumentException} naming the class (and method) and saying
 * what to change.
 */
final class MemoizingChecks {
  private MemoizingChecks() {}

  /**
   * The methods of {@code type} a memoizing subclass overrides: each {@code @Task} method, as
   * last declared in the hierarchy, that is cached ({@code cache = true}) and not {@code void}.
   *
   * @throws IllegalArgumentException if {@code type} cannot be subclassed, has no usable
   *     no-argument constructor, declares no {@code @Task} method, or has one that cannot be
   *     overridden
   */
  static List<Method> memoizedMethods(Class<?> type) {
    checkSubclassable(type);
    checkConstructor(type);
    List<Method> memoized = new ArrayList<>();
    Set<String> overridden = new HashSet<>();
    boolean anyTask = false;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isBridge() || method.isSynthetic()) {
          continue; // javac copies a method's annotations onto its bridges; the method is enough
        }
        Task task = method.getAnnotation(Task.class);
        if (task != null) {
          checkOverridable(type, method);
          anyTask = true;
        }
        int modifiers = method.getModifiers();
        boolean virtual = !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers);
        String signature = method.getName() + Arrays.toString(method.getParameterTypes());
        if (virtual && !overridden.add(signature)) {
          continue; // a subclass overrides it: that declaration decides
        }
        if (task != null && task.cache() && method.getReturnType() != void.class) {
          memoized.add(method);
        }
      }
    }
    if (!anyTask) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": it declares no"
          + " @Task method; annotate the methods whose results should be memoized with"
          + " @dev.weft.Task");
    }
    return memoized;
  }

  /**
   * Checks what a subclass defined outside {@code type}'s package (in another class loader)
   * needs: a public class, and a public or protected constructor and memoized methods.
   *
   * @throws IllegalArgumentException naming what is package-private
   */
  static void checkReachableFromOutside(Class<?> type, List<Method> memoized) {
    String why = "; Weft cannot define its subclass in package " + type.getPackageName()
        + " because the package is not open to it, so ";
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": it is not"
          + " public" + why + "make the class public or open its package to Weft's module");
    }
    Constructor<?> constructor = noArgConstructor(type);
    if (!isPublicOrProtected(constructor.getModifiers())) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": its no-argument"
          + " constructor is package-private" + why + "make it public or protected, or open the"
          + " package to Weft's module");
    }
    for (Method method : memoized) {
      if (!isPublicOrProtected(method.getModifiers())) {
        throw new IllegalArgumentException("cannot memoize " + type.getName() + ": @Task method "
            + signature(method) + " is package-private" + why + "make it public or protected, or"
            + " open the package to Weft's module");
      }
    }
  }

  private static void checkSubclassable(Class<?> type) {
    String name = type.getName();
    if (type.isPrimitive() || type.isArray()) {
      throw new IllegalArgumentException("cannot memoize " + name + ": pass a class that"
          + " declares @Task methods");
    }
    if (type.isInterface()) {
      throw new IllegalArgumentException("cannot memoize " + name + ": it is an interface; pass"
          + " a class that implements its @Task methods");
    }
    int modifiers = type.getModifiers();
    if (Modifier.isFinal(modifiers)) {
      throw new IllegalArgumentException("cannot memoize " + name + ": it is final; remove"
          + " 'final' so that Weft can subclass it");
    }
    if (type.isSealed()) {
      throw new IllegalArgumentException("cannot memoize " + name + ": it is sealed; remove"
          + " 'sealed' and 'permits' so that Weft can subclass it");
    }
    if (Modifier.isAbstract(modifiers)) {
      throw new IllegalArgumentException("cannot memoize " + name + ": it is abstract; pass a"
          + " concrete class");
    }
    if (Modifier.isPrivate(modifiers)) {
      throw new IllegalArgumentException("cannot memoize " + name + ": it is private; make it"
          + " package-private or public");
    }
  }

  private static void checkConstructor(Class<?> type) {
    Constructor<?> constructor = noArgConstructor(type);
    if (Modifier.isPrivate(constructor.getModifiers())) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": its no-argument"
          + " constructor is private; make it package-private or public");
    }
  }

  private static Constructor<?> noArgConstructor(Class<?> type) {
    try {
      return type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        throw new IllegalArgumentException("cannot memoize " + type.getName() + ": it is an"
            + " inner class, whose constructors take the enclosing instance; make it a static"
            + " nested class with a no-argument constructor", e);
      }
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": it has no"
          + " no-argument constructor; add one (it may be package-private)", e);
    }
  }

  private static void checkOverridable(Class<?> type, Method method) {
    int modifiers = method.getModifiers();
    String problem = Modifier.isPrivate(modifiers) ? "private"
        : Modifier.isStatic(modifiers) ? "static"
        : Modifier.isFinal(modifiers) ? "final"
        : !isPublicOrProtected(modifiers) && !samePackage(type, method.getDeclaringClass())
            ? "package-private in a superclass of another package"
            : null;
    if (problem != null) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": @Task method "
          + signature(method) + " is " + problem + ", but memoized methods are overridden by a"
          + " subclass; make it a non-final instance method that is not private");
    }
  }

  private static boolean samePackage(Class<?> a, Class<?> b) {
    return a.getClassLoader() == b.getClassLoader()
        && a.getPackageName().equals(b.getPackageName());
  }

  private static boolean isPublicOrProtected(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** A method as messages show it: {@code Adder.add(int, List)}. */
  static String signature(Method method) {
    StringBuilder text = new StringBuilder(method.getDeclaringClass().getSimpleName())
        .append('.').append(method.getName()).append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
    }
    return text.append(')').toString();
  }
}
