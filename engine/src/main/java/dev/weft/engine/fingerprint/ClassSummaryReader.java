package dev.weft.engine.fingerprint;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.weft.engine.fingerprint.ClassSummary.LambdaSite;
import dev.weft.engine.fingerprint.ClassSummary.MethodSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a loaded class's class file through Byte Buddy's {@link ClassFileLocator} and summarizes
 * it with Byte Buddy's bundled ASM: one {@link BodyHasher} per method.
 *
 * <p>The file is read as the class's own loader serves it ({@code getResourceAsStream} of
 * {@code a/b/C.class}), so this is the file the class was loaded from unless a loader serves
 * classes and resources inconsistently. Classes without a file — hidden classes, lambdas, proxies
 * and others defined at run time — and files this ASM cannot parse (a class-file version newer
 * than it knows) yield {@link Optional#empty()}, never an exception.
 */
final class ClassSummaryReader extends ClassVisitor {

  private static final Logger logger = LoggerFactory.getLogger(ClassSummaryReader.class);

  private final List<BodyHasher> hashers = new ArrayList<>();
  private final List<LambdaSite> lambdaSites = new ArrayList<>();
  private @Nullable String internalName;

  private ClassSummaryReader() {
    super(OpenedClassReader.ASM_API);
  }

  /** Summarizes {@code type}'s class file, or returns empty if it cannot be read. */
  static Optional<ClassSummary> read(Class<?> type) {
    byte[] bytes;
    try {
      ClassFileLocator.Resolution resolution =
          ClassFileLocator.ForClassLoader.of(type.getClassLoader()).locate(type.getName());
      if (!resolution.isResolved()) {
        logger.debug("No class file for {}: its code cannot be fingerprinted", type.getName());
        return Optional.empty();
      }
      bytes = resolution.resolve();
    } catch (IOException | RuntimeException e) {
      logger.debug("Cannot read the class file of {}: {}", type.getName(), e.toString());
      return Optional.empty();
    }
    return parse(type.getName(), bytes);
  }

  /** Summarizes a class file; {@code name} is only for the log. */
  static Optional<ClassSummary> parse(String name, byte[] bytes) {
    ClassSummaryReader reader = new ClassSummaryReader();
    try {
      ClassReader classReader = OpenedClassReader.of(bytes);
      // Debug attributes and frames carry nothing the fingerprint hashes: not even read.
      classReader.accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    } catch (RuntimeException e) { // ASM signals unsupported or malformed files this way
      logger.debug("Cannot parse the class file of {}: {}", name, e.toString());
      return Optional.empty();
    }
    return Optional.of(reader.summary());
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      @Nullable String signature,
      @Nullable String superName,
      String @Nullable [] interfaces) {
    this.internalName = name;
  }

  @Override
  public MethodVisitor visitMethod(
      int access,
      String name,
      String descriptor,
      @Nullable String signature,
      String @Nullable [] exceptions) {
    BodyHasher hasher = new BodyHasher(access, name, descriptor, lambdaSites);
    hashers.add(hasher);
    return hasher;
  }

  private ClassSummary summary() {
    Map<String, MethodSummary> methods = new LinkedHashMap<>();
    for (BodyHasher hasher : hashers) {
      MethodSummary method = hasher.summary();
      methods.put(method.name() + method.descriptor(), method);
    }
    return new ClassSummary(
        internalName == null ? "" : internalName,
        ImmutableMap.copyOf(methods),
        ImmutableList.copyOf(lambdaSites));
  }
}
