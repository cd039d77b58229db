package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.processor.base.MoreTypes;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Recognises values that cannot be written to the disk cache and read back: live resources,
 * one-shot cursors, code and {@code Object} (whose concrete type the cache would have to guess —
 * it never reads type information from its files).
 */
final class UncacheableTypes {
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

  /** Interfaces with a single abstract method that still describe data, not code. */
  private static final ImmutableSet<String> DATA_INTERFACES =
      ImmutableSet.of("java.lang.Iterable", "java.lang.Comparable", "java.lang.Readable");

  private final MoreTypes types;
  private final Elements elements;

  UncacheableTypes(MoreTypes types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Why a value of {@code type} cannot be stored, or empty when it can. */
  Optional<String> whyNot(TypeMirror type) {
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
    if (element.getKind() == ElementKind.INTERFACE
        && elements.isFunctionalInterface(element)
        && !DATA_INTERFACES.contains(element.getQualifiedName().toString())) {
      return Optional.of("it is a functional interface, whose instances are code, not data");
    }
    return Optional.empty();
  }

}
