package dev.weft.processor.read;

import dev.weft.processor.base.Diagnostic;
import dev.weft.processor.base.ErrorReporter;
import dev.weft.processor.base.Location;
import dev.weft.processor.base.Names;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks that the generated flow, which lives in the same package as the class, can reach the
 * class's task methods: the class must be a top-level or static nested class or record, neither
 * it nor any class enclosing it private, and without type parameters (a key needs one concrete
 * type).
 *
 * <p>Classes declared inside a method body are invisible to annotation processors; {@link
 * LocalTaskScanner} finds those.
 */
final class ClassValidator {
  private static final String FIX =
      "generated flows call @Task methods from the class's package, so the class must be a"
          + " top-level or static nested class that is not private";

  private final ErrorReporter reporter;

  ClassValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** Returns whether the class can hold tasks; reports why not otherwise. */
  boolean validate(TypeElement type) {
    Location here = Location.of(type);
    String name = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      reporter.error(
          Diagnostic.TASK_CLASS,
          here,
          "%s is %s; @Task methods must be declared in a class or record. Move them to a class.",
          name,
          article(type.getKind()));
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(
          Diagnostic.TASK_CLASS,
          here,
          "class %s declares type parameters %s; each task's key needs one concrete type. Remove"
              + " the type parameters, or declare the tasks in a subclass that fixes them.",
          name,
          Names.typeParameters(type.getTypeParameters()));
      return false;
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            Diagnostic.TASK_CLASS,
            here,
            "class %s is private%s; %s. Make it package-private or public.",
            t.getSimpleName(),
            t == type ? "" : " and encloses " + name,
            FIX);
        return false;
      }
    }
    // Only the class itself must be static: a static class nested in an inner class (legal since
    // Java 16) is reachable without an instance of the inner class.
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      reporter.error(
          Diagnostic.TASK_CLASS,
          here,
          "class %s is a non-static inner class; %s. Make it static.",
          name,
          FIX);
      return false;
    }
    return true;
  }

  private static String article(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
