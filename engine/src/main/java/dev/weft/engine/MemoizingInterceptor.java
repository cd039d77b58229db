package dev.weft.engine;

import com.google.common.hash.HashCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.bytebuddy.implementation.bind.annotation.AllArguments;
import net.bytebuddy.implementation.bind.annotation.FieldValue;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import org.jspecify.annotations.Nullable;

/**
 * What a call of a memoized method does, for one memoized instance: it holds the {@link Memo} of
 * the {@link Weft} that made the instance, so that two Wefts' instances of one generated class
 * use two caches. Thread-safe.
 *
 * <p>A call follows {@link Memo}'s single-flight protocol: a {@linkplain Memo.Lookup.Hit hit}
 * returns the cached value; a {@linkplain Memo.Lookup.Wait wait} joins the call that is computing
 * the same key and, if that one failed, looks again; a {@linkplain Memo.Lookup.Miss miss} runs
 * the method (its superclass implementation) and stores the value, or abandons the claim and
 * rethrows whatever the method threw, unchanged — failures are never cached.
 */
final class MemoizingInterceptor {
  /** The field of a generated class that holds its instance's interceptor; null: call through. */
  static final String FIELD = "weft$interceptor";

  /** The keys the current thread is computing, to tell a call that would wait for itself. */
  private static final ThreadLocal<Set<HashCode>> COMPUTING =
      ThreadLocal.withInitial(HashSet::new);

  private final Memo memo;
  private final List<MemoizingMethod> methods;

  /** An interceptor whose slot {@code i} is {@code methods.get(i)}. */
  MemoizingInterceptor(Memo memo, List<MemoizingMethod> methods) {
    this.memo = memo;
    this.methods = methods;
  }

  /** Calls the memoized method in {@code slot} with {@code args}; {@code body} runs it. */
  @Nullable Object call(int slot, @Nullable Object[] args, Callable<?> body) throws Exception {
    MemoizingMethod method = methods.get(slot);
    HashCode key = method.key(memo, args);
    if (key == null) {
      return body.call();
    }
    while (true) {
      Memo.Lookup lookup = lookup(method, key);
      if (lookup instanceof Memo.Lookup.Hit hit) {
        return hit.entry().value();
      }
      if (lookup instanceof Memo.Lookup.Wait wait) {
        Memoized waited = await(method, key, wait.other());
        if (waited != null) {
          return waited.value();
        }
        continue; // the other call failed: look again, and perhaps claim the key
      }
      return compute(method, key, ((Memo.Lookup.Miss) lookup).claim(), body);
    }
  }

  private @Nullable Object compute(MemoizingMethod method, HashCode key,
      CompletableFuture<Memoized> claim, Callable<?> body) throws Exception {
    Set<HashCode> computing = COMPUTING.get();
    computing.add(key);
    Object value;
    try {
      value = body.call();
    } catch (Throwable t) {
      memo.abandon(claim);
      throw t; // precisely what the method threw: an Exception or an Error
    } finally {
      computing.remove(key);
    }
    try {
      memo.store(key, claim, value, method.returnType(), method.what());
    } catch (IllegalStateException e) {
      throw unusable(method, e);
    } finally {
      if (!claim.isDone()) { // store does not throw, but waiters must never hang if it did
        memo.abandon(claim);
      }
    }
    return value;
  }

  private Memo.Lookup lookup(MemoizingMethod method, HashCode key) {
    try {
      return memo.lookup(key, method.returnType(), method.what());
    } catch (RuntimeException e) { // Memo.lookup gave up its claim before throwing
      throw e instanceof IllegalStateException closed ? unusable(method, closed) : e;
    }
  }

  /** What a store that refuses to work (it is closed) means to the caller. */
  private static IllegalStateException unusable(MemoizingMethod method, IllegalStateException e) {
    return new IllegalStateException("cannot use the cache for " + method.what() + " ("
        + e.getMessage() + "); a memoized instance works only while the Weft that made it is"
        + " open", e);
  }

  /** The other call's value, or null if it failed. */
  private static @Nullable Memoized await(
      MemoizingMethod method, HashCode key, CompletableFuture<Memoized> other) {
    if (COMPUTING.get().contains(key)) {
      // Plain Java would recurse until the stack overflowed; waiting for oneself never ends.
      throw new IllegalStateException(method.what() + " called itself with the same arguments"
          + " while computing them, so the call could never return; break the recursion");
    }
    try {
      // Not interruptible, as running the method here instead would not be either.
      return other.join();
    } catch (CompletionException | CancellationException e) {
      return null;
    }
  }

  /**
   * The entry point of generated classes: one per memoized method, which each override calls.
   * Public so that a class generated in the user's package may call it; its enclosing class is
   * package-private, so it is no part of Weft's API.
   */
  public static final class Dispatch {
    private final int slot;

    /** The entry point of the memoized method in {@code slot}. */
    Dispatch(int slot) {
      this.slot = slot;
    }

    /**
     * Runs a call of this entry point's memoized method.
     *
     * @param interceptor the instance's {@link MemoizingInterceptor}; null while its constructor
     *     runs, or when its Weft does not cache: the call then runs the method
     * @param args the call's arguments, primitives boxed
     * @param body calls the overridden method with {@code args}
     */
    @RuntimeType
    public @Nullable Object call(@FieldValue(FIELD) @Nullable Object interceptor,
        @AllArguments @Nullable Object[] args, @SuperCall Callable<?> body) throws Exception {
      if (interceptor == null) {
        return body.call();
      }
      return ((MemoizingInterceptor) interceptor).call(slot, args, body);
    }
  }
}
