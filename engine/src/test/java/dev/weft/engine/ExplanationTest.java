package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final HashCode CODE = hash("code");
  private static final Explanation BEFORE = new Explanation(CODE, List.of(
      new Explanation.Part("files", false, hash("files-1")),
      new Explanation.Part("top", true, hash("10"))));

  @Test
  void reason_isNew_withoutAnEarlierExecution() {
    assertThat(BEFORE.reasonAfter(null)).isEqualTo("new");
  }

  @Test
  void reason_namesTheCodeFirst() {
    Explanation now = new Explanation(hash("other code"), List.of(
        new Explanation.Part("files", false, hash("files-2")),
        new Explanation.Part("top", true, hash("20"))));

    assertThat(now.reasonAfter(BEFORE)).isEqualTo("code changed");
  }

  @Test
  void reason_namesAChangedInputBeforeAChangedUpstream() {
    Explanation now = new Explanation(CODE, List.of(
        new Explanation.Part("files", false, hash("files-2")),
        new Explanation.Part("top", true, hash("20"))));

    assertThat(now.reasonAfter(BEFORE)).isEqualTo("input 'top' changed");
  }

  @Test
  void reason_namesAChangedUpstream() {
    Explanation now = new Explanation(CODE, List.of(
        new Explanation.Part("files", false, hash("files-2")),
        new Explanation.Part("top", true, hash("10"))));

    assertThat(now.reasonAfter(BEFORE)).isEqualTo("upstream 'files' changed");
  }

  @Test
  void reason_isDependenciesChanged_whenTheSameCodeReadsOtherDependencies() {
    // A task with a declared version whose parameters changed, or an input now key = false.
    Explanation now = new Explanation(CODE, List.of(
        new Explanation.Part("files", false, hash("files-1"))));

    assertThat(now.reasonAfter(BEFORE)).isEqualTo("dependencies changed");
  }

  @Test
  void reason_saysAnInputIsNowComputedByATask_whenItsFlowWasComposed() {
    Explanation now = new Explanation(CODE, List.of(
        new Explanation.Part("files", false, hash("files-1")),
        new Explanation.Part("top", false, hash("10"))));

    assertThat(now.reasonAfter(BEFORE)).isEqualTo("input 'top' is now computed by a task");
    assertThat(BEFORE.reasonAfter(now)).isEqualTo("'top' is now an input, no longer a task");
  }

  @Test
  void reason_isNotInCache_whenNothingChanged() {
    assertThat(BEFORE.reasonAfter(BEFORE)).isEqualTo("not in cache");
  }

  @Test
  void bytes_roundTrip() {
    assertThat(Explanation.fromBytes(BEFORE.toBytes())).isEqualTo(BEFORE);
  }

  @Test
  void fromBytes_isNull_forAnythingElse() {
    byte[] bytes = BEFORE.toBytes();

    assertThat(Explanation.fromBytes(new byte[0])).isNull();
    assertThat(Explanation.fromBytes(Arrays.copyOf(bytes, bytes.length - 1))).isNull();
    assertThat(Explanation.fromBytes(Arrays.copyOf(bytes, bytes.length + 1))).isNull();
    bytes[3] = 9; // another format
    assertThat(Explanation.fromBytes(bytes)).isNull();
  }

  private static HashCode hash(String text) {
    return Hashing.murmur3_128().hashString(text, StandardCharsets.UTF_8);
  }
}
