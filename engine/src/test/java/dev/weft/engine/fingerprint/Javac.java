package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles sources inside a test, each version into its own directory and class loader, as two
 * builds of a project would be. Debug information is on ({@code -g}): line numbers and local
 * variable tables are present for the fingerprint to ignore.
 */
final class Javac implements AutoCloseable {

  private final Path root;
  private final AtomicInteger versions = new AtomicInteger();
  private final List<URLClassLoader> loaders = new ArrayList<>();

  Javac(Path root) {
    this.root = root;
  }

  /**
   * Compiles {@code sources} (class name to source), against {@code classpath}, into a fresh
   * directory and returns it.
   */
  Path compile(Map<String, String> sources, Path... classpath) {
    Path out = root.resolve("v" + versions.incrementAndGet());
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(name, code)));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      Files.createDirectories(out);
      List<String> options = new ArrayList<>(List.of("-g", "-proc:none", "-d", out.toString()));
      if (classpath.length > 0) {
        options.add("-cp");
        options.add(Stream.of(classpath).map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator)));
      }
      boolean ok = compiler.getTask(null, null, diagnostics, options, null, units).call();
      assertWithMessage("javac: %s", diagnostics.getDiagnostics()).that(ok).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Compiles {@code sources} and returns a new loader over them (JDK classes only besides). */
  ClassLoader load(Map<String, String> sources) {
    return loader(compile(sources));
  }

  /** A new loader over {@code directories}, each its own code source. */
  ClassLoader loader(Path... directories) {
    URL[] urls = new URL[directories.length];
    try {
      for (int i = 0; i < directories.length; i++) {
        urls[i] = directories[i].toUri().toURL();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    loaders.add(loader);
    return loader;
  }

  /** Compiles one class and loads it. */
  Class<?> load(String className, String source) {
    return load(className, Map.of(className, source));
  }

  /** Compiles several classes and loads {@code className}. */
  Class<?> load(String className, Map<String, String> sources) {
    try {
      return Class.forName(className, false, load(sources));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
