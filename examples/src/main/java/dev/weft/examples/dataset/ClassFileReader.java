package dev.weft.examples.dataset;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link ClassEntry} holds from the bytes of a class file (JVM specification, chapter
 * 4): the constant pool, then the access flags, this class, the superclass and interfaces, and the
 * counts of fields and methods. Code and attributes are skipped, not interpreted.
 */
final class ClassFileReader {
  private static final int MAGIC = 0xCAFEBABE;

  private ClassFileReader() {}

  /**
   * The entry for the class file {@code bytes}, found in {@code module}.
   *
   * @throws IOException if the bytes are not a well-formed class file
   */
  static ClassEntry read(String module, byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file: it does not start with 0xCAFEBABE");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    // Of the constant pool only the UTF-8 strings and the class entries pointing at them matter.
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // the class file's "modified UTF-8" is readUTF's
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.skipNBytes(2); // String, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> { // Long and Double take two entries
          in.skipNBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    int access = in.readUnsignedShort();
    String name = className(utf8, classNames, in.readUnsignedShort());
    int superIndex = in.readUnsignedShort();
    String superName = superIndex == 0 ? "" : className(utf8, classNames, superIndex);
    int interfaceCount = in.readUnsignedShort();
    List<String> interfaces = new ArrayList<>(interfaceCount);
    for (int i = 0; i < interfaceCount; i++) {
      interfaces.add(className(utf8, classNames, in.readUnsignedShort()));
    }
    int fields = skipMembers(in);
    int methods = skipMembers(in);
    return new ClassEntry(module, name, bytes.length, access, superName, List.copyOf(interfaces),
        fields, methods);
  }

  /** The binary name, with dots, of the class at constant pool entry {@code index}. */
  private static String className(String[] utf8, int[] classNames, int index) throws IOException {
    if (index <= 0 || index >= classNames.length || classNames[index] == 0
        || utf8[classNames[index]] == null) {
      throw new IOException("constant pool entry " + index + " is not a class");
    }
    return utf8[classNames[index]].replace('/', '.');
  }

  /** Skips a table of fields or methods; returns how many it has. */
  private static int skipMembers(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipNBytes(6); // access flags, name, descriptor
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.skipNBytes(2); // name
        in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
      }
    }
    return count;
  }
}
