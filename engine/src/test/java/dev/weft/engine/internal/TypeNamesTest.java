package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

  @Test
  void simple_stripsPackages_keepsNestedClassesReadable() {
    Type type = new TypeToken<List<Map.Entry<String, Path>>>() {}.getType();

    assertThat(TypeNames.simple(type)).isEqualTo("List<Map.Entry<String, Path>>");
  }

  @Test
  void full_usesCanonicalNames() {
    Type type = new TypeToken<List<Map.Entry<String, Path>>>() {}.getType();

    assertThat(TypeNames.full(type))
        .isEqualTo("java.util.List<java.util.Map.Entry<java.lang.String, java.nio.file.Path>>");
  }

  @Test
  void simple_writesArraysAndWildcards() {
    assertThat(TypeNames.simple(byte[].class)).isEqualTo("byte[]");
    assertThat(TypeNames.simple(new TypeToken<List<String>[]>() {}.getType()))
        .isEqualTo("List<String>[]");
    Type wildcards = new TypeToken<Map<? extends Number, ? super Integer>>() {}.getType();
    assertThat(TypeNames.simple(wildcards))
        .isEqualTo("Map<? extends Number, ? super Integer>");
    assertThat(TypeNames.simple(new TypeToken<List<?>>() {}.getType())).isEqualTo("List<?>");
  }

  /** A generic class with inner classes, for types such as {@code Outer<String>.Inner}. */
  static class Outer<T> {
    class Inner {}

    class Pair<U> {}
  }

  @Test
  void innerClassOfAParameterizedClass_keepsTheOwnersArguments() {
    // Once printed as "TypeNamesTest.Outer.Inner<>".
    Type inner = new TypeToken<Outer<String>.Inner>() {}.getType();
    Type pair = new TypeToken<Outer<String>.Pair<Long>>() {}.getType();

    assertThat(TypeNames.simple(inner)).isEqualTo("TypeNamesTest.Outer<String>.Inner");
    assertThat(TypeNames.simple(pair)).isEqualTo("TypeNamesTest.Outer<String>.Pair<Long>");
    assertThat(TypeNames.full(inner))
        .isEqualTo("dev.weft.engine.internal.TypeNamesTest.Outer<java.lang.String>.Inner");
  }
}
