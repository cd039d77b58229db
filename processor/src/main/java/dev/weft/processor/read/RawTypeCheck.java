package dev.weft.processor.read;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.MoreTypes;
import dev.weft.processor.base.Names;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * A key carries its value's exact type, and a raw type ({@code List} for {@code List<E>}) is not
 * one: the generated key would be unchecked, and so would every task reading it. Task values and
 * inputs, the two kinds of keys, must give every generic class its type arguments.
 */
final class RawTypeCheck {
  private static final String FIX =
      "; a key needs the full type. Give %s its type arguments, such as %s.";

  private final ErrorReporter reporter;
  private final MoreTypes types;

  RawTypeCheck(ErrorReporter reporter, MoreTypes types) {
    this.reporter = reporter;
    this.types = types;
  }

  /** Reports a raw type in what task {@code name} returns; returns whether there was one. */
  boolean checkTask(ExecutableElement method, String name, TypeMirror returnType) {
    Optional<DeclaredType> raw = types.rawTypeIn(returnType);
    raw.ifPresent(
        r -> {
          TypeElement element = (TypeElement) r.asElement();
          if (r == returnType) {
            reporter.error(
                Diagnostic.RAW_TYPE,
                Location.of(method),
                "task '%s' returns the raw type %s" + FIX,
                name,
                element.getQualifiedName(),
                Names.nested(element),
                example(element));
          } else {
            reporter.error(
                Diagnostic.RAW_TYPE,
                Location.of(method),
                "task '%s' returns %s, which contains the raw type %s" + FIX,
                name,
                returnType,
                element.getQualifiedName(),
                Names.nested(element),
                example(element));
          }
        });
    return raw.isPresent();
  }

  /** Reports a raw type in the type of input {@code name}, declared by {@code parameter}. */
  void checkInput(ExecutableElement method, VariableElement parameter, String name) {
    TypeMirror type = parameter.asType();
    types
        .rawTypeIn(type)
        .ifPresent(
            r -> {
              TypeElement element = (TypeElement) r.asElement();
              if (r == type) {
                reporter.error(
                    Diagnostic.RAW_TYPE,
                    Location.of(parameter),
                    "input '%s' of %s has the raw type %s" + FIX,
                    name,
                    Names.display(method),
                    element.getQualifiedName(),
                    Names.nested(element),
                    example(element));
              } else {
                reporter.error(
                    Diagnostic.RAW_TYPE,
                    Location.of(parameter),
                    "input '%s' of %s has type %s, which contains the raw type %s" + FIX,
                    name,
                    Names.display(method),
                    type,
                    element.getQualifiedName(),
                    Names.nested(element),
                    example(element));
              }
            });
  }

  /** {@code List<String>}, {@code Map<String, String>}; {@code ?} where a bound rules it out. */
  private static String example(TypeElement generic) {
    return generic.getTypeParameters().stream()
        .map(p -> isUnbounded(p) ? "String" : "?")
        .collect(Collectors.joining(", ", Names.nested(generic) + "<", ">"));
  }

  private static boolean isUnbounded(TypeParameterElement parameter) {
    List<? extends TypeMirror> bounds = parameter.getBounds();
    return bounds.size() == 1
        && bounds.get(0) instanceof DeclaredType bound
        && ((TypeElement) bound.asElement()).getQualifiedName().contentEquals("java.lang.Object");
  }
}
