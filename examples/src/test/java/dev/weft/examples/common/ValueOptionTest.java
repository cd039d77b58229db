package dev.weft.examples.common;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValueOptionTest {
  private final ValueOption<String> name =
      new ValueOption<>("--name", "a name", "nobody", word -> word.toUpperCase(Locale.ROOT));

  @Test
  void notGiven_isTheDefault() {
    assertThat(name.value()).isEqualTo("nobody");
    assertThat(name.given()).isFalse();
  }

  @Test
  void read_takesTheNextArgumentOrTheEqualsForm_andSaysHowMany() throws UsageException {
    String[] args = {"--names", "--name", "ann", "--name=bo", "--name-x=1"};

    assertThat(name.read(args, 0)).isEqualTo(0);
    assertThat(name.read(args, 1)).isEqualTo(2);
    assertThat(name.value()).isEqualTo("ANN");
    assertThat(name.read(args, 3)).isEqualTo(1);
    assertThat(name.value()).isEqualTo("BO");
    assertThat(name.read(args, 4)).isEqualTo(0);
    assertThat(name.given()).isTrue();
  }

  @Test
  void missingOrBlankValue_isAUsageError() {
    for (String[] args : List.of(new String[] {"--name"}, new String[] {"--name="},
        new String[] {"--name", " "})) {
      UsageException e = assertThrows(UsageException.class, () -> name.read(args, 0));
      assertThat(e).hasMessageThat().isEqualTo("--name needs a name");
    }
  }

  @Test
  void workers_isAWholeNumberFrom1To256() throws UsageException {
    ValueOption<Integer> workers = ValueOption.workers(4);
    assertThat(workers.value()).isEqualTo(4);

    assertThat(workers.read(new String[] {"--workers", "256"}, 0)).isEqualTo(2);
    assertThat(workers.value()).isEqualTo(ValueOption.MAX_WORKERS);
    for (String word : List.of("0", "257", "40000", "two")) {
      UsageException e = assertThrows(UsageException.class,
          () -> workers.read(new String[] {"--workers=" + word}, 0));
      assertThat(e).hasMessageThat()
          .isEqualTo("--workers must be a whole number from 1 to 256, not '" + word + "'");
    }
    UsageException missing = assertThrows(UsageException.class,
        () -> workers.read(new String[] {"--workers"}, 0));
    assertThat(missing).hasMessageThat().isEqualTo("--workers needs a number");
  }
}
