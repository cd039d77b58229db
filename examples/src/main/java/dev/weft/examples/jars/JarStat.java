package dev.weft.examples.jars;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * What one jar holds: its entries, its classes and their uncompressed bytes, and whether it is a
 * multi-release jar — or, for a jar that cannot be read, why not.
 *
 * <p>A jar that cannot be read (not a zip file, truncated, a damaged entry, no permission) is a
 * result like the others, with {@link #error()} set and every count zero, so that one bad file in
 * a repository of thousands costs a line in the report rather than the run. Like the others it is
 * cached until the jar changes, which is right for a damaged file: reading it again gives the
 * same error. A jar made readable without being modified ({@code chmod}) keeps its cached error
 * until it is touched, or until a run with {@code --no-cache}.
 *
 * @param path the jar's path, as text: a result names the jar but does not stand for the file. (A
 *     {@code Path} here would make the engine fingerprint every jar again for the tasks that read
 *     the statistics, and run them again when a jar is merely touched.)
 * @param size its size on disk, in bytes, when it was listed
 * @param entries how many entries it has, directories included
 * @param classes how many of them are classes: files whose name ends with {@code .class},
 *     {@code module-info.class} and the versioned classes of a multi-release jar included
 * @param classBytes the classes' uncompressed size in bytes, as read
 * @param multiRelease whether its manifest says {@code Multi-Release: true}
 * @param error why it could not be read, such as {@code ZipException: zip END header not found};
 *     empty for a jar that was read
 */
public record JarStat(String path, long size, int entries, int classes, long classBytes,
    boolean multiRelease, Optional<String> error) {
  private static final int BUFFER = 64 * 1024;

  /**
   * Opens {@code jar} and reads every class in it in full, checking each against the checksum
   * (CRC-32) the jar records for it, so that damaged class data is found, not only a damaged
   * directory. Never throws for a bad jar: returns a result with its {@link #error()}.
   */
  static JarStat read(Jar jar) {
    // No signature verification: it would only slow the reading down, and a jar whose
    // signature does not match is still a jar whose classes can be counted.
    try (JarFile file = new JarFile(jar.path().toFile(), false)) {
      Manifest manifest = file.getManifest();
      boolean multiRelease = manifest != null && "true".equalsIgnoreCase(
          manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
      int entries = 0;
      int classes = 0;
      long classBytes = 0;
      byte[] buffer = new byte[BUFFER];
      // entries() lists every entry, the versioned ones of a multi-release jar included.
      for (Enumeration<JarEntry> all = file.entries(); all.hasMoreElements(); ) {
        JarEntry entry = all.nextElement();
        entries++;
        if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
          classes++;
          classBytes += readChecked(file, entry, buffer);
        }
      }
      return new JarStat(jar.path().toString(), jar.size(), entries, classes, classBytes,
          multiRelease, Optional.empty());
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: an entry name that is not valid in the jar's encoding.
      return unreadable(jar, e);
    }
  }

  /** Whether the jar was read; false when it has an {@link #error()}. */
  public boolean readable() {
    return error.isEmpty();
  }

  /** Reads one entry in full; returns its length after checking it against the jar's records. */
  private static long readChecked(JarFile file, JarEntry entry, byte[] buffer)
      throws IOException {
    CRC32 crc = new CRC32();
    long length = 0;
    try (InputStream in = file.getInputStream(entry)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
        length += n;
      }
    }
    if (entry.getSize() >= 0 && entry.getSize() != length) {
      throw new ZipException(String.format(Locale.ROOT,
          "entry %s has %d bytes where the jar records %d", entry.getName(), length,
          entry.getSize()));
    }
    if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
      throw new ZipException("entry " + entry.getName() + " does not match its CRC-32");
    }
    return length;
  }

  private static JarStat unreadable(Jar jar, Exception e) {
    String why = e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new JarStat(jar.path().toString(), jar.size(), 0, 0, 0, false, Optional.of(why));
  }
}
