package dev.weft.processor.base;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Where a diagnostic points: an element, optionally one of its annotations, optionally one value
 * of that annotation — so that an IDE underlines exactly what is at fault.
 */
public record Location(
    Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value) {

  /** Points at an element (a class, method or parameter). */
  public static Location of(Element element) {
    return new Location(element, Optional.empty(), Optional.empty());
  }

  /** Points at an annotation of an element. */
  public static Location of(Element element, AnnotationMirror annotation) {
    return new Location(element, Optional.of(annotation), Optional.empty());
  }

  /**
   * Points at one value of an annotation of an element, or at the annotation when the value is
   * not written explicitly (a default has no position of its own).
   */
  public static Location of(Element element, AnnotationMirror annotation, String valueName) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(valueName)) {
        return new Location(element, Optional.of(annotation), Optional.of(entry.getValue()));
      }
    }
    return of(element, annotation);
  }

  /** Points at one value of an annotation of an element, such as one element of an array. */
  public static Location of(Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new Location(element, Optional.of(annotation), Optional.of(value));
  }
}
