package dev.weft.engine;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.reflect.TypeToken;
import dev.weft.Task;
import dev.weft.engine.fingerprint.CodeFingerprints;
import dev.weft.engine.values.Fingerprint;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One memoized method of a memoized class: what its cache keys are made of and what its values
 * are. Shared by every instance of the class, whichever {@link Weft} made it; immutable but for
 * the code fingerprint, computed on first use and then kept.
 *
 * <p>A key is {@link Memo#keyHasher} of the class's name (the flow), the method's name and JVM
 * descriptor (the task, so that overloads differ) and the code — the {@code @Task} version if
 * set, else the fingerprint of the method's code — followed by the fingerprint of each argument
 * in order.
 */
final class MemoizingMethod {
  private final Method method;
  private final String flow;
  private final String task;
  private final String what;
  private final TypeToken<?> returnType;
  private final Supplier<Optional<HashCode>> code;

  MemoizingMethod(Class<?> type, Method method) {
    this.method = method;
    this.flow = type.getName();
    this.task = method.getName()
        + MethodType.methodType(method.getReturnType(), method.getParameterTypes())
            .toMethodDescriptorString();
    this.what = "method " + MemoizingChecks.signature(method) + " of " + type.getName();
    // Resolved against the memoized class, so that T of a generic superclass becomes its argument.
    this.returnType = TypeToken.of(type).resolveType(method.getGenericReturnType()).wrap();
    this.code = Suppliers.memoize(this::readCode); // reads class files: once, and only if called
  }

  /** The value's exact type (primitives boxed), to store and load it with. */
  TypeToken<?> returnType() {
    return returnType;
  }

  /** The method as messages name it: {@code method Adder.add(int, int) of com.example.Adder}. */
  String what() {
    return what;
  }

  /**
   * The cache key of a call with {@code args}, or null if the call cannot be memoized — its code
   * or an argument has no fingerprint — which {@code memo} warns about once.
   */
  @Nullable HashCode key(Memo memo, @Nullable Object[] args) {
    Optional<HashCode> code = this.code.get();
    if (code.isEmpty()) {
      memo.warnOnce("memoize code " + flow + ' ' + task, "the code of " + what + " cannot be"
          + " fingerprinted (its class file cannot be read), so every call runs it; give it"
          + " @Task(version = \"1\") to memoize it, and change the version when its code changes");
      return null;
    }
    Hasher hasher = Memo.keyHasher(flow, task, code.get());
    for (int i = 0; i < args.length; i++) {
      Fingerprint fingerprint = memo.fingerprint(args[i]);
      Optional<HashCode> hash = fingerprint.hash();
      if (hash.isEmpty()) {
        memo.warnOnce("memoize argument " + flow + ' ' + task + ' ' + i, "argument " + (i + 1)
            + " (" + method.getParameterTypes()[i].getSimpleName() + ") of " + what + " cannot be"
            + " fingerprinted, so calls with such an argument run every time: "
            + fingerprint.reason().orElse(""));
        return null;
      }
      hasher.putBytes(hash.get().asBytes());
    }
    return hasher.hash();
  }

  private Optional<HashCode> readCode() {
    Task annotation = method.getAnnotation(Task.class);
    if (annotation != null && !annotation.version().isEmpty()) {
      return Optional.of(Memo.version(annotation.version()));
    }
    try {
      return CodeFingerprints.ofMethod(method);
    } catch (RuntimeException e) { // not expected for a loaded method; uncached beats failing
      return Optional.empty();
    }
  }
}
