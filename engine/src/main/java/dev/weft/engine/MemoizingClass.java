package dev.weft.engine;

import com.google.common.collect.ImmutableList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.matcher.ElementMatchers;
import org.jspecify.annotations.Nullable;

/**
 * The memoizing subclass of one user class, generated with Byte Buddy, and how to make its
 * instances.
 *
 * <p>The subclass has a public no-argument constructor calling the class's, a field
 * {@value MemoizingInterceptor#FIELD} holding the instance's {@link MemoizingInterceptor}, and an
 * override of each memoized method that passes its arguments and a {@code Callable} calling the
 * overridden method to its own {@link MemoizingInterceptor.Dispatch}, which knows the method's
 * index. Methods not memoized are not overridden. Byte Buddy keeps each {@code Dispatch} in a
 * static field, so a call reflects on nothing.
 *
 * <p>Where it lives. The subclass is defined in the class's own package and class loader, through
 * a private lookup, so that package-private classes, constructors and methods can be subclassed
 * and overridden. When the class's module does not open its package to Weft, no such lookup
 * exists; the subclass is then defined in a new class loader, a different run-time package, which
 * can extend only a public class and override only its public and protected methods.
 */
final class MemoizingClass {
  private final Class<?> type;
  private final List<MemoizingMethod> methods;
  private final MethodHandle constructor; // () Object
  private final MethodHandle setInterceptor; // (Object instance, Object interceptor) void

  private MemoizingClass(Class<?> type, List<MemoizingMethod> methods, MethodHandle constructor,
      MethodHandle setInterceptor) {
    this.type = type;
    this.methods = methods;
    this.constructor = constructor;
    this.setInterceptor = setInterceptor;
  }

  /**
   * Checks {@code type} and generates its memoizing subclass, in its package if its module lets
   * Weft in.
   *
   * @throws IllegalArgumentException if {@code type} cannot be memoized, saying why
   */
  static MemoizingClass define(Class<?> type) {
    return define(type, privateLookup(type));
  }

  /**
   * Checks {@code type} and generates its memoizing subclass: with {@code lookup} (a private
   * lookup in {@code type}), in its package; without, in a new class loader.
   */
  static MemoizingClass define(Class<?> type, MethodHandles.@Nullable Lookup lookup) {
    List<Method> memoized = MemoizingChecks.memoizedMethods(type);
    if (lookup == null) {
      MemoizingChecks.checkReachableFromOutside(type, memoized);
    }
    MethodHandle constructor;
    MethodHandle setter;
    try {
      Class<?> generated = generate(type, memoized, lookup);
      MethodHandles.Lookup access =
          MethodHandles.privateLookupIn(generated, MethodHandles.lookup());
      constructor = access.findConstructor(generated, MethodType.methodType(void.class));
      setter = access.findSetter(generated, MemoizingInterceptor.FIELD, Object.class);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // The checks let through what javac would accept; what is left is the module system and
      // types the subclass cannot see, such as a package-private parameter type.
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": its subclass"
          + " could not be generated (" + e + "); if its package is in a named module, open it"
          + " to Weft's module", e);
    }
    ImmutableList.Builder<MemoizingMethod> methods = ImmutableList.builder();
    for (Method method : memoized) {
      methods.add(new MemoizingMethod(type, method));
    }
    return new MemoizingClass(type, methods.build(),
        constructor.asType(MethodType.methodType(Object.class)),
        setter.asType(MethodType.methodType(void.class, Object.class, Object.class)));
  }

  /**
   * A new instance, memoizing with {@code memo}; with null, one whose methods run every time
   * (the same class, so that {@code caching(false)} changes nothing but the caching).
   *
   * @throws IllegalArgumentException wrapping what the class's constructor threw
   */
  Object newInstance(@Nullable Memo memo) {
    Object instance;
    try {
      instance = (Object) constructor.invokeExact();
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalArgumentException("cannot memoize " + type.getName() + ": its no-argument"
          + " constructor threw " + e + "; make it succeed", e);
    }
    if (memo != null) {
      try {
        setInterceptor.invokeExact(instance, (Object) new MemoizingInterceptor(memo, methods));
      } catch (Throwable e) { // a field setter of a class we made does not throw
        throw new AssertionError(e);
      }
    }
    return instance;
  }

  private static Class<?> generate(
      Class<?> type, List<Method> memoized, MethodHandles.@Nullable Lookup lookup) {
    DynamicType.Builder<?> builder = new ByteBuddy()
        .subclass(type, ConstructorStrategy.Default.DEFAULT_CONSTRUCTOR)
        .defineField(MemoizingInterceptor.FIELD, Object.class, Visibility.PRIVATE);
    for (int slot = 0; slot < memoized.size(); slot++) {
      builder = builder.method(ElementMatchers.is(memoized.get(slot)))
          .intercept(MethodDelegation.to(new MemoizingInterceptor.Dispatch(slot)));
    }
    DynamicType.Unloaded<?> unloaded = builder.make(); // holds bytes only: nothing to close
    if (lookup != null) {
      return unloaded.load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
          .getLoaded();
    }
    // A class loader of the class's module sees Weft, which that module requires.
    return unloaded.load(type.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
  }

  /** A private lookup in {@code type}, or null if its module does not open its package to Weft. */
  private static MethodHandles.@Nullable Lookup privateLookup(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException | SecurityException e) {
      return null;
    }
  }
}
