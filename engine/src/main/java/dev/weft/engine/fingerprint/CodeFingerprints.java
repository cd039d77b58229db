package dev.weft.engine.fingerprint;

import com.google.common.hash.HashCode;
import java.lang.reflect.Method;
import java.util.Optional;
import net.bytebuddy.jar.asm.Type;

/**
 * Code fingerprints: 128-bit hashes (MurmurHash3) of what a task's code does, for the cache key
 * of its results. Equal fingerprints mean the code followed is the same, symbol for symbol; a
 * different fingerprint means some of it changed.
 *
 * <p><b>Own classes.</b> Code is followed only into the project's own classes: those defined by
 * the same class loader as the task's class and loaded from the same jar or classes directory.
 * The JDK and libraries never are; a reference to one of their methods or fields counts by its
 * owner, name and descriptor alone, never by their body, so upgrading a library or the JDK does
 * not change a fingerprint, while calling another of their methods does. Another module of the
 * same project (another jar or directory) counts like a library: give tasks that depend on its
 * code a {@code version}.
 *
 * <p><b>What is followed</b>, from the task method, transitively, within own classes:
 *
 * <ul>
 *   <li>methods it calls ({@code invokestatic}, {@code invokevirtual}, {@code invokespecial},
 *       {@code invokeinterface}), as declared in the class the call names or, failing that, its
 *       nearest own superclass, then own superinterface (default methods);
 *   <li>the bodies of its lambdas and the targets of its method references (the method handles
 *       of {@code invokedynamic}, such as {@code lambda$files$0});
 *   <li>for each constructor called, all non-private instance methods of its class: they are
 *       what code given the object (a {@code Comparator} given to {@code sort}) can call, and
 *       this is how overrides are covered;
 *   <li>for each field read, the code that gives it its value as far as it can tell: a static
 *       field's class's static initializer, an instance field's class's constructors (with the
 *       field initializers javac puts in them).
 * </ul>
 *
 * <p><b>Not followed:</b> overrides in classes of objects made elsewhere than in the code
 * followed (a subclass instance passed in as an argument: its methods are reached only as
 * declared in the type the call names); code reached by reflection, method handles looked up by
 * name, {@code ServiceLoader} and the like; the JDK and libraries (above). Tasks that depend on
 * such code need a {@code version}.
 *
 * <p><b>What changes a fingerprint:</b> any change to the instructions of a followed method —
 * constants ({@code "a"} to {@code "b"}, {@code 1} to {@code 2}, including compile-time
 * constants javac copied in from elsewhere), the methods, fields and types it names, branches,
 * switch tables, try/catch blocks, local variable slots — or to its access flags, name or
 * descriptor; calling a method not called before, or no longer calling one; compiling with a
 * javac whose code generation differs.
 *
 * <p><b>What does not:</b> formatting, comments, blank lines and anything else that only moves
 * line numbers; names of local variables and parameters; constant-pool order; stack map frames;
 * annotations; methods and classes that nothing followed reaches; adding a lambda or an
 * anonymous class elsewhere in the file (javac renumbers the later ones, and the numbers are
 * ignored); the values a lambda captured; the values of inputs (fingerprinted separately).
 *
 * <p><b>Cost.</b> Each class is read and parsed at most once per JVM, and each fingerprint
 * computed once; later calls are a lookup. Class files are read through the class's own loader
 * with Byte Buddy's {@code ClassFileLocator} and parsed with its bundled ASM, debug attributes
 * skipped. The walk is iterative: recursion and call chains of any depth are fine. All methods
 * are thread-safe.
 *
 * <p><b>Not for users</b> (see the package documentation): the engine calls this.
 */
public final class CodeFingerprints {

  private static final Fingerprinter FINGERPRINTER = new Fingerprinter();

  private CodeFingerprints() {}

  /**
   * The fingerprint of a method and of all the own code it reaches.
   *
   * @param owner the class that declares the method (or whose own superclass does)
   * @param methodName the method's name, {@code "<init>"} for a constructor
   * @param methodDescriptor the JVM descriptor, as in {@code "(Ljava/util/List;)J"}
   * @return the fingerprint, or empty if a class file it needs cannot be read — the owner's or
   *     that of an own class it reaches, as for classes generated at run time; the caller should
   *     treat the task as having no fingerprint (ask for a {@code version}), not fail
   * @throws IllegalArgumentException if neither {@code owner} nor its own superclasses declare
   *     the method
   */
  public static Optional<HashCode> of(Class<?> owner, String methodName, String methodDescriptor) {
    return FINGERPRINTER.method(owner, methodName, methodDescriptor);
  }

  /** The fingerprint of a method, as {@link #of(Class, String, String)} for its declarer. */
  public static Optional<HashCode> ofMethod(Method method) {
    return of(method.getDeclaringClass(), method.getName(), Type.getMethodDescriptor(method));
  }

  /**
   * The fingerprint of the code behind a function object, as code-built tasks
   * ({@code FlowBuilder} lambdas) have. What is followed starts from:
   *
   * <ul>
   *   <li>a <b>serializable lambda or method reference</b> (its interface extends
   *       {@code Serializable}): exactly its implementation method, named by its
   *       {@code SerializedLambda};
   *   <li>any <b>other lambda or method reference</b>: the {@code LambdaMetafactory} call sites
   *       of the class that created it that match its interface, method and captured types.
   *       Usually one; when several lambdas of the class share all three, all of them, so that
   *       editing any one changes the fingerprints of all — never a stale result, but an
   *       invalidation too many (a serializable interface avoids it);
   *   <li>an instance of an <b>ordinary class</b> (named, nested, anonymous): all methods its
   *       class declares.
   * </ul>
   *
   * <p>From there, the code followed is as for {@link #of(Class, String, String)}, with the class
   * that created the lambda (or the ordinary class) in place of the task's class. The values it
   * captured or holds in fields do not count. Computed once per function class.
   *
   * @return the fingerprint, or empty for a function whose code cannot be found — a hidden class
   *     other than a lambda, a proxy, a class without a class file; the caller should warn that
   *     the task is not fingerprintable and ask for a {@code version}
   */
  public static Optional<HashCode> ofFunction(Object function) {
    return FINGERPRINTER.function(function);
  }
}
