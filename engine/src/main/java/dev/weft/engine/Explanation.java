package dev.weft.engine;

import com.google.common.hash.HashCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the cache key of a task's last execution was made of: its code fingerprint and, per
 * dependency, the fingerprint of an input or the digest of an upstream value. Comparing it with
 * the parts of a key that missed says why the task runs again ({@code code changed}, {@code input
 * 'top' changed}, …).
 *
 * @param code the code fingerprint, or the hash of the declared version
 * @param parts the keyed dependencies, in the order the task declares them
 */
record Explanation(HashCode code, List<Part> parts) {
  private static final int FORMAT = 1;

  /** One dependency's contribution to a key: an input's fingerprint or an upstream digest. */
  record Part(String name, boolean input, HashCode hash) {}

  Explanation {
    parts = List.copyOf(parts);
  }

  /**
   * Why a task whose key was last made of {@code previous} (null: never executed) executes again
   * with a key made of this.
   */
  String reasonAfter(@Nullable Explanation previous) {
    if (previous == null) {
      return "new";
    }
    if (!code.equals(previous.code)) {
      return "code changed";
    }
    String rewired = rewiring(previous);
    if (rewired != null) {
      return rewired;
    }
    for (int pass = 0; pass < 2; pass++) { // inputs first: an input change explains the rest
      boolean inputs = pass == 0;
      for (int i = 0; i < parts.size(); i++) {
        Part part = parts.get(i);
        if (part.input() == inputs && !part.hash().equals(previous.parts.get(i).hash())) {
          return (inputs ? "input '" : "upstream '") + part.name() + "' changed";
        }
      }
    }
    return "not in cache";
  }

  /**
   * Why the dependencies of the same code are not those of the previous key, or null if they are:
   * a flow composed with another (or run alone again) reads an input from a task (or no longer
   * does).
   */
  private @Nullable String rewiring(Explanation previous) {
    if (parts.size() != previous.parts.size()) {
      return "dependencies changed";
    }
    for (int i = 0; i < parts.size(); i++) {
      Part mine = parts.get(i);
      Part theirs = previous.parts.get(i);
      if (!mine.name().equals(theirs.name())) {
        return "dependencies changed";
      }
      if (mine.input() != theirs.input()) {
        return mine.input()
            ? "'" + mine.name() + "' is now an input, no longer a task"
            : "input '" + mine.name() + "' is now computed by a task";
      }
    }
    return null;
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + parts.size() * 48);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      writeHash(out, code);
      out.writeInt(parts.size());
      for (Part part : parts) {
        out.writeUTF(part.name());
        out.writeBoolean(part.input());
        writeHash(out, part.hash());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #toBytes} wrote; null for anything else, such as an older format. */
  static @Nullable Explanation fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT) {
        return null;
      }
      HashCode code = readHash(in);
      int count = in.readInt();
      if (count < 0 || count > bytes.length) {
        return null;
      }
      List<Part> parts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        parts.add(new Part(in.readUTF(), in.readBoolean(), readHash(in)));
      }
      return in.available() == 0 ? new Explanation(code, parts) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void writeHash(DataOutputStream out, HashCode hash) throws IOException {
    byte[] bytes = hash.asBytes();
    out.writeByte(bytes.length);
    out.write(bytes);
  }

  private static HashCode readHash(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readUnsignedByte()];
    in.readFully(bytes);
    return HashCode.fromBytes(bytes);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Explanation e && code.equals(e.code) && parts.equals(e.parts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, parts);
  }
}
