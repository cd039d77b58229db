package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Warns about cached tasks whose values cannot be written to the disk cache and read back: live
 * resources, one-shot cursors, code and {@code Object} (whose concrete type the cache would have
 * to guess — it never reads type information from its files).
 *
 * <p>The warning is a hint, not a rule, so {@code @SuppressWarnings("weft/uncacheable")} on the
 * method or an enclosing class silences it.
 */
final class UncacheableTypes {
  static final String SUPPRESS = Diagnostic.UNCACHEABLE.id();

  /** Types, and their subtypes, whose instances are resources or cursors rather than data. */
  private static final ImmutableList<String> LIVE_TYPES =
      ImmutableList.of(
          "java.util.stream.BaseStream",
          "java.util.Iterator",
          "java.util.Spliterator",
          "java.util.Enumeration",
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.io.Reader",
          "java.io.Writer",
          "java.nio.channels.Channel",
          "java.net.Socket",
          "java.net.ServerSocket",
          "java.lang.Thread",
          "java.lang.ThreadLocal",
          "java.lang.ClassLoader",
          "java.lang.Process",
          "java.util.concurrent.Executor",
          "java.util.concurrent.Future",
          "java.util.concurrent.locks.Lock",
          "java.sql.Connection",
          "java.sql.ResultSet");

  private final ErrorReporter reporter;
  private final MoreTypes types;
  private final Elements elements;

  UncacheableTypes(ErrorReporter reporter, MoreTypes types, Elements elements) {
    this.reporter = reporter;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Warns when the value of cached task {@code name} cannot be stored.
   *
   * @param returnType the method's declared return type
   * @param valueType the task's value: the return type, or for an async task what it completes with
   */
  void check(
      ExecutableElement method,
      String name,
      TypeMirror returnType,
      TypeMirror valueType,
      boolean async) {
    Optional<String> why = whyNot(valueType);
    if (why.isEmpty() || Annotations.isSuppressed(method, SUPPRESS)) {
      return;
    }
    String fix =
        " Set @Task(cache = false) to compute it on every run, or return data such as a List or a"
            + " record.";
    if (async) {
      // The value is not what the signature shows, so the message names both.
      reporter.warning(
          Diagnostic.UNCACHEABLE,
          Location.of(method),
          "task '%s' returns %s, whose value %s cannot be stored in the disk cache: %s.%s",
          name,
          returnType,
          valueType,
          why.get(),
          fix);
    } else {
      reporter.warning(
          Diagnostic.UNCACHEABLE,
          Location.of(method),
          "task '%s' returns %s, which cannot be stored in the disk cache: %s.%s",
          name,
          valueType,
          why.get(),
          fix);
    }
  }

  /** Why a value of {@code type} cannot be stored, or empty when it can. */
  private Optional<String> whyNot(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getQualifiedName().contentEquals("java.lang.Object")) {
      return Optional.of("Object says nothing of the value's type, which reading it back needs");
    }
    for (String live : LIVE_TYPES) {
      if (types.isSubtypeOf(type, live)) {
        return Optional.of(
            "it is a live resource or cursor (a subtype of " + live + "), not data");
      }
    }
    if (isCode(element)) {
      return Optional.of("it is a functional interface, whose instances are code, not data");
    }
    return Optional.empty();
  }

  /**
   * Whether the interface is declared as code: {@code @FunctionalInterface}, or one of
   * {@code java.util.function}. Any interface with one abstract method is functional to javac,
   * but many describe data ({@code interface Named { String name(); }}, implemented by records).
   */
  private boolean isCode(TypeElement element) {
    if (element.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    PackageElement pkg = elements.getPackageOf(element);
    return Annotations.find(element, FunctionalInterface.class.getCanonicalName()).isPresent()
        || pkg.getQualifiedName().contentEquals("java.util.function");
  }
}
