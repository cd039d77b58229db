package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Weft.Builder} rejects bad and repeated settings, naming the earlier value. */
class WeftBuilderTest {

  @Test
  void parallelism_mustBePositive_andSetOnce() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Weft.builder().parallelism(0))).hasMessageThat()
        .isEqualTo("parallelism must be at least 1, not 0");
    assertThat(assertThrows(IllegalStateException.class,
        () -> Weft.builder().parallelism(2).parallelism(3))).hasMessageThat()
        .isEqualTo("parallelism was already set to 2");
  }

  @Test
  void limit_needsATagAndAPermit_andIsSetOncePerTag() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Weft.builder().limit(" ", 1))).hasMessageThat()
        .isEqualTo("a limit's tag must not be blank");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Weft.builder().limit("db", 0))).hasMessageThat()
        .isEqualTo("limit of tag 'db' must be at least 1 permit, not 0");
    assertThat(assertThrows(IllegalStateException.class,
        () -> Weft.builder().limit("db", 2).limit("api", 1).limit("db", 3))).hasMessageThat()
        .isEqualTo("limit of tag 'db' was already set to 2");
  }

  @Test
  void keepGoing_isSetOnce() {
    assertThat(assertThrows(IllegalStateException.class,
        () -> Weft.builder().keepGoing(false).keepGoing(true))).hasMessageThat()
        .isEqualTo("keepGoing was already set to false");
  }

  @Test
  void retryBaseDelay_mustNotBeNegative_andIsSetOnce() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Weft.builder().retryBaseDelay(Duration.ofMillis(-1)))).hasMessageThat()
        .isEqualTo("retryBaseDelay must not be negative, not PT-0.001S");
    assertThat(assertThrows(IllegalStateException.class,
        () -> Weft.builder().retryBaseDelay(Duration.ZERO).retryBaseDelay(Duration.ZERO)))
        .hasMessageThat().isEqualTo("retryBaseDelay was already set to PT0S");
  }

  @Test
  void start_ofAFlowNotMadeByTheEngine_isRejected() {
    Flow foreign = new ForeignFlow();
    try (Weft weft = Weft.builder().parallelism(1).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> weft.start(foreign, Inputs.empty()));
      assertThat(e).hasMessageThat().isEqualTo("the flow to run is a "
          + foreign.getClass().getName() + ", not a flow made by Weft; flows come from generated"
          + " …Flow.of(...) methods, Flow.builder(...) and Flow.compose(...)");
    }
  }
}
