package dev.weft.processor.base;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/** Names as the processor's messages show and check them. */
public final class Names {
  private Names() {}

  /**
   * Whether {@code name} can name a task or input: a Java identifier that is not a keyword (nor
   * {@code _}), because the generated flow derives a constant from it.
   */
  public static boolean isValid(String name) {
    return SourceVersion.isName(name) && name.indexOf('.') < 0;
  }

  /** Type parameters as declared: {@code <K, V>}. */
  public static String typeParameters(List<? extends TypeParameterElement> parameters) {
    return parameters.stream()
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /**
   * How messages name a method or constructor: {@code files(...)}, or {@code the constructor of
   * Client}. Every message names methods through here (or {@link #method}), so they all agree.
   */
  public static String display(Element executable) {
    return executable.getKind() == ElementKind.CONSTRUCTOR
        ? "the constructor of " + executable.getEnclosingElement().getSimpleName()
        : method(executable.getSimpleName());
  }

  /** How messages name a method known only by its name, as in a syntax tree: {@code files(...)}. */
  public static String method(CharSequence name) {
    return name + "(...)";
  }

  /** A class's name as code in its package writes it: {@code Entry} → {@code Map.Entry}. */
  public static String nested(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element e = type.getEnclosingElement();
    for (; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + ".");
    }
    return name.toString();
  }

  /** An identifier close to {@code name}, to suggest in a message. */
  public static String suggestIdentifier(String name) {
    String cleaned = name.strip().replaceAll("[^A-Za-z0-9_]+", "_");
    if (cleaned.isEmpty() || !Character.isJavaIdentifierStart(cleaned.charAt(0))) {
      cleaned = "task_" + cleaned;
    }
    return cleaned;
  }
}
