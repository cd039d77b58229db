package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.internal.GeneratedKeys.arrayOf;
import static dev.weft.engine.internal.GeneratedKeys.parameterized;
import static dev.weft.engine.internal.GeneratedKeys.subtypeOf;
import static dev.weft.engine.internal.GeneratedKeys.supertypeOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.Key;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types described by GeneratedKeys equal, hash and print like the JDK's reflective ones. */
class GeneratedKeysTest {

  @Test
  void parameterized_equalsReflectiveType() {
    assertSameAsReflection(
        parameterized(Map.class, String.class, parameterized(List.class, subtypeOf(Number.class))),
        new TypeToken<Map<String, List<? extends Number>>>() {}.getType());
  }

  @Test
  void wildcards_equalReflectiveTypes() {
    assertSameAsReflection(
        parameterized(List.class, supertypeOf(Integer.class)),
        new TypeToken<List<? super Integer>>() {}.getType());
    assertSameAsReflection(
        parameterized(List.class, subtypeOf(Object.class)), new TypeToken<List<?>>() {}.getType());
  }

  @Test
  void nestedOwner_equalsReflectiveType() {
    assertSameAsReflection(
        parameterized(Map.Entry.class, String.class, Long.class),
        new TypeToken<Map.Entry<String, Long>>() {}.getType());
  }

  @Test
  void genericArray_equalsReflectiveType() {
    assertSameAsReflection(
        arrayOf(parameterized(List.class, String.class)),
        new TypeToken<List<String>[]>() {}.getType());
  }

  @Test
  void key_equalsKeyFromTypeToken() {
    Key<List<String>> generated =
        GeneratedKeys.key("f", "names", parameterized(List.class, String.class));

    assertThat(generated).isEqualTo(Key.of("f", "names", new TypeToken<List<String>>() {}));
  }

  @Test
  void parameterized_rejectsWrongArgumentCount() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> parameterized(Map.class, String.class));

    assertThat(thrown).hasMessageThat().isEqualTo("java.util.Map takes 2 type arguments, not 1");
  }

  private static void assertSameAsReflection(Type built, Type reflective) {
    assertThat(built).isEqualTo(reflective);
    assertThat(reflective).isEqualTo(built);
    assertThat(built.hashCode()).isEqualTo(reflective.hashCode());
    assertThat(built.toString()).isEqualTo(reflective.toString());
    assertThat(TypeToken.of(built)).isEqualTo(TypeToken.of(reflective));
  }
}
