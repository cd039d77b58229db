package dev.weft.engine.internal;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.internal.WordStatsFixture.CORPUS;
import static dev.weft.engine.internal.WordStatsFixture.COUNTS;
import static dev.weft.engine.internal.WordStatsFixture.FILES;
import static dev.weft.engine.internal.WordStatsFixture.TOP;
import static dev.weft.engine.internal.WordStatsFixture.TOTAL;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskSpecTest {

  private static final TaskBody BODY = args -> "value";

  @Test
  void build_withoutSettings_usesDefaults() {
    TaskSpec<?> spec = TaskSpec.builder(FILES, BODY).build();

    assertThat(spec.key()).isEqualTo(FILES);
    assertThat(spec.name()).isEqualTo("files");
    assertThat(spec.body()).isSameInstanceAs(BODY);
    assertThat(spec.methodName()).isEmpty();
    assertThat(spec.methodDescriptor()).isEmpty();
    assertThat(spec.dependencies()).isEmpty();
    assertThat(spec.each()).isEmpty();
    assertThat(spec.cache()).isTrue();
    assertThat(spec.version()).isEmpty();
    assertThat(spec.retries()).isEqualTo(0);
    assertThat(spec.timeout()).isEmpty();
    assertThat(spec.limits()).isEmpty();
    assertThat(spec.async()).isFalse();
  }

  @Test
  void build_keepsEverySetting() {
    TaskSpec<?> spec = TaskSpec.builder(COUNTS, BODY)
        .method("counts", "(Ljava/nio/file/Path;I)Ljava/util/Map;")
        .dependsOn(FILES, TOP)
        .each(FILES)
        .cache(false)
        .version("2")
        .retries(3)
        .timeout(Duration.ofMillis(30000))
        .limits("db", "net")
        .async()
        .build();

    assertThat(spec.methodName()).isEqualTo("counts");
    assertThat(spec.methodDescriptor()).isEqualTo("(Ljava/nio/file/Path;I)Ljava/util/Map;");
    assertThat(spec.dependencies()).containsExactly(FILES, TOP).inOrder();
    assertThat(spec.each()).hasValue(FILES);
    assertThat(spec.cache()).isFalse();
    assertThat(spec.version()).isEqualTo("2");
    assertThat(spec.retries()).isEqualTo(3);
    assertThat(spec.timeout()).hasValue(Duration.ofSeconds(30));
    assertThat(spec.limits()).containsExactly("db", "net").inOrder();
    assertThat(spec.async()).isTrue();
  }

  @Test
  void retries_rejectsNegative_namingTask() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).retries(-1));

    assertThat(e).hasMessageThat()
        .isEqualTo("retries of task 'files' must be zero or more, but was -1");
  }

  @Test
  void retries_rejectsSecondValue_namingFirst() {
    TaskSpec.Builder<?> builder = TaskSpec.builder(FILES, BODY).retries(2);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.retries(3));

    assertThat(e).hasMessageThat().isEqualTo("retries of task 'files' were already set to 2");
  }

  @Test
  void timeout_rejectsZeroAndNegative() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).timeout(Duration.ZERO));
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).timeout(Duration.ofSeconds(-1)));

    assertThat(zero).hasMessageThat()
        .isEqualTo("timeout of task 'files' must be positive, but was PT0S");
    assertThat(negative).hasMessageThat()
        .isEqualTo("timeout of task 'files' must be positive, but was PT-1S");
  }

  @Test
  void dependsOn_rejectsDuplicateDependency() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(TOTAL, BODY).dependsOn(COUNTS, TOP, COUNTS));

    assertThat(e).hasMessageThat()
        .isEqualTo("task 'total' depends on 'counts' twice; list each dependency once");
  }

  @Test
  void dependsOn_rejectsSecondCall_namingEarlierDependencies() {
    TaskSpec.Builder<?> builder = TaskSpec.builder(TOTAL, BODY).dependsOn(COUNTS, TOP);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> builder.dependsOn(TOP));

    assertThat(e).hasMessageThat()
        .isEqualTo("dependencies of task 'total' were already set to [counts, top]");
  }

  @Test
  void build_rejectsEachNotAmongDependencies() {
    TaskSpec.Builder<?> builder = TaskSpec.builder(COUNTS, BODY).dependsOn(CORPUS).each(FILES);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'counts' fans out over 'files', which is not"
        + " among its dependencies [corpus]; list the fan-out source in dependsOn(...) too");
  }

  @Test
  void build_rejectsEachTaskWhoseKeyIsNotAList() {
    TaskSpec.Builder<?> builder = TaskSpec.builder(TOTAL, BODY).dependsOn(FILES).each(FILES);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertThat(e).hasMessageThat().isEqualTo("task 'total' fans out over 'files', so its key's"
        + " type must be java.util.List of its results, but is"
        + " java.util.Map<java.lang.String, java.lang.Long>");
  }

  @Test
  void method_rejectsMalformedDescriptor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).method("files", "Ljava/util/List;"));

    assertThat(e).hasMessageThat().isEqualTo("method descriptor of task 'files' must be a JVM"
        + " method descriptor such as (Ljava/nio/file/Path;)Ljava/util/List; but was"
        + " 'Ljava/util/List;'");
  }

  @Test
  void limits_rejectsDuplicateAndBlankTags() {
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).limits("db", "net", "db"));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> TaskSpec.builder(FILES, BODY).limits("db", " "));

    assertThat(duplicate).hasMessageThat()
        .isEqualTo("task 'files' lists limit 'db' twice; list each limit once");
    assertThat(blank).hasMessageThat().isEqualTo("limits of task 'files' contain a blank tag;"
        + " name each limit, as in limits(\"db\")");
  }

  @Test
  void builder_rejectsNullBody_namingTask() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> TaskSpec.builder(FILES, null));

    assertThat(e).hasMessageThat().isEqualTo("body of task 'files' must not be null");
  }
}
