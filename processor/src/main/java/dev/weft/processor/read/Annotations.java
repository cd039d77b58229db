package dev.weft.processor.read;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.Each;
import dev.weft.From;
import dev.weft.Input;
import dev.weft.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotations from their mirrors, never through {@code getAnnotation} proxies, which throw
 * on a value javac could not resolve.
 *
 * <p>javac represents such a value — {@code @Task(Other.NAME)} with {@code Other} unknown,
 * {@code @From(MISSING)} — as a value whose content is the string {@code <error>} whatever the
 * element's declared type, and whose source form is {@code <error>} unquoted, where a string
 * constant's source form is quoted. {@link #isUnresolved} tells them apart, so that a class using one waits
 * for a later round (another processor may generate the missing symbol) and, if it never
 * resolves, javac's own "cannot find symbol" stands alone.
 */
final class Annotations {
  static final String TASK = Task.class.getCanonicalName();
  static final String INPUT = Input.class.getCanonicalName();
  static final String FROM = From.class.getCanonicalName();
  static final String EACH = Each.class.getCanonicalName();
  private static final ImmutableSet<String> PARAMETER_ANNOTATIONS =
      ImmutableSet.of(INPUT, FROM, EACH);
  private static final String ERROR = "<error>";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(a -> qualifiedName(a).equals(qualifiedName))
        .map(AnnotationMirror.class::cast)
        .findFirst();
  }

  /** Whether {@code element} carries {@code @Task}. */
  static boolean isTask(Element element) {
    return find(element, TASK).isPresent();
  }

  /** The {@code @Input}, {@code @From} and {@code @Each} annotations of a parameter, in order. */
  static ImmutableList<AnnotationMirror> parameterAnnotations(Element parameter) {
    return parameter.getAnnotationMirrors().stream()
        .filter(a -> PARAMETER_ANNOTATIONS.contains(qualifiedName(a)))
        .collect(ImmutableList.toImmutableList());
  }

  static String qualifiedName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The value of {@code name}, written or defaulted. Call only on a resolved annotation. */
  AnnotationValue value(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(annotation).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("@" + qualifiedName(annotation) + " has no value " + name);
  }

  String string(AnnotationMirror annotation, String name) {
    return (String) value(annotation, name).getValue();
  }

  boolean bool(AnnotationMirror annotation, String name) {
    return (Boolean) value(annotation, name).getValue();
  }

  int integer(AnnotationMirror annotation, String name) {
    return (Integer) value(annotation, name).getValue();
  }

  /** The elements of an array value, each with its own position for diagnostics. */
  ImmutableList<AnnotationValue> array(AnnotationMirror annotation, String name) {
    return ((List<?>) value(annotation, name).getValue())
        .stream().map(AnnotationValue.class::cast).collect(ImmutableList.toImmutableList());
  }

  /**
   * Whether a value of {@code annotation}, written or defaulted, is missing or could not be
   * resolved by javac, which has then reported it (or will, if it never resolves).
   */
  boolean isUnresolved(AnnotationMirror annotation) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(annotation);
    for (ExecutableElement element :
        ElementFilter.methodsIn(annotation.getAnnotationType().asElement().getEnclosedElements())) {
      AnnotationValue value = values.get(element);
      if (value == null || !isResolved(value, element.getReturnType())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code element} or one of its enclosing elements carries
   * {@code @SuppressWarnings(id)}. Values javac could not resolve are skipped.
   */
  static boolean isSuppressed(Element element, String id) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      Optional<AnnotationMirror> suppress = find(e, SuppressWarnings.class.getCanonicalName());
      if (suppress.isPresent() && suppresses(suppress.get(), id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppresses(AnnotationMirror suppress, String id) {
    for (AnnotationValue value : suppress.getElementValues().values()) {
      if (value.getValue() instanceof List<?> ids) {
        for (Object each : ids) {
          if (id.equals(((AnnotationValue) each).getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isResolved(AnnotationValue value, TypeMirror type) {
    Object content = value.getValue();
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return content instanceof List<?> list
          && list.stream().allMatch(v -> isResolved((AnnotationValue) v, component));
    }
    return switch (type.getKind()) {
      case BOOLEAN -> content instanceof Boolean;
      case INT -> content instanceof Integer;
      default ->
          !(content instanceof String s && s.equals(ERROR) && value.toString().equals(ERROR));
    };
  }
}
