package dev.weft.engine.fingerprint;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashCode;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * What the fingerprint needs from one parsed class file: for each method, the hash of its
 * normalized body and the references it makes that the closure may follow. Built once per class
 * by {@link ClassSummaryReader}; immutable but for the memo of closures rooted here.
 */
final class ClassSummary {

  /** What a method reference asks the closure to follow. */
  enum CalleeKind {
    /** A method called, or named by a method handle: resolved like a virtual call. */
    METHOD,
    /** A static field read: the owner's static initializer gives it its value. */
    CLASS_INIT,
    /** An instance field read: the owner's constructors (and field initializers) give it one. */
    CONSTRUCTORS
  }

  /** A symbolic reference from a method body, as it appears in the bytecode (not normalized). */
  record Callee(CalleeKind kind, String owner, String name, String descriptor) {
    String member() {
      return name + descriptor;
    }
  }

  /** One method: its access flags, the hash of its normalized body, and its references. */
  record MethodSummary(
      String name, String descriptor, int access, HashCode body, ImmutableList<Callee> callees) {}

  /**
   * One {@code invokedynamic} that {@code LambdaMetafactory} links: the interface method it
   * implements, the call-site descriptor ({@code (captured types)Interface}) and the method that
   * implements it (a {@code lambda$…} body or a method reference's target).
   */
  record LambdaSite(String interfaceMethod, String descriptor, Callee implementation) {}

  private final String internalName;
  private final ImmutableMap<String, MethodSummary> methods;
  private final ImmutableList<LambdaSite> lambdaSites;
  // Closures rooted in this class, by root member: a class cannot change within a JVM, nor can
  // the classes it reaches, so a closure once computed stays right.
  private final ConcurrentMap<String, Optional<HashCode>> closures = new ConcurrentHashMap<>();

  ClassSummary(
      String internalName,
      ImmutableMap<String, MethodSummary> methods,
      ImmutableList<LambdaSite> lambdaSites) {
    this.internalName = internalName;
    this.methods = methods;
    this.lambdaSites = lambdaSites;
  }

  /** The class's internal name, as in {@code a/b/Outer$Inner}. */
  String internalName() {
    return internalName;
  }

  /** The methods the class declares, by name followed by descriptor, in class-file order. */
  ImmutableMap<String, MethodSummary> methods() {
    return methods;
  }

  /** The method declared with this name and descriptor ({@code "run()V"}), if any. */
  @Nullable MethodSummary method(String member) {
    return methods.get(member);
  }

  /** The class's lambda and method-reference call sites, in class-file order. */
  ImmutableList<LambdaSite> lambdaSites() {
    return lambdaSites;
  }

  /** The memo of closures rooted in this class's methods. */
  ConcurrentMap<String, Optional<HashCode>> closures() {
    return closures;
  }
}
