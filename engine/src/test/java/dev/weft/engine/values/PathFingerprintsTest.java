package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathFingerprintsTest {

  private static final ValueFingerprints BY_METADATA = ValueFingerprints.create();
  private static final ValueFingerprints BY_CONTENT = ValueFingerprints.withContentHashing(true);
  private static final FileTime TIME = FileTime.from(1_700_000_000L, TimeUnit.SECONDS);
  private static final FileTime LATER = FileTime.from(1_700_000_001L, TimeUnit.SECONDS);

  @TempDir Path dir;

  @Test
  void file_rewrittenWithNewTime_changes() throws IOException {
    Path file = write(dir.resolve("a.txt"), "hello", TIME);
    HashCode before = metadata(file);

    write(file, "HELLO", LATER);

    assertThat(metadata(file)).isNotEqualTo(before);
  }

  @Test
  void file_rewrittenWithNewSize_changesEvenAtTheSameTime() throws IOException {
    Path file = write(dir.resolve("a.txt"), "hello", TIME);
    HashCode before = metadata(file);

    write(file, "hello!", TIME);

    assertThat(metadata(file)).isNotEqualTo(before);
  }

  @Test
  void file_touchedWithTheSameTime_isUnchanged() throws IOException {
    Path file = write(dir.resolve("a.txt"), "hello", TIME);
    HashCode before = metadata(file);

    Files.setLastModifiedTime(file, TIME);

    assertThat(metadata(file)).isEqualTo(before);
  }

  @Test
  void byContent_seesASameSizeSameTimeEdit_thatMetadataMisses() throws IOException {
    Path file = write(dir.resolve("a.txt"), "hello", TIME);
    HashCode metadataBefore = metadata(file);
    HashCode contentBefore = content(file);

    write(file, "HELLO", TIME);

    assertThat(metadata(file)).isEqualTo(metadataBefore);
    assertThat(content(file)).isNotEqualTo(contentBefore);
  }

  @Test
  void byContent_ignoresATouch() throws IOException {
    Path file = write(dir.resolve("a.txt"), "hello", TIME);
    HashCode before = content(file);

    Files.setLastModifiedTime(file, LATER);

    assertThat(content(file)).isEqualTo(before);
    assertThat(content(file)).isNotEqualTo(metadata(file));
  }

  @Test
  void missingPath_isFingerprintedByPathAlone_andChangesWhenCreated() throws IOException {
    Path missing = dir.resolve("missing.txt");
    HashCode before = metadata(missing);

    assertThat(metadata(missing)).isEqualTo(before);
    assertThat(metadata(dir.resolve("other.txt"))).isNotEqualTo(before);

    write(missing, "", TIME);

    assertThat(metadata(missing)).isNotEqualTo(before);
  }

  @Test
  void path_isAbsoluteAndNormalized() {
    Path relative = Path.of("no-such-dir", "..", "no-such-file.txt");

    assertThat(metadata(relative))
        .isEqualTo(metadata(Path.of("no-such-file.txt").toAbsolutePath()));
  }

  @Test
  void directory_changesWhenAFileIsAddedResizedOrTouched() throws IOException {
    write(dir.resolve("sub/a.txt"), "a", TIME);
    HashCode initial = metadata(dir);

    write(dir.resolve("sub/b.txt"), "b", TIME);
    HashCode added = metadata(dir);
    write(dir.resolve("sub/b.txt"), "bb", TIME);
    HashCode resized = metadata(dir);
    Files.setLastModifiedTime(dir.resolve("sub/b.txt"), LATER);
    HashCode touched = metadata(dir);

    assertThat(java.util.Set.of(initial, added, resized, touched)).hasSize(4);
  }

  @Test
  void directory_sameTreeBuiltInAnotherOrder_isEqual() throws IOException {
    write(dir.resolve("x/a.txt"), "a", TIME);
    write(dir.resolve("x/b.txt"), "b", TIME);
    write(dir.resolve("y.txt"), "y", TIME);
    HashCode metadata = metadata(dir);
    HashCode content = content(dir);
    deleteChildren(dir);

    write(dir.resolve("y.txt"), "y", TIME);
    write(dir.resolve("x/b.txt"), "b", TIME);
    write(dir.resolve("x/a.txt"), "a", TIME);

    assertThat(metadata(dir)).isEqualTo(metadata);
    assertThat(content(dir)).isEqualTo(content);
  }

  @Test
  void directoryByContent_seesASameSizeSameTimeEditDeepInside() throws IOException {
    write(dir.resolve("x/y/z.txt"), "hello", TIME);
    HashCode metadata = metadata(dir);
    HashCode content = content(dir);

    write(dir.resolve("x/y/z.txt"), "jello", TIME);

    assertThat(metadata(dir)).isEqualTo(metadata);
    assertThat(content(dir)).isNotEqualTo(content);
  }

  @Test
  void directory_withALinkToAnAncestor_isFingerprintedOnce() throws IOException {
    write(dir.resolve("sub/a.txt"), "a", TIME);
    Files.createSymbolicLink(dir.resolve("sub/loop"), dir);

    HashCode first = metadata(dir);

    assertThat(metadata(dir)).isEqualTo(first);
    assertThat(content(dir)).isNotEqualTo(first);
  }

  private static HashCode metadata(Object path) {
    return BY_METADATA.of(path).orElseThrow();
  }

  private static HashCode content(Object path) {
    return BY_CONTENT.of(path).orElseThrow();
  }

  private static Path write(Path file, String text, FileTime time) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
    Files.setLastModifiedTime(file, time);
    return file;
  }

  private static void deleteChildren(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(p -> p.toFile().delete());
    }
    assertThat(dir.toFile().list()).isEmpty();
  }
}
