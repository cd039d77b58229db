package dev.weft.engine.fingerprint;

import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides which classes are "the project's own" for a fingerprint, and so have their code
 * followed rather than only named.
 *
 * <p>A class is own, relative to the class a fingerprint starts from (its <i>root</i>), when
 * both were defined by the same class loader and loaded from the same code-source location: the
 * same jar or the same classes directory. The JDK (boot and platform loaders) is never own, nor is
 * a library, even one in the same loader, since it comes from another jar. Nested, inner, local
 * and anonymous classes of the project are own, since javac writes them beside their outer class.
 *
 * <p>Consequence: in a project split into several modules (several jars or directories), only
 * the root's module is followed; calls into the others count by their reference (owner, name,
 * descriptor) only, as library calls do. A task whose behaviour depends on another module's code
 * should be given a {@code version}.
 */
final class OwnClasses {

  private OwnClasses() {}

  /**
   * The own class named {@code internalName} ({@code a/b/C$D}) as {@code root}'s loader resolves
   * it, or null if it is not own or cannot be loaded. Loading does not initialize the class.
   */
  static @Nullable Class<?> resolve(Class<?> root, String internalName) {
    if (internalName.startsWith("[") || isJdkName(internalName)) {
      return null; // arrays and the JDK: never own, and no need to load anything to know it
    }
    ClassLoader loader = root.getClassLoader();
    if (loader == null) {
      return null;
    }
    Class<?> type;
    try {
      type = Class.forName(internalName.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      // The code would fail the same way when run; its reference is still in the hash.
      return null;
    }
    return isOwn(root, type) ? type : null;
  }

  /** Whether {@code type} is own relative to {@code root}, as the class comment defines it. */
  static boolean isOwn(Class<?> root, Class<?> type) {
    if (type == root) {
      return true;
    }
    ClassLoader loader = root.getClassLoader();
    if (loader == null
        || loader == ClassLoader.getPlatformClassLoader()
        || type.getClassLoader() != loader) {
      return false;
    }
    return Objects.equals(location(root), location(type));
  }

  private static boolean isJdkName(String internalName) {
    return internalName.startsWith("java/")
        || internalName.startsWith("javax/")
        || internalName.startsWith("jdk/")
        || internalName.startsWith("sun/")
        || internalName.startsWith("com/sun/");
  }

  // As a string: URL.equals may resolve host names over the network.
  private static @Nullable String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    return url == null ? null : url.toExternalForm();
  }
}
