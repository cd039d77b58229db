package dev.weft.processor.base;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.Types;

/** Type questions the stages ask, answered with javac's own {@link Types}. */
public final class MoreTypes {
  private final Types types;
  private final Elements elements;

  public MoreTypes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The javac type utilities, for the questions this class does not wrap. */
  public Types types() {
    return types;
  }

  /** The boxed type of a primitive, {@code Void} for {@code void}, other types unchanged. */
  public TypeMirror boxed(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return types.boxedClass(types.getPrimitiveType(type.getKind())).asType();
    }
    if (type.getKind() == TypeKind.VOID) {
      return declared("java.lang.Void").orElseThrow();
    }
    return type;
  }

  /** The type of the class with that canonical name, if it is on the compile classpath. */
  public Optional<TypeMirror> declared(String canonicalName) {
    TypeElement element = elements.getTypeElement(canonicalName);
    return element == null ? Optional.empty() : Optional.of(types.erasure(element.asType()));
  }

  /** Whether {@code type} is a subtype of the (erased) class with that canonical name. */
  public boolean isSubtypeOf(TypeMirror type, String canonicalName) {
    return declared(canonicalName)
        .map(target -> types.isAssignable(types.erasure(type), target))
        .orElse(false);
  }

  /**
   * The first type argument {@code type} gives to its supertype {@code canonicalName} — the
   * {@code E} of {@code Collection<E>}, the {@code T} of {@code CompletionStage<T>} — with a
   * wildcard replaced by its upper bound and a raw supertype read as {@code Object}. Empty when
   * {@code type} is not a subtype.
   */
  public Optional<TypeMirror> typeArgumentOf(TypeMirror type, String canonicalName) {
    Optional<TypeMirror> target = declared(canonicalName);
    if (target.isEmpty() || !isSubtypeOf(type, canonicalName)) {
      return Optional.empty();
    }
    // Breadth-first over the supertypes, so that the type arguments of the path are substituted
    // by javac itself (directSupertypes does that) rather than by hand.
    Deque<TypeMirror> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeMirror current = queue.poll();
      if (types.isSameType(types.erasure(current), target.get())) {
        List<? extends TypeMirror> arguments = ((DeclaredType) current).getTypeArguments();
        return Optional.of(arguments.isEmpty() ? object() : upperBound(arguments.get(0)));
      }
      queue.addAll(types.directSupertypes(current));
    }
    return Optional.of(object());
  }

  /**
   * Whether {@code type}, or any type it is built from or inherits from, could not be resolved by
   * javac: {@code List<Missing>}, or {@code MyList} declared as {@code MyList extends MissingBase}
   * — whose supertypes, and so whether it is a {@code Collection}, are unknown until it resolves.
   */
  public boolean containsError(TypeMirror type) {
    return containsError(type, new HashSet<>());
  }

  /** {@code visited} holds the classes and type variables seen, so each is walked once. */
  private boolean containsError(TypeMirror type, Set<Element> visited) {
    switch (type.getKind()) {
      case ERROR -> {
        return true;
      }
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (containsError(argument, visited)) {
            return true;
          }
        }
        if (containsError(declared.getEnclosingType(), visited)) {
          return true; // Outer<Missing>.Inner
        }
        TypeElement element = (TypeElement) declared.asElement();
        if (!visited.add(element)) {
          return false;
        }
        if (containsError(element.getSuperclass(), visited)) {
          return true;
        }
        for (TypeMirror supertype : element.getInterfaces()) {
          if (containsError(supertype, visited)) {
            return true;
          }
        }
        return false;
      }
      case ARRAY -> {
        return containsError(((ArrayType) type).getComponentType(), visited);
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        TypeMirror extendsBound = wildcard.getExtendsBound();
        TypeMirror superBound = wildcard.getSuperBound();
        return (extendsBound != null && containsError(extendsBound, visited))
            || (superBound != null && containsError(superBound, visited));
      }
      case TYPEVAR -> {
        TypeVariable variable = (TypeVariable) type;
        return visited.add(variable.asElement())
            && containsError(variable.getUpperBound(), visited);
      }
      case INTERSECTION -> {
        for (TypeMirror bound : ((IntersectionType) type).getBounds()) {
          if (containsError(bound, visited)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * The first raw type in {@code type} — itself, a type argument, an array's component, a
   * wildcard's bound, the owner of an inner class — such as {@code List} in {@code Set<List>}.
   * Empty when every generic class in {@code type} has its type arguments.
   */
  public Optional<DeclaredType> rawTypeIn(TypeMirror type) {
    return type.accept(
        new SimpleTypeVisitor14<Optional<DeclaredType>, Void>(Optional.empty()) {
          @Override
          public Optional<DeclaredType> visitDeclared(DeclaredType t, Void unused) {
            TypeElement element = (TypeElement) t.asElement();
            if (!element.getTypeParameters().isEmpty() && t.getTypeArguments().isEmpty()) {
              return Optional.of(t);
            }
            Optional<DeclaredType> owner = t.getEnclosingType().accept(this, null);
            if (owner.isPresent()) {
              return owner;
            }
            for (TypeMirror argument : t.getTypeArguments()) {
              Optional<DeclaredType> found = argument.accept(this, null);
              if (found.isPresent()) {
                return found;
              }
            }
            return Optional.empty();
          }

          @Override
          public Optional<DeclaredType> visitArray(ArrayType t, Void unused) {
            return t.getComponentType().accept(this, null);
          }

          @Override
          public Optional<DeclaredType> visitWildcard(WildcardType t, Void unused) {
            TypeMirror bound =
                t.getExtendsBound() != null ? t.getExtendsBound() : t.getSuperBound();
            return bound == null ? Optional.empty() : bound.accept(this, null);
          }
        },
        null);
  }

  /**
   * A class named in {@code type} — itself, a type argument, an array's component, a wildcard's
   * bound — that code in {@code from} cannot name: private, or protected in another package (at
   * any level of nesting). Empty when code in {@code from} can name every class of the type.
   */
  public Optional<TypeElement> inaccessibleFrom(TypeMirror type, PackageElement from) {
    return type.accept(
        new SimpleTypeVisitor14<Optional<TypeElement>, Void>(Optional.empty()) {
          @Override
          public Optional<TypeElement> visitDeclared(DeclaredType t, Void unused) {
            for (Element e = t.asElement(); e instanceof TypeElement nested; e = e.getEnclosingElement()) {
              boolean hidden =
                  nested.getModifiers().contains(Modifier.PRIVATE)
                      || (nested.getModifiers().contains(Modifier.PROTECTED)
                          && !elements.getPackageOf(nested).equals(from));
              if (hidden) {
                return Optional.of(nested);
              }
            }
            for (TypeMirror argument : t.getTypeArguments()) {
              Optional<TypeElement> found = argument.accept(this, null);
              if (found.isPresent()) {
                return found;
              }
            }
            return Optional.empty();
          }

          @Override
          public Optional<TypeElement> visitArray(ArrayType t, Void unused) {
            return t.getComponentType().accept(this, null);
          }

          @Override
          public Optional<TypeElement> visitWildcard(WildcardType t, Void unused) {
            TypeMirror bound = t.getExtendsBound() != null ? t.getExtendsBound() : t.getSuperBound();
            return bound == null ? Optional.empty() : bound.accept(this, null);
          }
        },
        null);
  }

  private TypeMirror upperBound(TypeMirror argument) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) argument).getExtendsBound();
      return bound == null ? object() : bound;
    }
    return argument;
  }

  private TypeMirror object() {
    return elements.getTypeElement("java.lang.Object").asType();
  }
}
