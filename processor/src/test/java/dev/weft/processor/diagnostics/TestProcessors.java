package dev.weft.processor.diagnostics;

import dev.weft.processor.WeftProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Processors that let the robustness tests observe or disturb {@link WeftProcessor}. */
final class TestProcessors {
  private TestProcessors() {}

  /**
   * A {@link WeftProcessor} whose {@link Filer} throws {@code IllegalStateException("simulated
   * failure")} when asked to create the source file {@code failingType}, as a bug in a later stage
   * would; every other call goes to javac's own Filer.
   */
  static Processor weftFailingToWrite(String failingType) {
    return weftWith(
        env -> {
          Filer filer = env.getFiler();
          Filer failing =
              proxy(
                  Filer.class,
                  (method, args) -> {
                    if (method.getName().equals("createSourceFile")
                        && args[0].toString().equals(failingType)) {
                      throw new IllegalStateException("simulated failure");
                    }
                    return method.invoke(filer, args);
                  });
          return proxy(
              ProcessingEnvironment.class,
              (method, args) ->
                  method.getName().equals("getFiler") ? failing : method.invoke(env, args));
        });
  }

  /**
   * A {@link WeftProcessor} whose {@link Messager} throws {@code IllegalStateException("simulated
   * failure")} when asked to print a message with the id {@code failingId}, as a bug in the stage
   * reporting it would; every other message reaches javac.
   */
  static Processor weftFailingToReport(String failingId) {
    return weftWith(
        env -> {
          Messager messager = env.getMessager();
          Messager failing =
              proxy(
                  Messager.class,
                  (method, args) -> {
                    if (args.length > 1 && args[1].toString().startsWith("[" + failingId + "]")) {
                      throw new IllegalStateException("simulated failure");
                    }
                    return method.invoke(messager, args);
                  });
          return proxy(
              ProcessingEnvironment.class,
              (method, args) ->
                  method.getName().equals("getMessager") ? failing : method.invoke(env, args));
        });
  }

  /** A {@link WeftProcessor} initialised with the environment {@code disturb} makes of javac's. */
  private static Processor weftWith(UnaryOperator<ProcessingEnvironment> disturb) {
    WeftProcessor weft = new WeftProcessor();
    return new Processor() {
      @Override
      public Set<String> getSupportedOptions() {
        return weft.getSupportedOptions();
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return weft.getSupportedAnnotationTypes();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return weft.getSupportedSourceVersion();
      }

      @Override
      public void init(ProcessingEnvironment env) {
        weft.init(disturb.apply(env));
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return weft.process(annotations, round);
      }

      @Override
      public Iterable<? extends Completion> getCompletions(
          Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
        return weft.getCompletions(element, annotation, member, text);
      }
    };
  }

  /** Answers the calls of a proxied interface. */
  private interface Handler {
    Object invoke(Method method, Object[] args) throws Throwable;
  }

  /** A proxy of {@code type}; exceptions of delegated calls are rethrown unwrapped. */
  private static <T> T proxy(Class<T> type, Handler handler) {
    InvocationHandler unwrapping =
        (self, method, args) -> {
          try {
            return handler.invoke(method, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, unwrapping));
  }

  /**
   * Looks up the given classes once processing is over, when every generated source has been
   * entered — even when an error ended the rounds early and no processor saw them as roots.
   */
  static final class TypesAtEnd extends AbstractProcessor {
    private final List<String> wanted;
    final List<String> found = new ArrayList<>();

    TypesAtEnd(String... qualifiedNames) {
      this.wanted = List.of(qualifiedNames);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (round.processingOver()) {
        for (String name : wanted) {
          if (processingEnv.getElementUtils().getTypeElement(name) != null) {
            found.add(name);
          }
        }
      }
      return false;
    }
  }

  /**
   * Generates the given sources in the first round, as a processor whose output Weft's classes
   * depend on would.
   */
  static final class GeneratesInFirstRound extends AbstractProcessor {
    private final Map<String, String> sources;
    private boolean done;

    /** {@code sources} maps each qualified class name to its source code. */
    GeneratesInFirstRound(Map<String, String> sources) {
      this.sources = sources;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      sources.forEach(
          (name, code) -> {
            try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
              out.write(code);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      return false;
    }
  }
}
