package dev.weft.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Writes a type as a {@code java.lang.reflect.Type} expression built with the engine's
 * {@code GeneratedKeys}: {@code Path.class}, {@code GeneratedKeys.parameterized(List.class,
 * Path.class)}. Types it cannot write that way — those nested in a parameterized type — are left
 * to an anonymous {@code TypeToken} subclass, which captures any type.
 */
final class TypeExpressions {
  static final ClassName GENERATED_KEYS =
      ClassName.get("dev.weft.engine.internal", "GeneratedKeys");

  private final Types types;

  TypeExpressions(Types types) {
    this.types = types;
  }

  Optional<CodeBlock> of(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        if (declared.getEnclosingType().getKind() == TypeKind.DECLARED
            && !((DeclaredType) declared.getEnclosingType()).getTypeArguments().isEmpty()) {
          return Optional.empty(); // Outer<T>.Inner: the owner would need to be parameterized
        }
        CodeBlock raw = CodeBlock.of("$T.class", TypeName.get(types.erasure(type)));
        if (declared.getTypeArguments().isEmpty()) {
          return Optional.of(raw);
        }
        CodeBlock.Builder call = CodeBlock.builder().add("$T.parameterized($L", GENERATED_KEYS, raw);
        for (TypeMirror argument : declared.getTypeArguments()) {
          Optional<CodeBlock> written = of(argument);
          if (written.isEmpty()) {
            return Optional.empty();
          }
          call.add(", $L", written.get());
        }
        return Optional.of(call.add(")").build());
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getSuperBound() != null) {
          return of(wildcard.getSuperBound())
              .map(bound -> CodeBlock.of("$T.supertypeOf($L)", GENERATED_KEYS, bound));
        }
        Optional<CodeBlock> bound =
            wildcard.getExtendsBound() == null
                ? Optional.of(CodeBlock.of("$T.class", Object.class))
                : of(wildcard.getExtendsBound());
        return bound.map(b -> CodeBlock.of("$T.subtypeOf($L)", GENERATED_KEYS, b));
      }
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        boolean plain =
            component.getKind().isPrimitive()
                || (component.getKind() == TypeKind.DECLARED
                    && ((DeclaredType) component).getTypeArguments().isEmpty());
        if (plain || component.getKind() == TypeKind.ARRAY && of(component).isPresent()
            && types.isSameType(component, types.erasure(component))) {
          return Optional.of(CodeBlock.of("$T.class", TypeName.get(type)));
        }
        return of(component).map(c -> CodeBlock.of("$T.arrayOf($L)", GENERATED_KEYS, c));
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
