package dev.weft.processor.writer;

import com.google.common.collect.ImmutableSet;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Writes a type as a {@code java.lang.reflect.Type} expression built with the engine's
 * {@code GeneratedKeys}: {@code Path.class}, {@code GeneratedKeys.parameterized(List.class,
 * Path.class)}. Types it cannot write that way — those nested in a parameterized type, such as
 * {@code Outer<String>.Inner} — are left to an anonymous {@code TypeToken} subclass, which
 * captures any type.
 */
final class TypeExpressions {
  static final ClassName GENERATED_KEYS =
      ClassName.get("dev.weft.engine.internal", "GeneratedKeys");

  /**
   * A type written as an expression.
   *
   * @param code the expression
   * @param helpers the {@code GeneratedKeys} methods it calls, which the flow imports statically
   */
  record Expression(CodeBlock code, ImmutableSet<String> helpers) {}

  private final Types types;

  TypeExpressions(Types types) {
    this.types = types;
  }

  /** {@code type} as an expression, or empty when it needs a {@code TypeToken} subclass. */
  Optional<Expression> of(TypeMirror type) {
    Set<String> helpers = new LinkedHashSet<>();
    return write(type, helpers).map(code -> new Expression(code, ImmutableSet.copyOf(helpers)));
  }

  private Optional<CodeBlock> write(TypeMirror type, Set<String> helpers) {
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
          Optional<CodeBlock> written = write(argument, helpers);
          if (written.isEmpty()) {
            return Optional.empty();
          }
          call.add(", $L", written.get());
        }
        helpers.add("parameterized");
        return Optional.of(call.add(")").build());
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getSuperBound() != null) {
          helpers.add("supertypeOf");
          return write(wildcard.getSuperBound(), helpers)
              .map(bound -> CodeBlock.of("$T.supertypeOf($L)", GENERATED_KEYS, bound));
        }
        Optional<CodeBlock> bound =
            wildcard.getExtendsBound() == null
                ? Optional.of(CodeBlock.of("$T.class", Object.class))
                : write(wildcard.getExtendsBound(), helpers);
        helpers.add("subtypeOf");
        return bound.map(b -> CodeBlock.of("$T.subtypeOf($L)", GENERATED_KEYS, b));
      }
      case ARRAY -> {
        // A class literal only for an array of a class, a primitive or such an array: neither
        // List<String>[].class nor Outer<String>.Inner[].class is Java.
        if (types.isSameType(type, types.erasure(type))) {
          return Optional.of(CodeBlock.of("$T.class", TypeName.get(type)));
        }
        helpers.add("arrayOf");
        return write(((ArrayType) type).getComponentType(), helpers)
            .map(c -> CodeBlock.of("$T.arrayOf($L)", GENERATED_KEYS, c));
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
