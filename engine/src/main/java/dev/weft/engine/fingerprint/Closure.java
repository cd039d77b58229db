package dev.weft.engine.fingerprint;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.weft.engine.fingerprint.ClassSummary.Callee;
import dev.weft.engine.fingerprint.ClassSummary.MethodSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Walks from a fingerprint's roots to every method of the project's own classes that they reach,
 * and hashes what it found.
 *
 * <p>The walk is breadth-first over an explicit queue, never recursive, so a chain of calls of
 * any depth fits in the stack, and each method is visited once, so recursion and mutual
 * recursion end. Methods are numbered in the order the walk discovers them, which depends only on
 * the code (references are taken in instruction order). The hash covers, for each method in that
 * order, the hash of its normalized body ({@link BodyHasher}) and the numbers of the methods its
 * references resolved to. These edges pin which method each reference reached, so the numbers
 * that {@link SymbolicNames} drops from names lose nothing.
 *
 * <p>A reference is followed when its owner is own ({@link OwnClasses}). A method reference
 * reaches the method as declared in the named owner or, failing that, its nearest own superclass
 * and then its own superinterfaces (default methods): as the JVM resolves it, not as it
 * dispatches. A constructor also reaches all non-private instance methods of its class, which is
 * how overrides are covered: an object made in the code followed can only run those. Overrides
 * in classes of objects made elsewhere (passed in as arguments) are not followed. Reading a field
 * reaches the code that gives it its value, as far as it can tell: a static field, its owner's
 * static initializer; an instance field, its owner's constructors. Other references (the JDK,
 * libraries) count by their symbolic reference only.
 */
final class Closure {

  // Bump when what is hashed changes, so that old fingerprints no longer match.
  private static final int FORMAT = 1;

  private record MethodKey(Class<?> type, String member) {}

  private final Class<?> root;
  private final String rootName;
  private final Function<Class<?>, Optional<ClassSummary>> summaries;
  private final Map<MethodKey, Integer> ordinals = new HashMap<>();
  private final List<MethodSummary> order = new ArrayList<>();

  private Closure(Class<?> root, Function<Class<?>, Optional<ClassSummary>> summaries) {
    this.root = root;
    this.rootName = root.getName().replace('.', '/');
    this.summaries = summaries;
  }

  /**
   * Hashes the closure of {@code roots}, references made from {@code root}, whose loader and code
   * source delimit the own classes. Empty if an own class it reaches has no readable class file.
   */
  static Optional<HashCode> hash(
      Class<?> root,
      List<Callee> roots,
      Function<Class<?>, Optional<ClassSummary>> summaries) {
    return new Closure(root, summaries).walk(roots);
  }

  private Optional<HashCode> walk(List<Callee> roots) {
    Hasher hasher = Hashing.murmur3_128().newHasher().putInt(FORMAT).putInt(roots.size());
    List<Integer> edges = new ArrayList<>();
    for (Callee callee : roots) {
      hasher.putInt(callee.kind().ordinal());
      string(hasher, SymbolicNames.type(callee.owner()));
      string(hasher, SymbolicNames.method(callee.name()));
      string(hasher, SymbolicNames.type(callee.descriptor()));
      if (!follow(callee, edges)) {
        return Optional.empty();
      }
    }
    putEdges(hasher, edges);
    for (int i = 0; i < order.size(); i++) { // the queue grows as the walk discovers methods
      MethodSummary method = order.get(i);
      hasher.putBytes(method.body().asBytes());
      edges.clear();
      for (Callee callee : method.callees()) {
        if (!follow(callee, edges)) {
          return Optional.empty();
        }
      }
      putEdges(hasher, edges);
    }
    return Optional.of(hasher.hash());
  }

  // Adds the ordinals of what callee resolves to; false if an own class cannot be read. Own
  // classes share root's loader, so resolving from root is resolving from the referring class.
  private boolean follow(Callee callee, List<Integer> edges) {
    Class<?> owner =
        callee.owner().equals(rootName) ? root : OwnClasses.resolve(root, callee.owner());
    if (owner == null) {
      return true;
    }
    ClassSummary summary = summaries.apply(owner).orElse(null);
    if (summary == null) {
      return false;
    }
    switch (callee.kind()) {
      case METHOD:
        return resolveMethod(owner, summary, callee.member(), edges);
      case CLASS_INIT:
        MethodSummary init = summary.method("<clinit>()V");
        if (init != null) {
          edges.add(ordinal(owner, init));
        }
        return true;
      case CONSTRUCTORS:
        for (MethodSummary method : summary.methods().values()) {
          if (method.name().equals("<init>")) {
            edges.add(ordinal(owner, method));
          }
        }
        return true;
    }
    throw new AssertionError(callee.kind());
  }

  private boolean resolveMethod(
      Class<?> owner, ClassSummary ownerSummary, String member, List<Integer> edges) {
    ClassSummary summary = ownerSummary;
    for (Class<?> type = owner; ; ) {
      MethodSummary method = summary.method(member);
      if (method != null) {
        return declared(type, summary, method, edges);
      }
      type = type.getSuperclass();
      if (type == null || !OwnClasses.isOwn(root, type)) {
        break;
      }
      summary = summaries.apply(type).orElse(null);
      if (summary == null) {
        return false;
      }
    }
    // Not in the own superclass chain: a default method of an own superinterface, nearest first.
    ArrayDeque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
      queue.addAll(List.of(type.getInterfaces()));
    }
    while (!queue.isEmpty()) {
      Class<?> type = queue.removeFirst();
      if (!seen.add(type) || !OwnClasses.isOwn(root, type)) {
        continue;
      }
      summary = summaries.apply(type).orElse(null);
      if (summary == null) {
        return false;
      }
      MethodSummary method = summary.method(member);
      if (method != null) {
        return declared(type, summary, method, edges);
      }
      queue.addAll(List.of(type.getInterfaces()));
    }
    return true; // declared in a library supertype, or nowhere: the reference alone counts
  }

  private boolean declared(
      Class<?> type, ClassSummary summary, MethodSummary method, List<Integer> edges) {
    edges.add(ordinal(type, method));
    if (method.name().equals("<init>")) {
      // An object made here may be handed to code that calls it through a supertype (a
      // Comparator to sort, a Runnable to run), which the walk cannot see: all of its instance
      // methods that such code could call count.
      for (MethodSummary other : summary.methods().values()) {
        if ((other.access() & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0
            && !other.name().startsWith("<")) {
          edges.add(ordinal(type, other));
        }
      }
    }
    return true;
  }

  private int ordinal(Class<?> type, MethodSummary method) {
    MethodKey key = new MethodKey(type, method.name() + method.descriptor());
    Integer ordinal = ordinals.get(key);
    if (ordinal == null) {
      ordinal = order.size();
      ordinals.put(key, ordinal);
      order.add(method);
    }
    return ordinal;
  }

  private static void putEdges(Hasher hasher, List<Integer> edges) {
    hasher.putInt(edges.size());
    for (int edge : edges) {
      hasher.putInt(edge);
    }
  }

  private static void string(Hasher hasher, String s) {
    hasher.putInt(s.length()).putString(s, UTF_8);
  }
}
