package dev.weft.engine.store;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.store.DiskStoreRoundTripTest.list;
import static dev.weft.engine.store.TestValues.digest;
import static dev.weft.engine.store.TestValues.entryFile;
import static dev.weft.engine.store.TestValues.key;
import static dev.weft.engine.store.TestValues.value;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.common.hash.HashCode;
import dev.weft.engine.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of damage to every kind of entry file is a miss: the file is moved to quarantine,
 * counted, and logged once with its name and what was wrong; a fresh put then works.
 */
class DiskStoreDamageTest {
  @TempDir Path dir;

  /** One way to damage an entry file, and the words the warning must use for it. */
  record Damage(String name, FileDamage apply, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface FileDamage {
    void apply(Path file, Path sibling) throws IOException;
  }

  static Stream<Arguments> damages() {
    List<Damage> damages = List.of(
        new Damage("truncated by one byte", (f, s) -> truncate(f, Files.size(f) - 1),
            "records a payload of"),
        new Damage("truncated into the header", (f, s) -> truncate(f, 10),
            "is truncated: 10 bytes, shorter than its 48-byte header"),
        new Damage("emptied", (f, s) -> truncate(f, 0), "is empty (0 bytes)"),
        new Damage("bit flipped in magic", (f, s) -> flip(f, 2), "has a bad magic number"),
        new Damage("bit flipped in version", (f, s) -> flip(f, 5), "has format version"),
        new Damage("bit flipped in kind", (f, s) -> flip(f, 6), "has kind byte"),
        new Damage("bit flipped in reserved byte", (f, s) -> flip(f, 7), "has reserved byte"),
        new Damage("bit flipped in length", (f, s) -> flip(f, 15), "records a payload of"),
        new Damage("bit flipped in name", (f, s) -> flip(f, 20), "in its header but is filed as"),
        new Damage("bit flipped in checksum", (f, s) -> flip(f, 40), "fails its checksum"),
        new Damage("bit flipped in payload", (f, s) -> flip(f, 48 + 7), "fails its checksum"),
        new Damage("bit flipped in last byte", (f, s) -> flip(f, Files.size(f) - 1),
            "fails its checksum"),
        new Damage("replaced by another valid entry", (f, s) -> Files.copy(s, f,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING), "in its header but is filed as"),
        new Damage("replaced by a directory", (f, s) -> {
          Files.delete(f);
          Files.createDirectory(f);
          Files.write(f.resolve("inside"), new byte[10]);
        }, "is a directory, not a file"),
        new Damage("unreadable", DiskStoreDamageTest::makeUnreadable,
            "is unreadable: permission denied"));
    return Stream.of(Kind.values())
        .flatMap(kind -> damages.stream().map(damage -> Arguments.of(kind, damage)));
  }

  @ParameterizedTest(name = "{0} entry {1}")
  @MethodSource("damages")
  void damagedEntry_isAMiss_quarantinedAndLoggedOnce_thenStoredAfresh(Kind kind, Damage damage)
      throws IOException {
    byte[] value = value(1, 1000);
    try (DiskStore store = DiskStore.open(dir)) {
      HashCode digest = store.putContent(value).digest();
      store.putAction(key("k"), digest);
      store.putContent(value(2, 1000));
      store.putAction(key("sibling"), digest(value(2, 1000)));
      Path file = kind == Kind.ACTION ? entryFile(dir, "ac", key("k")) : entryFile(dir, "cas", digest);
      Path sibling = kind == Kind.ACTION
          ? entryFile(dir, "ac", key("sibling")) : entryFile(dir, "cas", digest(value(2, 1000)));
      damage.apply().apply(file, sibling);

      List<String> warnings;
      try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
        assertThat(read(store, kind, digest)).isEmpty();
        assertThat(read(store, kind, digest)).isEmpty();
        warnings = log.warnings();
      }

      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains("Disk cache entry " + file + " ");
      assertThat(warnings.get(0)).contains(damage.reason());
      assertThat(warnings.get(0)).contains("moved it to " + dir.resolve("v1/quarantine"));
      assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).isFalse();
      assertThat(list(dir.resolve("v1/quarantine"))).hasSize(1);
      Stats stats = store.stats();
      assertThat(stats.quarantined()).isEqualTo(1);
      assertThat(kind == Kind.ACTION ? stats.actionMisses() : stats.contentMisses()).isEqualTo(2);

      assertThat(store.putContent(value).stored()).isTrue();
      assertThat(store.putAction(key("k"), digest)).isTrue();
      assertThat(store.action(key("k"))).hasValue(digest);
      assertThat(store.content(digest).orElseThrow()).isEqualTo(value);
    }
  }

  @Test
  void contentDamagedAfterItsAction_missesOnRead_andTheKeyMissesAfterwards() throws IOException {
    byte[] value = value(3, 1000);
    try (DiskStore store = DiskStore.open(dir)) {
      HashCode digest = store.putContent(value).digest();
      store.putAction(key("k"), digest);
      flip(entryFile(dir, "cas", digest), 500);

      assertThat(store.content(digest)).isEmpty();
      assertThat(store.action(key("k"))).isEmpty(); // its content is in quarantine now
      assertThat(store.stats().quarantined()).isEqualTo(1);
    }
  }

  @Test
  void putContent_overADirectoryInTheWay_quarantinesItAndStores() throws IOException {
    byte[] value = value(4, 1000);
    Path file = entryFile(dir, "cas", digest(value));
    try (DiskStore store = DiskStore.open(dir)) {
      Files.createDirectories(file.resolve("inside"));
      try (LogCapture log = LogCapture.of("dev.weft.engine.store.")) {
        assertThat(store.putContent(value).stored()).isTrue();
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0))
            .contains("Disk cache entry " + file + " is a directory, not a file");
      }
      assertThat(store.content(digest(value)).orElseThrow()).isEqualTo(value);
      assertThat(store.stats().quarantined()).isEqualTo(1);
    }
  }

  private static Optional<?> read(DiskStore store, Kind kind, HashCode digest) {
    return kind == Kind.ACTION ? store.action(key("k")) : store.content(digest);
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void flip(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
      channel.write(one, offset);
    }
  }

  /** chmod 000; skips the test where that does not stop this process reading (root). */
  static void makeUnreadable(Path file, Path sibling) throws IOException {
    assumeFalse(!file.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(canRead(file), "this process reads files without read permission (root?)");
  }

  private static boolean canRead(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.read();
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }
}
