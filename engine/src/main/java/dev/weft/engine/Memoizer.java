package dev.weft.engine;

import org.jspecify.annotations.Nullable;

/**
 * Makes the memoized instances of {@link Weft#memoize}: instances of a subclass, generated once
 * per user class (see {@link MemoizingClass}), each holding the {@link Memo} of the Weft that
 * made it, so that instances of one class made by two Wefts use two caches.
 *
 * <p>With {@code caching(false)} ({@code memo} null) the instance is of the same generated class
 * and the same checks apply, but every call runs its method.
 */
final class Memoizer {
  /**
   * The generated subclass of each user class. A class that cannot be memoized has no entry: its
   * check throws, and throws again at the next try.
   */
  private static final ClassValue<MemoizingClass> CLASSES = new ClassValue<>() {
    @Override
    protected MemoizingClass computeValue(Class<?> type) {
      return MemoizingClass.define(type);
    }
  };

  private Memoizer() {}

  /**
   * A new memoized instance of {@code type}, memoizing with {@code memo}, or calling straight
   * through if it is null.
   *
   * @throws IllegalArgumentException if {@code type} cannot be memoized, saying why
   */
  static <T> T create(@Nullable Memo memo, Class<T> type) {
    return type.cast(CLASSES.get(type).newInstance(memo));
  }
}
