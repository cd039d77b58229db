package dev.weft.engine.fingerprint;

import com.google.common.collect.ImmutableList;
import dev.weft.engine.fingerprint.ClassSummary.Callee;
import dev.weft.engine.fingerprint.ClassSummary.CalleeKind;
import dev.weft.engine.fingerprint.ClassSummary.LambdaSite;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the code behind a function object — a lambda, a method reference or an instance of an
 * ordinary class — as the roots of a {@link Closure}.
 *
 * <ul>
 *   <li><b>Serializable lambda or method reference:</b> its {@link SerializedLambda} (from the
 *       {@code writeReplace} method javac's serialization support adds) names the implementation
 *       method exactly.
 *   <li><b>Other lambda or method reference:</b> its hidden class has no class file and says
 *       nothing of its target, so the {@code LambdaMetafactory} call sites of the class that
 *       created it are matched against what the hidden class does show: the interface, the
 *       method it implements and the types of the values it captured. One site matching is
 *       exact. Several matching (two lambdas of one interface capturing the same types in one
 *       class) roots the fingerprint at all of them: any of them changing changes it — an
 *       invalidation too many, never a stale result.
 *   <li><b>Instance of an ordinary class</b> (named, nested or anonymous): all methods its class
 *       declares, with the classes of its jar or directory as the own classes.
 *   <li><b>Anything else</b> (another hidden class, a proxy, a class without a class file):
 *       empty.
 * </ul>
 *
 * <p>The values a lambda captured are data, not code: they are never part of the fingerprint.
 */
final class FunctionRoots {

  private static final Logger logger = LoggerFactory.getLogger(FunctionRoots.class);
  private static final String LAMBDA_MARKER = "$$Lambda";

  /** References from {@code scope}, a class that delimits the own classes, to start from. */
  record Roots(Class<?> scope, ImmutableList<Callee> callees) {}

  private FunctionRoots() {}

  static Optional<Roots> of(Object function, Function<Class<?>, Optional<ClassSummary>> summaries) {
    Class<?> type = function.getClass();
    if (!type.isHidden()) {
      return summaries.apply(type).map(summary -> new Roots(type, declaredMethods(summary)));
    }
    int marker = type.getName().indexOf(LAMBDA_MARKER);
    if (marker < 0) {
      return Optional.empty();
    }
    Optional<Roots> serialized = serialized(function);
    return serialized.isPresent()
        ? serialized
        : matched(type, type.getName().substring(0, marker), summaries);
  }

  private static ImmutableList<Callee> declaredMethods(ClassSummary summary) {
    return summary.methods().values().stream()
        .map(m -> method(summary.internalName(), m.name(), m.descriptor()))
        .collect(ImmutableList.toImmutableList());
  }

  private static Optional<Roots> serialized(Object function) {
    if (!(function instanceof Serializable)) {
      return Optional.empty();
    }
    Class<?> type = function.getClass();
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(function) instanceof SerializedLambda lambda) {
        Class<?> capturing = Class.forName(
            lambda.getCapturingClass().replace('/', '.'), false, type.getClassLoader());
        Callee target = method(
            lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature());
        return Optional.of(new Roots(capturing, ImmutableList.of(target)));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // A module that does not open the package, say: matching the call site still works.
      logger.debug("Cannot read the serialized form of {}: {}", type.getName(), e.toString());
    }
    return Optional.empty();
  }

  private static Optional<Roots> matched(
      Class<?> lambdaType,
      String capturingName,
      Function<Class<?>, Optional<ClassSummary>> summaries) {
    Class<?>[] interfaces = lambdaType.getInterfaces();
    if (interfaces.length == 0) {
      return Optional.empty();
    }
    Class<?> capturing;
    try {
      capturing = Class.forName(capturingName, false, lambdaType.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    String functionalInterface = Type.getDescriptor(interfaces[0]);
    List<String> captured = Arrays.stream(lambdaType.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers()))
        .map(Field::getType)
        .map(Type::getDescriptor)
        .sorted()
        .toList();
    List<String> implemented =
        Arrays.stream(lambdaType.getDeclaredMethods()).map(Method::getName).toList();
    return summaries.apply(capturing)
        .map(summary -> summary.lambdaSites().stream()
            .filter(site -> implemented.contains(site.interfaceMethod()))
            .filter(site -> Type.getReturnType(site.descriptor()).getDescriptor()
                .equals(functionalInterface))
            .filter(site -> captured.equals(capturedTypes(site)))
            .map(LambdaSite::implementation)
            .distinct()
            .collect(ImmutableList.toImmutableList()))
        .filter(candidates -> !candidates.isEmpty())
        .map(candidates -> new Roots(capturing, candidates));
  }

  private static List<String> capturedTypes(LambdaSite site) {
    return Arrays.stream(Type.getArgumentTypes(site.descriptor()))
        .map(Type::getDescriptor)
        .sorted()
        .toList();
  }

  private static Callee method(String owner, String name, String descriptor) {
    return new Callee(CalleeKind.METHOD, owner, name, descriptor);
  }
}
