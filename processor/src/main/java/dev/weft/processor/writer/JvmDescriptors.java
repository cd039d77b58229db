package dev.weft.processor.writer;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * JVM method descriptors ({@code (Ljava/nio/file/Path;)Ljava/util/List;}), which let the engine
 * find a task's bytecode for its code fingerprint without reflection.
 */
final class JvmDescriptors {
  private final Types types;
  private final Elements elements;

  JvmDescriptors(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  String of(ExecutableElement method) {
    StringBuilder out = new StringBuilder("(");
    for (VariableElement parameter : method.getParameters()) {
      append(out, parameter.asType());
    }
    out.append(')');
    append(out, method.getReturnType());
    return out.toString();
  }

  private void append(StringBuilder out, TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case BOOLEAN -> out.append('Z');
      case BYTE -> out.append('B');
      case CHAR -> out.append('C');
      case SHORT -> out.append('S');
      case INT -> out.append('I');
      case LONG -> out.append('J');
      case FLOAT -> out.append('F');
      case DOUBLE -> out.append('D');
      case VOID -> out.append('V');
      case ARRAY -> {
        out.append('[');
        append(out, ((ArrayType) erased).getComponentType());
      }
      case DECLARED -> {
        TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
        out.append('L')
            .append(elements.getBinaryName(element).toString().replace('.', '/'))
            .append(';');
      }
      default -> throw new IllegalArgumentException("no JVM descriptor for " + type);
    }
  }
}
