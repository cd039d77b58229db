package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class InputsTest {

  private static final String FLOW = "com.example.words.WordStats";
  private static final Key<Path> CORPUS = Key.of(FLOW, "corpus", TypeToken.of(Path.class));
  private static final Key<Integer> TOP = Key.of(FLOW, "top", TypeToken.of(Integer.class));

  @Test
  void ofAndAnd_holdValuesByName_inOrderAdded() {
    Inputs in = Inputs.of(CORPUS, Path.of("docs")).and(TOP, 10).and("verbose", true);

    assertThat(in.names()).containsExactly("corpus", "top", "verbose").inOrder();
    assertThat(in.value("top")).hasValue(10);
    assertThat(in.value("corpus")).hasValue(Path.of("docs"));
    assertThat(in.contains("verbose")).isTrue();
    assertThat(in.contains("missing")).isFalse();
    assertThat(in.value("missing")).isEmpty();
  }

  @Test
  void empty_hasNoValues() {
    assertThat(Inputs.empty().names()).isEmpty();
    assertThat(Inputs.empty().contains("top")).isFalse();
  }

  @Test
  void and_leavesOriginalUnchanged() {
    Inputs first = Inputs.of(CORPUS, Path.of("docs"));
    Inputs second = first.and(TOP, 10);

    assertThat(first.names()).containsExactly("corpus");
    assertThat(second.names()).containsExactly("corpus", "top");
  }

  @Test
  void and_rejectsSecondValue_namingEarlierValue() {
    Inputs in = Inputs.of(TOP, 10);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.and(TOP, 20));

    assertThat(e).hasMessageThat()
        .isEqualTo("input 'top' was already set to 10; each input takes one value per run");
  }

  @Test
  void andByName_rejectsNameAlreadySetByKey() {
    Inputs in = Inputs.of(TOP, 10);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.and("top", 20));

    assertThat(e).hasMessageThat()
        .isEqualTo("input 'top' was already set to 10; each input takes one value per run");
  }

  @Test
  void and_abbreviatesLongEarlierValue_inMessage() {
    Inputs in = Inputs.empty().and("words", String.join(",", Collections.nCopies(100, "word")));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.and("words", ""));

    assertThat(e).hasMessageThat().isEqualTo("input 'words' was already set to "
        + "word,word,word,word,word,word,word,word,word,word,word,word,…"
        + "; each input takes one value per run");
  }

  @Test
  void of_rejectsNullValue_namingInput() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> Inputs.of(TOP, null));

    assertThat(e).hasMessageThat().isEqualTo("input 'top' is null; inputs cannot be null"
        + " (declare the input as an Optional and pass Optional.empty() for no value)");
  }

  @Test
  void andByName_rejectsEmptyName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Inputs.empty().and("", 1));

    assertThat(e).hasMessageThat().isEqualTo("name of an input must not be empty");
  }

  @Test
  void equals_comparesNamesAndValues_notOrder() {
    Inputs a = Inputs.of(TOP, 10).and(CORPUS, Path.of("docs"));
    Inputs b = Inputs.of(CORPUS, Path.of("docs")).and("top", 10);

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a).isNotEqualTo(Inputs.of(TOP, 11).and(CORPUS, Path.of("docs")));
  }

  @Test
  void toString_listsNamesAndValues() {
    assertThat(Inputs.of(CORPUS, Path.of("docs")).and(TOP, 10).toString())
        .isEqualTo("Inputs{corpus=docs, top=10}");
  }
}
