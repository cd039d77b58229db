package dev.weft.examples.jars;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small repository of jars written for the tests, with what a reader should find in each,
 * worked out from what was written rather than by reading the jars back:
 *
 * <pre>
 * repo/a/lib/1.0/lib-1.0.jar          2 classes (4,200 bytes), 5 entries
 * repo/b/multi/2.0/multi-2.0.jar      3 classes (10,400 bytes), 6 entries, multi-release
 * repo/c/bad/1.0/bad-1.0.jar          not a zip file
 * repo/c/damaged/1.0/damaged-1.0.jar  a class whose bytes no longer match its CRC-32
 * </pre>
 *
 * <p>and, not counted, a {@code .sha1} file, a text file and a directory named like a jar.
 */
final class TestJars {
  /** What a jar that was written holds. */
  record Written(Path path, int entries, int classes, long classBytes, boolean multiRelease) {}

  static final String MARKER = "damaged-class-marker";

  final Path lib;
  final Path multi;
  final Path bad;
  final Path damaged;
  final List<Written> readable;

  private TestJars(Path lib, Path multi, Path bad, Path damaged, List<Written> readable) {
    this.lib = lib;
    this.multi = multi;
    this.bad = bad;
    this.damaged = damaged;
    this.readable = readable;
  }

  static TestJars write(Path repo) throws IOException {
    Map<String, byte[]> lib = new LinkedHashMap<>();
    lib.put("META-INF/MANIFEST.MF", manifest(false));
    lib.put("com/", new byte[0]);
    lib.put("com/example/A.class", bytes(3000, 1));
    lib.put("com/example/B.class", bytes(1200, 2));
    lib.put("config.properties", bytes(50, 3));
    Written libJar = jar(repo.resolve("a/lib/1.0/lib-1.0.jar"), lib);

    Map<String, byte[]> multi = new LinkedHashMap<>();
    multi.put("META-INF/MANIFEST.MF", manifest(true));
    multi.put("module-info.class", bytes(300, 4));
    multi.put("x/Y.class", bytes(5000, 5));
    multi.put("META-INF/versions/11/x/Y.class", bytes(5100, 6));
    multi.put("META-INF/versions/", new byte[0]);
    multi.put("x/notes.txt", bytes(10, 7));
    Written multiJar = jar(repo.resolve("b/multi/2.0/multi-2.0.jar"), multi);

    Path bad = Files.createDirectories(repo.resolve("c/bad/1.0")).resolve("bad-1.0.jar");
    Files.write(bad, "this is not a zip file\n".getBytes(US_ASCII));
    Path damaged = damagedJar(repo.resolve("c/damaged/1.0/damaged-1.0.jar"));

    Files.writeString(repo.resolve("a/lib/1.0/lib-1.0.jar.sha1"), "0123456789abcdef\n");
    Files.writeString(repo.resolve("a/lib/1.0/README.txt"), "not a jar\n");
    Files.createDirectories(repo.resolve("b/folder.jar"));
    return new TestJars(libJar.path(), multiJar.path(), bad, damaged, List.of(libJar, multiJar));
  }

  /** The paths of the four jars, sorted as the task {@code jars} lists them. */
  List<Path> all() {
    return List.of(lib, multi, bad, damaged);
  }

  /** Writes {@code entries} in order (names ending with a slash are directories), deflated. */
  static Written jar(Path path, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(path.getParent());
    int classes = 0;
    long classBytes = 0;
    boolean multiRelease = false;
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
        if (entry.getKey().endsWith(".class")) {
          classes++;
          classBytes += entry.getValue().length;
        }
        multiRelease |= entry.getKey().equals("META-INF/MANIFEST.MF")
            && new String(entry.getValue(), US_ASCII).contains("Multi-Release: true");
      }
    }
    return new Written(path, entries.size(), classes, classBytes, multiRelease);
  }

  /**
   * A jar with one class stored uncompressed, then one of that class's bytes changed in the file:
   * the zip's structure is intact, but the class no longer matches its recorded CRC-32.
   */
  private static Path damagedJar(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    byte[] content = (MARKER + " and then some class bytes").getBytes(US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(content);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
      ZipEntry entry = new ZipEntry("p/Damaged.class");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      entry.setCompressedSize(content.length);
      entry.setCrc(crc.getValue());
      out.putNextEntry(entry);
      out.write(content);
      out.closeEntry();
    }
    byte[] file = Files.readAllBytes(path);
    int at = new String(file, US_ASCII).indexOf(MARKER);
    file[at] ^= 0x20; // 'd' becomes 'D'
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write(file);
    }
    return path;
  }

  private static byte[] manifest(boolean multiRelease) {
    return ("Manifest-Version: 1.0\r\n" + (multiRelease ? "Multi-Release: true\r\n" : "")
        + "\r\n").getBytes(US_ASCII);
  }

  /** Bytes that deflate somewhat, as classes do: random letters from a small alphabet. */
  static byte[] bytes(int length, long seed) {
    Random random = new Random(seed);
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(8));
    }
    return bytes;
  }
}
