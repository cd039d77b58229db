package dev.weft.engine.values;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.google.common.collect.ImmutableList;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The named parts that make up a record or a bean, found once per class.
 *
 * <p>A record is made of its components, in declaration order. Any other class is fingerprinted
 * as a bean only when Jackson would write it as one <em>and every non-static, non-transient field
 * of it and its superclasses is a property Jackson writes</em>. Jackson alone would accept a class
 * with one getter and ten hidden fields, and two values differing only in those fields would then
 * share a fingerprint: a stale cache hit, the one failure a cache must not have. The field check
 * turns that into "cannot fingerprint", and it also keeps out the JDK's and libraries' stateful
 * objects that happen to have a getter ({@code CompletableFuture.isDone()}, a stream's
 * {@code isParallel()}, a multimap's {@code isEmpty()}). Property values are fingerprinted by
 * {@link CanonicalEncoder}, not by Jackson, so a {@code HashSet} inside a bean is still canonical
 * and a cycle through a bean is still caught. Properties are sorted by name.
 */
final class ValueShapes {

  /** Reads one named part of a value. */
  interface Getter {
    @Nullable Object get(Object owner) throws Exception;
  }

  /** A named part of a record or bean; parts sort by name. */
  record Part(String name, Getter getter) implements Comparable<Part> {
    @Override
    public int compareTo(Part other) {
      return name.compareTo(other.name);
    }
  }

  /** The parts of a class, or the reason it has none that can be fingerprinted. */
  record Shape(ImmutableList<Part> parts, @Nullable String problem) {}

  /**
   * The one instance. {@link ValueFingerprints} creates it when it is initialized, near the
   * bottom of a stack: created deep inside a nested value, Jackson's class initialization could
   * overflow the stack, and a class whose initialization failed stays unusable in that JVM.
   */
  static final ValueShapes SHARED = new ValueShapes();

  // Used only to ask which properties Jackson sees; it never writes anything.
  private final ObjectMapper introspector = new ObjectMapper();

  private final ClassValue<Shape> records = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return recordShape(type);
    }
  };

  private final ClassValue<Shape> beans = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return beanShape(type);
    }
  };

  private ValueShapes() {}

  Shape ofRecord(Class<?> type) {
    return records.get(type);
  }

  Shape ofBean(Class<?> type) {
    return beans.get(type);
  }

  private static Shape recordShape(Class<?> type) {
    ImmutableList.Builder<Part> parts = ImmutableList.builder();
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      try {
        accessor.setAccessible(true); // a record nested in a non-public class
      } catch (RuntimeException e) { // InaccessibleObjectException, in a module not opened
        return problem(Texts.join("the record ", type.getName(), " cannot be read (",
            e.getMessage(), "); open its package to Weft"));
      }
      parts.add(new Part(component.getName(), new AccessorGetter(accessor)));
    }
    return new Shape(parts.build(), null);
  }

  private Shape beanShape(Class<?> type) {
    String name = type.getName();
    if (type.isSynthetic() || type.isAnonymousClass() || type.isHidden()) {
      return problem(Texts.join("a ", name, " is a lambda or an anonymous class: code, not a "
          + "value; pass the data it captures instead"));
    }
    String notValue = Texts.join("a ", name, " is not a value Weft can fingerprint");
    String fix = "; use a record, a bean whose every field is a property, or mark the tasks "
        + "that read it uncached";
    JsonSerializer<Object> serializer;
    try {
      serializer = introspector.getSerializerProviderInstance().findValueSerializer(type);
    } catch (Exception e) {
      return problem(Texts.join(notValue, " (Jackson cannot describe it: ", e.getMessage(), ")",
          fix));
    }
    if (!(serializer instanceof BeanSerializerBase)) {
      return problem(Texts.join(notValue, ": it is not a supported type, nor written by Jackson "
          + "as a bean", fix));
    }
    BeanDescription description =
        introspector.getSerializationConfig().introspect(introspector.constructType(type));
    Map<String, String> fieldOfProperty = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      fieldOfProperty.put(property.getName(), property.getInternalName());
    }
    List<Part> parts = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
      PropertyWriter property = it.next();
      if (!(property instanceof BeanPropertyWriter writer)) {
        return problem(Texts.join(notValue, ": Jackson writes its property '", property.getName(),
            "' in a way Weft cannot read", fix));
      }
      written.add(fieldOfProperty.getOrDefault(writer.getName(), writer.getName()));
      parts.add(new Part(writer.getName(), new PropertyGetter(writer)));
    }
    String hidden = hiddenField(type, written);
    if (hidden != null) {
      return problem(Texts.join(notValue, ": its field ", hidden, " is not a property Jackson "
          + "writes, so values differing only in it would share a fingerprint; add a getter for "
          + "it, make it transient if it is not part of the value, or use a record"));
    }
    return parts.isEmpty() ? problem(Texts.join(notValue, ": it has no properties", fix))
        : new Shape(ImmutableList.sortedCopyOf(parts), null);
  }

  /** Returns a field of {@code type} not among {@code written}, as {@code 'name'}, or null. */
  private static @Nullable String hiddenField(Class<?> type, Set<String> written) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
            && !field.isSynthetic() && !written.contains(field.getName())) {
          return Texts.join("'", field.getName(), "'",
              c == type ? "" : Texts.join(" (declared in ", c.getName(), ")"));
        }
      }
    }
    return null;
  }

  /** Reads a record component through its accessor. */
  private static final class AccessorGetter implements Getter {
    private final Method accessor;

    AccessorGetter(Method accessor) {
      this.accessor = accessor;
    }

    @Override
    public @Nullable Object get(Object owner) throws Exception {
      return accessor.invoke(owner);
    }
  }

  /** Reads a bean property the way Jackson would. */
  private static final class PropertyGetter implements Getter {
    private final BeanPropertyWriter writer;

    PropertyGetter(BeanPropertyWriter writer) {
      this.writer = writer;
    }

    @Override
    public @Nullable Object get(Object owner) throws Exception {
      return writer.get(owner);
    }
  }

  private static Shape problem(String reason) {
    return new Shape(ImmutableList.of(), reason);
  }
}
