package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTest {

  private static final String FLOW = "com.example.words.WordStats";

  @Test
  void of_sameFlowNameAndType_areEqual() {
    Key<List<Path>> a = Key.of(FLOW, "files", new TypeToken<List<Path>>() {});
    Key<List<Path>> b = Key.of(FLOW, "files", new TypeToken<List<Path>>() {});

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a.flow()).isEqualTo(FLOW);
    assertThat(a.name()).isEqualTo("files");
    assertThat(a.type()).isEqualTo(new TypeToken<List<Path>>() {});
  }

  @Test
  void equals_differsByFlowNameOrType() {
    Key<Path> key = Key.of(FLOW, "corpus", TypeToken.of(Path.class));

    assertThat(key).isNotEqualTo(Key.of("other.Flow", "corpus", TypeToken.of(Path.class)));
    assertThat(key).isNotEqualTo(Key.of(FLOW, "root", TypeToken.of(Path.class)));
    assertThat(key).isNotEqualTo(Key.of(FLOW, "corpus", TypeToken.of(String.class)));
  }

  @Test
  void equals_distinguishesTypeArguments() {
    assertThat(Key.of(FLOW, "files", new TypeToken<List<Path>>() {}))
        .isNotEqualTo(Key.of(FLOW, "files", new TypeToken<List<String>>() {}));
  }

  @Test
  void toString_namesKeyTypeAndFlow() {
    assertThat(Key.of(FLOW, "corpus", TypeToken.of(Path.class)).toString())
        .isEqualTo("corpus: java.nio.file.Path (flow com.example.words.WordStats)");
  }

  @Test
  void of_rejectsEmptyName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Key.of(FLOW, "", TypeToken.of(Path.class)));

    assertThat(e).hasMessageThat()
        .isEqualTo("name of a key of flow 'com.example.words.WordStats' must not be empty");
  }

  @Test
  void of_rejectsEmptyFlow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Key.of("", "corpus", TypeToken.of(Path.class)));

    assertThat(e).hasMessageThat().isEqualTo("flow name of key 'corpus' must not be empty");
  }

  @Test
  void of_rejectsNullType_namingKey() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Key.of(FLOW, "corpus", null));

    assertThat(e).hasMessageThat()
        .isEqualTo("type of key 'corpus' of flow 'com.example.words.WordStats' must not be null");
  }

  @Test
  void of_rejectsPrimitiveType_suggestingWrapper() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Key.of(FLOW, "top", TypeToken.of(int.class)));

    assertThat(e).hasMessageThat().isEqualTo("key 'top' of flow 'com.example.words.WordStats'"
        + " has primitive type int; use its wrapper type java.lang.Integer instead");
  }
}
