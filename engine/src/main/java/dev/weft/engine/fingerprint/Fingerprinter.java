package dev.weft.engine.fingerprint;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.HashCode;
import dev.weft.engine.fingerprint.ClassSummary.Callee;
import dev.weft.engine.fingerprint.ClassSummary.CalleeKind;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Computes fingerprints with a cache of parsed classes: the engine behind
 * {@link CodeFingerprints}, which holds one for the JVM. Tests make their own, to count parses.
 *
 * <p>Each class is parsed at most once per instance: its summary hangs off the {@link Class}
 * through a {@link ClassValue}, so it lives as long as the class and no longer (an unloaded
 * class loader takes its summaries with it). {@code ClassValue} may compute a value twice when
 * two threads race for it, keeping one; the value is therefore a memoizing supplier, cheap to
 * create twice, and the parse happens once, in whichever thread asks first. Fingerprints of
 * methods are memoized in their class's summary, those of function objects per function class.
 * All of it is thread-safe.
 */
final class Fingerprinter {

  private final LongAdder parses = new LongAdder();

  private final ClassValue<Supplier<Optional<ClassSummary>>> summaries = new ClassValue<>() {
    @Override
    protected Supplier<Optional<ClassSummary>> computeValue(Class<?> type) {
      return Suppliers.memoize(() -> parse(type));
    }
  };

  // Per function class: a lambda's fingerprint depends on its class, not on what it captured.
  private final ClassValue<FunctionMemo> functions = new ClassValue<>() {
    @Override
    protected FunctionMemo computeValue(Class<?> type) {
      return new FunctionMemo();
    }
  };

  /** See {@link CodeFingerprints#of(Class, String, String)}. */
  Optional<HashCode> method(Class<?> owner, String name, String descriptor) {
    ClassSummary summary = summary(owner).orElse(null);
    if (summary == null) {
      return Optional.empty();
    }
    String member = name + descriptor;
    Optional<HashCode> known = summary.closures().get(member);
    if (known != null) {
      return known;
    }
    if (!declares(owner, member)) {
      throw new IllegalArgumentException(String.format(
          "%s declares no method %s%s, nor do its superclasses in the same jar or directory",
          owner.getName(), name, descriptor));
    }
    Callee root = new Callee(CalleeKind.METHOD, summary.internalName(), name, descriptor);
    // Not computeIfAbsent: the walk is long and reads other classes; a race computes it twice,
    // with equal results.
    Optional<HashCode> computed = Closure.hash(owner, ImmutableList.of(root), this::summary);
    Optional<HashCode> raced = summary.closures().putIfAbsent(member, computed);
    return raced == null ? computed : raced;
  }

  /** See {@link CodeFingerprints#ofFunction(Object)}. */
  Optional<HashCode> function(Object function) {
    return functions.get(function.getClass()).get(function);
  }

  /** The summary of {@code type}'s class file, parsed on first request; empty if unreadable. */
  Optional<ClassSummary> summary(Class<?> type) {
    return summaries.get(type).get();
  }

  /** How many class files this instance has parsed (or tried to). */
  long classesParsed() {
    return parses.sum();
  }

  private Optional<ClassSummary> parse(Class<?> type) {
    parses.increment();
    return ClassSummaryReader.read(type);
  }

  private boolean declares(Class<?> owner, String member) {
    for (Class<?> type = owner;
        type != null && OwnClasses.isOwn(owner, type);
        type = type.getSuperclass()) {
      ClassSummary summary = summary(type).orElse(null);
      if (summary == null || summary.method(member) != null) {
        return true; // an unreadable superclass: let the walk report it as empty
      }
    }
    return false;
  }

  /** A function class's fingerprint, computed once, from the first instance asked for. */
  private final class FunctionMemo {
    private @Nullable Optional<HashCode> value;

    synchronized Optional<HashCode> get(Object function) {
      if (value == null) {
        value = FunctionRoots.of(function, Fingerprinter.this::summary)
            .flatMap(roots ->
                Closure.hash(roots.scope(), roots.callees(), Fingerprinter.this::summary));
      }
      return value;
    }
  }
}
